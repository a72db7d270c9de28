using System.Diagnostics;
using JasperFx.Events;
using Marten;
using Marten.Events.Daemon.Coordination;
using PeelCases.Fieldwork;
using PeelCases.Findings;
using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.Lifecycle;
using PeelCases.Monitoring;
using Weasel.Core;

namespace PeelCases.Rebuild;

/// <summary>What a rebuild wrote: the events read, the documents of each kind, and how long it took.</summary>
public sealed record RebuildReport(long Events, IReadOnlyDictionary<string, int> Documents, double Seconds);

/// <summary>
/// Every read model rebuilt from the stored events (ADR 0018). Marten's daemon rebuilds one projection at a time, each a
/// full pass of the store writing one row per statement; here one pass reads the events stream by stream (Marten's own
/// query, so stored names and masking are as every other read sees them), each stream is folded by the projection whose
/// <c>Create</c> takes its first event — the same static methods the inline projections run (<see cref="StaticFold{TProjection,TDoc}"/>)
/// — and the documents are written with Marten's bulk COPY a batch at a time, so memory stays bounded by one stream and
/// one batch. The record's timeline is refilled by its one SQL mapping and the async grade history by the daemon.
/// Run with the nodes stopped, as Marten's own rebuild of an inline projection: a write during it could be lost.
/// </summary>
public sealed class ReadModelRebuild(IDocumentStore store, IProjectionCoordinator? projections, TimeProvider clock)
{
    private const int BatchSize = 5_000;

    /// <summary>The inline documents folded from their own streams, tried in this order on each stream's first event.</summary>
    private static readonly StreamFold[] Folds =
    [
        StreamFold.Of<InspectionProjection, Inspection>((d, v) => d.Version = v),
        StreamFold.Of<EvidenceProjection, Evidence>((d, v) => d.Version = v),
        StreamFold.Of<FindingProjection, Finding>((d, v) => d.Version = v),
        StreamFold.Of<ForceMonitoringProjection, ForceMonitoring>((d, v) => d.Version = v),
    ];

    /// <summary>The documents of every stream, then the async grade history.</summary>
    public async Task<RebuildReport> DocumentsAsync(CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        foreach (var fold in Folds) await store.Advanced.Clean.DeleteDocumentsByTypeAsync(fold.Document, ct);
        var written = Folds.ToDictionary(f => f.Document.Name, _ => 0);
        var batch = new List<object>(BatchSize);
        long events = 0;
        var stream = new StreamState();

        async Task Finish()
        {
            if (stream.Document is not { } doc) return;
            stream.Owner!.Stamp(doc, stream.Version);
            written[stream.Owner.Document.Name]++;
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
                events++;
                if (e.StreamId != stream.Id)
                {
                    await Finish();
                    stream = new StreamState { Id = e.StreamId };
                }
                stream.Take(e);
            }
        }
        await Finish();
        if (batch.Count > 0) await store.BulkInsertDocumentsAsync(batch, BulkInsertMode.InsertsOnly, BatchSize, ct);

        await GradeHistoryRebuild.RunAsync(store, projections, TimeSpan.FromHours(1), ct);
        return new RebuildReport(events, written, clock.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>The record's timeline: rows missing for any stored event are added and closed (a second fill adds nothing).</summary>
    public async Task TimelineAsync(CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        session.QueueSqlCommand(RecordTimelineProjection.Fill("true"));
        await session.SaveChangesAsync(ct);
    }

    /// <summary>One stream as it is folded: the projection that took its first event, its document, the version of the last event applied.</summary>
    private sealed class StreamState
    {
        public Guid Id { get; init; }
        public StreamFold? Owner { get; private set; }
        public object? Document { get; private set; }
        public long Version { get; private set; }

        public void Take(IEvent e)
        {
            if (Owner is null)
            {
                foreach (var fold in Folds)
                    if (fold.Create(e.Data) is { } created)
                    {
                        (Owner, Document, Version) = (fold, created, e.Version);
                        return;
                    }
                return;
            }
            if (!Owner.Applies(e.Data.GetType())) return;
            Owner.Apply(Document!, e.Data);
            Version = e.Version;
        }
    }
}

/// <summary>One inline projection's fold, typed once so the rebuild can treat its documents alike.</summary>
internal sealed record StreamFold(Type Document, Func<object, object?> Create, Func<Type, bool> Applies, Action<object, object> Apply, Action<object, long> Stamp)
{
    public static StreamFold Of<TProjection, TDoc>(Action<TDoc, long> stamp) where TDoc : class => new(typeof(TDoc),
        e => StaticFold<TProjection, TDoc>.Apply(null, e),
        StaticFold<TProjection, TDoc>.Applies,
        (doc, e) => StaticFold<TProjection, TDoc>.Apply((TDoc)doc, e),
        (doc, version) => stamp((TDoc)doc, version));
}
