using JasperFx.Events;
using Marten;
using Marten.Events;
using Marten.Events.Daemon.Coordination;
using JasperFx;
using PeelCases.Fieldwork;
using PeelCases.Findings;
using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.Lifecycle;
using PeelCases.ReferenceData;

namespace PeelCases.Import;

/// <summary>An inspection of the record that was not imported, named so the sender can correct it.</summary>
public sealed record ImportRefusal(int Index, string? ForceId, string? FrameworkId, string Reason);

/// <summary>What an import did: how many inspections and events it stored, which it skipped (already imported) and which it refused.</summary>
public sealed record ImportReport(int Imported, int AlreadyImported, long Events, IReadOnlyList<Guid> InspectionIds, IReadOnlyList<ImportRefusal> Refused, double Seconds);

/// <summary>
/// Loads the published record of past inspections. Each inspection is built in memory by the same
/// decision functions as the API (<see cref="InspectionBuilder"/>); one that breaks a rule is refused
/// with its reason and the rest go on. The accepted ones are written in chunks through Marten's bulk
/// path (one transaction per chunk, no inline projections, nothing handed to the workflow: history
/// gets no reactions), every event marked with who imported it and from which document. Then the
/// read models are brought up to date before the import reports done: each new stream's document is
/// the fold of its events, stored in the same way the inline projections store it, and the async
/// grade history is rebuilt through the running daemon, which pauses its shard while it does so —
/// the daemon would otherwise skip a chunk's sequence range if its transaction outlived the
/// daemon's stale-sequence threshold.
/// </summary>
public sealed class HistoryImport(IDocumentStore store, IProjectionCoordinator? projections, TimeProvider clock)
{
    private const int ChunkSize = 250;

    public async Task<ImportReport> ImportAsync(PublishedRecord record, string actor, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        await using var session = store.QuerySession();
        var forces = (await session.Query<Force>().ToListAsync(ct)).ToDictionary(f => f.Id);
        var frameworks = await FrameworkVersions.AllByKeyAsync(session, ct);
        var forceIds = (record.Inspections ?? []).Select(p => p.ForceId).Distinct().ToList();
        var known = (await session.Query<Inspection>().Where(i => i.ForceId.IsOneOf(forceIds)).ToListAsync(ct)).ToList();

        var refused = new List<ImportRefusal>();
        var built = new List<(BuiltInspection Built, PublishedInspection From)>();
        var already = 0;
        // Oldest first, so a carry-over finds the judgment imported before it in the same record.
        foreach (var (p, index) in (record.Inspections ?? []).Select((p, i) => (p, i)).OrderBy(x => x.p.FieldworkStarts))
        {
            try
            {
                if (!forces.TryGetValue(p.ForceId!, out var force)) throw new ImportRefused($"There is no force with code '{p.ForceId}'.");
                var framework = FrameworkVersions.Applicable(frameworks.Values.Where(f => f.Id == p.FrameworkId), p.FieldworkStarts!.Value, p.FrameworkVersion)
                    ?? throw new ImportRefused($"There is no framework '{p.FrameworkId}'{(p.FrameworkVersion is { } v ? $" version {v}" : "")}.");
                var id = p.InspectionId ?? ImportIds.For(force.Id, framework.Id, framework.Version, p.Questions!.Select(q => q.Code!));
                if (known.Any(i => i.Id == id)) { already++; continue; }
                var inspection = InspectionBuilder.Build(p, id, force, framework, known, frameworks, actor);
                built.Add((inspection, p));
                known.Add(inspection.Inspection);
            }
            catch (ImportRefused e)
            {
                refused.Add(new ImportRefusal(index, p.ForceId, p.FrameworkId, e.Message));
            }
        }

        long events = 0;
        foreach (var chunk in built.Chunk(ChunkSize)) events += await WriteAsync(chunk, record.Source, actor, ct);
        // Without a coordinator (the demo, before the daemon starts) the daemon folds them in when it starts.
        if (built.Count > 0 && projections is not null) await GradeHistoryRebuild.RunAsync(store, projections, TimeSpan.FromMinutes(5), ct);
        return new ImportReport(built.Count, already, events, built.Select(b => b.Built.Inspection.Id).ToList(), refused.OrderBy(r => r.Index).ToList(),
            clock.GetElapsedTime(started).TotalSeconds);
    }

    private async Task<long> WriteAsync(IReadOnlyList<(BuiltInspection Built, PublishedInspection From)> chunk, string? source, string actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var correlation = Guid.NewGuid().ToString();
        var all = chunk.SelectMany(c => c.Built.Events.Select(e => (e.Stream, e.Aggregate, e.Event, c.From))).ToList();
        var versions = new Dictionary<Guid, long>();
        var ordered = all.Select(e =>
        {
            var version = versions[e.Stream] = versions.GetValueOrDefault(e.Stream) + 1;
            var wrapped = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(e.Event.GetType()), e.Event)!;
            wrapped.Id = Guid.CreateVersion7(now);
            wrapped.StreamId = e.Stream;
            wrapped.Version = version;
            wrapped.Timestamp = now; // recorded now; the business date is the event's own
            wrapped.UserName = actor;
            wrapped.CorrelationId = correlation;
            wrapped.SetHeader(ImportHeaders.ImportedBy, actor);
            wrapped.SetHeader(ImportHeaders.Source, e.From.Source ?? source ?? "");
            if (e.From.Generated) wrapped.SetHeader(ImportHeaders.Generated, true);
            return wrapped;
        }).ToList();
        var headers = all.GroupBy(e => e.Stream).Select(g => new BulkEventStreamHeader
        {
            Id = g.Key, Version = versions[g.Key], AggregateType = g.First().Aggregate,
        }).ToList();
        // One COPY batch per chunk: the bulk path reserves sequence numbers a batch at a time, and a part-used block would leave a
        // gap that the async daemon waits on before it skips it.
        await store.BulkInsertEventStreamAsync(StorageConstants.DefaultTenantId, headers, AsAsync(ordered), Math.Max(1, ordered.Count), ct);

        // The inline read models of the new streams: the same folds the inline projections apply.
        await using var session = store.LightweightSession();
        foreach (var (built, _) in chunk)
        {
            session.Store(built.Inspection);
            foreach (var evidence in built.Evidence) session.Store(evidence);
            foreach (var finding in built.Findings) session.Store(finding);
        }
        session.QueueSqlCommand(RecordTimelineProjection.Fill("e.stream_id = any(?)"), headers.Select(h => h.Id).ToArray());
        await session.SaveChangesAsync(ct);
        return ordered.Count;
    }

    private static async IAsyncEnumerable<IEvent> AsAsync(IEnumerable<IEvent> events)
    {
        foreach (var e in events) yield return e;
        await Task.CompletedTask;
    }
}
