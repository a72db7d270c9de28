using Marten;
using Marten.Events.Daemon.Coordination;
using PeelCases.Grading;
using PeelCases.Lifecycle;
using Weasel.Core;

namespace PeelCases.Rebuild;

/// <summary>What a rebuild wrote: the events read, the documents of each kind, and how long it took.</summary>
public sealed record RebuildReport(long Events, IReadOnlyDictionary<string, int> Documents, double Seconds)
{
    /// <summary>Seconds the record's timeline took (written beside the documents), when it was rebuilt too.</summary>
    public double? TimelineSeconds { get; init; }
}

/// <summary>
/// Every read model rebuilt from the stored events (ADR 0018). Marten's daemon rebuilds one projection at a time, each a
/// full pass of the store writing one row per statement; here one pass reads the events stream by stream (Marten's own
/// query, so stored names and masking are as every other read sees them), each stream is folded by the projection whose
/// <c>Create</c> takes its first event (<see cref="StreamFolding"/>), and the documents are written with Marten's bulk
/// COPY a batch at a time, so memory stays bounded by one stream and one batch. The async grade history is rebuilt by the
/// daemon. The record's timeline is written again by its one SQL mapping at the same time: that work is the database's,
/// the documents' mostly this process's, so on two cores the two overlap.
/// Run with the nodes stopped, as Marten's own rebuild of an inline projection: a write during it could be lost.
/// </summary>
public sealed class ReadModelRebuild(IDocumentStore store, IProjectionCoordinator? projections, TimeProvider clock)
{
    private const int BatchSize = 5_000;
    private const int ProgressEvery = 100_000;

    /// <summary>Every read model: the documents and the record's timeline side by side.</summary>
    public async Task<RebuildReport> AllAsync(Action<long>? progress, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var timeline = TimelineAsync(ct);
        var documents = DocumentsAsync(progress, ct);
        await Task.WhenAll(timeline, documents);
        return (await documents) with { Seconds = clock.GetElapsedTime(started).TotalSeconds, TimelineSeconds = await timeline };
    }

    /// <summary>The documents of every stream, then the async grade history; <paramref name="progress"/> hears the events read so far.</summary>
    public async Task<RebuildReport> DocumentsAsync(Action<long>? progress, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        foreach (var type in StreamFolding.Documents) await store.Advanced.Clean.DeleteDocumentsByTypeAsync(type, ct);
        var written = StreamFolding.Documents.ToDictionary(t => t.Name, _ => 0);
        var batch = new List<object>(BatchSize);
        long events = 0;
        StreamFolding? stream = null;

        async Task Finish()
        {
            if (stream?.Document() is not { } doc) return;
            written[doc.GetType().Name]++;
            batch.Add(doc);
            if (batch.Count < BatchSize) return;
            await store.BulkInsertDocumentsAsync(batch, BulkInsertMode.InsertsOnly, BatchSize, ct);
            batch.Clear();
        }

        await using (var session = store.QuerySession())
        {
            var ordered = session.Events.QueryAllRawEvents().OrderBy(e => e.StreamId).ThenBy(e => e.Version);
            await foreach (var e in ordered.ToAsyncEnumerable(ct))
            {
                if (++events % ProgressEvery == 0) progress?.Invoke(events);
                if (e.StreamId != stream?.Id)
                {
                    await Finish();
                    stream = new StreamFolding(e.StreamId);
                }
                stream!.Take(e);
            }
        }
        await Finish();
        if (batch.Count > 0) await store.BulkInsertDocumentsAsync(batch, BulkInsertMode.InsertsOnly, BatchSize, ct);

        await GradeHistoryRebuild.RunAsync(store, projections, TimeSpan.FromHours(1), ct);
        return new RebuildReport(events, written, clock.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>The record's timeline written again and vacuumed (<see cref="RecordTimelineFill.RefillAsync"/>); returns the seconds it took.</summary>
    public async Task<double> TimelineAsync(CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await RecordTimelineFill.RefillAsync(connection, ct);
        return clock.GetElapsedTime(started).TotalSeconds;
    }
}
