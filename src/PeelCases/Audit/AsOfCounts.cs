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
        var (cut, args) = point switch
        {
            { At: { } at } => ("recorded_at <= ?", new object[] { at }),
            { Version: { } v } => ("seq_id <= (select seq_id from peelcases.mt_events where stream_id = ? and version = ?)", new object[] { inspectionId, v }),
            _ => ("true", Array.Empty<object>()),
        };
        // Each item's latest timeline row up to the point (the index walked backwards), then counted:
        // every piece of evidence in the total, and each live item once per question it bears on.
        var rows = (await session.QueryAsync<string>($$"""
            with latest as (
              select distinct on (item_id) item, finding_kind, question_codes, withdrawn
              from peelcases.{{RecordTimelineProjection.Table}}
              where inspection_id = ? and {{cut}}
              order by item_id desc, version desc)
            select json_build_object('item', 'total', 'count', count(*))::text from latest where item = 'evidence'
            union all
            select json_build_object('item', item, 'kind', finding_kind, 'question', q, 'count', count(*))::text
            from latest cross join lateral unnest(question_codes) as q where not withdrawn group by item, finding_kind, q
            """, ct, [inspectionId, .. args])).Select(json => JsonSerializer.Deserialize<CountRow>(json, Options)!).ToList();
        var total = rows.Single(r => r.Item == "total").Count;
        var byQuestion = rows.Where(r => r.Item == "evidence").ToDictionary(r => r.Question!, r => r.Count);
        var findings = rows.Where(r => r.Item == "finding").GroupBy(r => r.Question!)
            .ToDictionary(g => g.Key, g => g.ToDictionary(r => r.Kind!, r => r.Count));
        return (new EvidenceCounts(total, byQuestion), findings);
    }

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private sealed record CountRow(string Item, string? Kind, string? Question, int Count);
}
