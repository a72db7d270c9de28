using System.Text.Json;
using Marten;

namespace PeelCases.Inspections;

/// <summary>How much evidence an inspection holds, per question, counted from the evidence documents.</summary>
public sealed record EvidenceCounts(int Total, IReadOnlyDictionary<string, int> ByQuestion)
{
    public static async Task<EvidenceCounts> ForInspection(IQuerySession session, Guid inspectionId, CancellationToken ct)
    {
        // One round trip: the total and the per-question counts folded into one JSON object.
        var json = (await session.QueryAsync<string>(
            """
            select json_build_object(
              'total', (select count(*) from peelcases.mt_doc_evidence where inspection_id = ?),
              'byQuestion', coalesce((select json_object_agg(code, n) from (
                  select q.code, count(*) as n
                  from peelcases.mt_doc_evidence e
                  cross join lateral jsonb_array_elements_text(e.data -> 'content' -> 'questionCodes') as q(code)
                  where e.inspection_id = ?
                  group by q.code) counted), '{}'::json))::text
            """, ct, inspectionId, inspectionId)).Single();
        var parsed = JsonSerializer.Deserialize<Counted>(json, JsonSerializerOptions.Web)!;
        return new EvidenceCounts(parsed.Total, parsed.ByQuestion);
    }

    private sealed record Counted(int Total, Dictionary<string, int> ByQuestion);
}
