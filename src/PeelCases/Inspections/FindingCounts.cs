using System.Text.Json;
using Marten;

namespace PeelCases.Inspections;

/// <summary>Current (not withdrawn) findings of an inspection, counted per question and kind (the kind's stored name).</summary>
public static class FindingCounts
{
    public static async Task<IReadOnlyDictionary<string, Dictionary<string, int>>> ForInspection(
        IQuerySession session, Guid inspectionId, CancellationToken ct)
    {
        var json = (await session.QueryAsync<string>(
            """
            select coalesce(json_agg(json_build_object('question', q, 'kind', k, 'count', n)), '[]'::json)::text from (
              select data ->> 'questionCode' as q, data -> 'content' ->> 'kind' as k, count(*) as n
              from peelcases.mt_doc_finding
              where inspection_id = ? and coalesce((data ->> 'withdrawn')::boolean, false) = false
              group by 1, 2) counted
            """, ct, inspectionId)).Single();
        return JsonSerializer.Deserialize<List<Row>>(json, Options)!
            .GroupBy(r => r.Question)
            .ToDictionary(g => g.Key, g => g.ToDictionary(r => r.Kind, r => r.Count));
    }

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private sealed record Row(string Question, string Kind, int Count);
}
