using System.Text.Json;
using Marten;
using Marten.Services.BatchQuerying;

namespace PeelCases.Inspections;

/// <summary>
/// An inspection's evidence and current findings, counted per question (findings per kind, by the kind's stored name),
/// now or as they stood at a moment or an inspection version. Counted in PostgreSQL from the record's timeline
/// (<c>record_timeline</c>, written with each evidence and finding event by the Lifecycle capability): one index range,
/// no JSON, only the counts sent to the service.
/// </summary>
public static class RecordCounts
{
    public const string Table = "record_timeline";

    public static async Task<(EvidenceCounts EvidenceCounts, IReadOnlyDictionary<string, Dictionary<string, int>> Findings)> LoadAsync(
        IQuerySession session, Guid inspectionId, CancellationToken ct, DateTimeOffset? at = null, long? version = null)
    {
        var (sql, args) = Count([inspectionId], "true", at, version);
        return Parse(Rows(await session.QueryAsync<string>(sql, ct, args)));
    }

    /// <summary>The same counts queued in a batch with the rest of a read (one round trip); await it after the batch runs.</summary>
    public static async Task<(EvidenceCounts EvidenceCounts, IReadOnlyDictionary<string, Dictionary<string, int>> Findings)> LoadAsync(
        IBatchedQuery batch, Guid inspectionId, DateTimeOffset? at = null, long? version = null)
    {
        var (sql, args) = Count([inspectionId], "true", at, version);
        return Parse(Rows(await batch.Query<string>(sql, args)));
    }

    /// <summary>The current findings alone: only the finding rows are read.</summary>
    public static async Task<IReadOnlyDictionary<string, Dictionary<string, int>>> FindingsAsync(IQuerySession session, Guid inspectionId, CancellationToken ct) =>
        (await FindingsAsync(session, [inspectionId], ct)).GetValueOrDefault(inspectionId) ?? new Dictionary<string, Dictionary<string, int>>();

    /// <summary>The current findings of several inspections (a cycle's forces) in one query, by inspection.</summary>
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, Dictionary<string, int>>>> FindingsAsync(
        IQuerySession session, IReadOnlyCollection<Guid> inspectionIds, CancellationToken ct)
    {
        var (sql, args) = Count([.. inspectionIds], "item = 'finding'", null, null);
        return Rows(await session.QueryAsync<string>(sql, ct, args)).GroupBy(r => r.Inspection)
            .ToDictionary(g => g.Key, g => Parse(g.ToList()).Findings);
    }

    /// <summary>The counting query; a version cut is of the one inspection asked for.</summary>
    private static (string Sql, object[] Args) Count(Guid[] inspectionIds, string items, DateTimeOffset? at, long? version)
    {
        // One inspection by equality: the as-of count reads its index in group order (ADR 0012).
        var (inspections, inspectionArg) = inspectionIds.Length == 1 ? ("inspection_id = ?", (object)inspectionIds[0]) : ("inspection_id = any(?)", inspectionIds);
        // A row counts at the point if it was recorded by then and not yet replaced by the item's next event.
        const string seqOfVersion = "(select seq_id from peelcases.mt_events where stream_id = ? and version = ?)";
        var (cut, args) = (at, version) switch
        {
            ({ } moment, _) => ("recorded_at <= ? and (superseded_at is null or superseded_at > ?)", new object[] { moment, moment }),
            (_, { } v) => ($"seq_id <= {seqOfVersion} and (superseded_seq is null or superseded_seq > {seqOfVersion})",
                new object[] { inspectionIds[0], v, inspectionIds[0], v }),
            _ => ("superseded_seq is null", Array.Empty<object>()),
        };
        return ($"""
            select json_build_object('inspection', inspection_id, 'item', item, 'kind', finding_kind, 'question', question, 'count', count(*))::text
            from peelcases.{Table}
            where {inspections} and not withdrawn and {items} and {cut}
            group by inspection_id, item, finding_kind, question
            """, [inspectionArg, .. args]);
    }

    private static List<CountRow> Rows(IEnumerable<string> json) => json.Select(j => JsonSerializer.Deserialize<CountRow>(j, Options)!).ToList();

    private static (EvidenceCounts EvidenceCounts, IReadOnlyDictionary<string, Dictionary<string, int>> Findings) Parse(IReadOnlyList<CountRow> rows)
    {
        // A piece of evidence has a row for itself ('*', the total counts it once) and one per question it bears on.
        var total = rows.SingleOrDefault(r => r.Item == "evidence" && r.Question == "*")?.Count ?? 0;
        var byQuestion = rows.Where(r => r.Item == "evidence" && r.Question != "*").ToDictionary(r => r.Question, r => r.Count);
        var findings = rows.Where(r => r.Item == "finding").GroupBy(r => r.Question)
            .ToDictionary(g => g.Key, g => g.ToDictionary(r => r.Kind!, r => r.Count));
        return (new EvidenceCounts(total, byQuestion), findings);
    }

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private sealed record CountRow(Guid Inspection, string Item, string? Kind, string Question, int Count);
}
