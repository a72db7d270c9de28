using System.Text.Json;
using Marten;
using PeelCases.Fieldwork;
using PeelCases.Inspections;

namespace PeelCases.Audit;

/// <summary>
/// Evidence and finding counts as they stood at a point, aggregated in PostgreSQL from the
/// latest event of each evidence and finding stream up to that point — what
/// <see cref="RecordState"/> computes by folding, without moving thousands of events to the
/// service. Keeps the as-of overview fast on large inspections.
/// </summary>
public static class AsOfCounts
{
    public static async Task<(EvidenceCounts Evidence, IReadOnlyDictionary<string, Dictionary<string, int>> Findings)> LoadAsync(
        IQuerySession session, Guid inspectionId, PointInRecord point, CancellationToken ct)
    {
        var (cut, args) = point switch
        {
            { At: { } at } => ("e.timestamp <= ?", new object[] { at }),
            { Version: { } v } => ("e.seq_id <= (select seq_id from peelcases.mt_events where stream_id = ? and version = ?)", new object[] { inspectionId, v }),
            _ => ("true", Array.Empty<object>()),
        };
        var evidence = (await session.QueryAsync<string>($$"""
            with latest as (
              select distinct on (e.stream_id) e.data
              from peelcases.mt_events e join peelcases.mt_doc_evidence d on d.id = e.stream_id
              where d.inspection_id = ? and e.type in ('evidence_recorded', 'evidence_amended') and {{cut}}
              order by e.stream_id, e.seq_id desc)
            select json_build_object('total', (select count(*) from latest),
              'byQuestion', coalesce((select json_object_agg(q, n) from (
                select q, count(*) as n from latest cross join lateral jsonb_array_elements_text(latest.data -> 'content' -> 'questionCodes') as q
                group by q) counted), '{}'::json))::text
            """, ct, [inspectionId, .. args])).Single();
        var findings = (await session.QueryAsync<string>($$"""
            with latest as (
              select distinct on (e.stream_id) e.type, e.data
              from peelcases.mt_events e join peelcases.mt_doc_finding d on d.id = e.stream_id
              where d.inspection_id = ? and e.type in ('finding_drafted', 'finding_revised', 'finding_withdrawn') and {{cut}}
              order by e.stream_id, e.seq_id desc)
            select coalesce(json_agg(json_build_object('question', q, 'kind', k, 'count', n)), '[]'::json)::text from (
              select data ->> 'questionCode' as q, data -> 'content' ->> 'kind' as k, count(*) as n
              from latest where type <> 'finding_withdrawn' group by 1, 2) counted
            """, ct, [inspectionId, .. args])).Single();

        var e = JsonSerializer.Deserialize<EvidenceRow>(evidence, Options)!;
        var f = JsonSerializer.Deserialize<List<FindingRow>>(findings, Options)!;
        return (new EvidenceCounts(e.Total, e.ByQuestion),
            f.GroupBy(r => r.Question).ToDictionary(g => g.Key, g => g.ToDictionary(r => r.Kind, r => r.Count)));
    }

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private sealed record EvidenceRow(int Total, Dictionary<string, int> ByQuestion);

    private sealed record FindingRow(string Question, string Kind, int Count);
}
