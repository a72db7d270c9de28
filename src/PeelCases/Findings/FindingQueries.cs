using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using PeelCases.Inspections;
using PeelCases.Kernel;

namespace PeelCases.Findings;

public static class FindingQueries
{
    [WolverineGet("/inspections/{inspectionId}/findings/{findingId}", Name = "GetFinding"), Authorize(Policy = Policies.Inspectorate)]
    [ProducesResponseType<Finding>(200)]
    public static async Task<IResult> Get(Guid inspectionId, Guid findingId, IQuerySession session, CancellationToken ct)
    {
        var finding = await session.LoadAsync<Finding>(findingId, ct);
        return finding is null || finding.InspectionId != inspectionId
            ? Refusal.NotFound($"Inspection {inspectionId} has no finding {findingId}.").ToResult()
            : Results.Ok(finding);
    }

    /// <summary>An inspection's current findings (withdrawn ones only when asked), by question then drafting order.</summary>
    [WolverineGet("/inspections/{inspectionId}/findings", Name = "ListFindings"), Authorize(Policy = Policies.Inspectorate)]
    [ProducesResponseType<IReadOnlyList<Finding>>(200)]
    public static async Task<IResult> List(Guid inspectionId, string? question, bool? includeWithdrawn, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<Inspection>(inspectionId, ct) is null)
            return Refusal.NotFound($"There is no inspection {inspectionId}.").ToResult();
        return Results.Ok(await ForInspection(session, inspectionId, question, includeWithdrawn == true, ct));
    }

    public static async Task<IReadOnlyList<Finding>> ForInspection(IQuerySession session, Guid inspectionId, string? question, bool includeWithdrawn, CancellationToken ct)
    {
        var query = session.Query<Finding>().Where(f => f.InspectionId == inspectionId);
        if (!includeWithdrawn) query = query.Where(f => !f.Withdrawn);
        if (!string.IsNullOrWhiteSpace(question)) query = query.Where(f => f.QuestionCode == question.ToUpperInvariant());
        return await query.OrderBy(f => f.QuestionCode).ThenBy(f => f.DraftedAt).ThenBy(f => f.Id).ToListAsync(ct);
    }
}
