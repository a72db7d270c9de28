using System.Text.Json;
using Marten;
using PeelCases.Fieldwork;
using PeelCases.Inspections;
using PeelCases.Lifecycle;

namespace PeelCases.Audit;

/// <summary>
/// Evidence and finding counts as they stood at a point — what <see cref="RecordState"/> computes by
/// folding — counted in PostgreSQL from the record's timeline (<see cref="RecordTimelineProjection"/>):
/// one index range, no JSON, nothing but counts sent to the service.
/// </summary>
public static class AsOfCounts
{
    public static async Task<(EvidenceCounts Evidence, IReadOnlyDictionary<string, Dictionary<string, int>> Findings)> LoadAsync(
        IQuerySession session, Guid inspectionId, PointInRecord point, CancellationToken ct)
    {
        // A row counts at the point if it was recorded by then and not yet replaced by the item's next event.
        var (cut, args) = point switch
        {
            { At: { } at } => ("recorded_at <= ? and (superseded_at is null or superseded_at > ?)", new object[] { at, at }),
            { Version: { } v } => ("seq_id <= (select seq_id from peelcases.mt_events where stream_id = ? and version = ?) " +
                "and (superseded_seq is null or superseded_seq > (select seq_id from peelcases.mt_events where stream_id = ? and version = ?))",
                new object[] { inspectionId, v, inspectionId, v }),
            _ => ("superseded_seq is null", Array.Empty<object>()),
        };
        var rows = (await session.QueryAsync<string>($$"""
            select json_build_object('item', item, 'kind', finding_kind, 'question', question, 'count', count(*))::text
            from peelcases.{{RecordTimelineProjection.Table}}
            where inspection_id = ? and not withdrawn and {{cut}}
            group by item, finding_kind, question
            """, ct, [inspectionId, .. args])).Select(json => JsonSerializer.Deserialize<CountRow>(json, Options)!).ToList();
        var total = rows.SingleOrDefault(r => r.Item == "evidence" && r.Question == "*")?.Count ?? 0;
        var byQuestion = rows.Where(r => r.Item == "evidence" && r.Question != "*").ToDictionary(r => r.Question, r => r.Count);
        var findings = rows.Where(r => r.Item == "finding").GroupBy(r => r.Question)
            .ToDictionary(g => g.Key, g => g.ToDictionary(r => r.Kind!, r => r.Count));
        return (new EvidenceCounts(total, byQuestion), findings);
    }

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private sealed record CountRow(string Item, string? Kind, string Question, int Count);
}
