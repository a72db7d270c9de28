using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using PeelCases.Inspections;
using PeelCases.Kernel;

namespace PeelCases.Fieldwork;

public static class EvidenceQueries
{
    [WolverineGet("/inspections/{inspectionId}/evidence/{evidenceId}", Name = "GetEvidence"), Authorize(Policy = Policies.Inspectorate)]
    [ProducesResponseType<Evidence>(200)]
    public static async Task<IResult> Get(Guid inspectionId, Guid evidenceId, IQuerySession session, CancellationToken ct)
    {
        var evidence = await session.LoadAsync<Evidence>(evidenceId, ct);
        return evidence is null || evidence.InspectionId != inspectionId
            ? Refusal.NotFound($"Inspection {inspectionId} has no evidence {evidenceId}.").ToResult()
            : Results.Ok(evidence);
    }

    /// <summary>An inspection's evidence in the order it was recorded; filter by question.</summary>
    [WolverineGet("/inspections/{inspectionId}/evidence", Name = "ListEvidence"), Authorize(Policy = Policies.Inspectorate)]
    [ProducesResponseType<IReadOnlyList<Evidence>>(200)]
    public static async Task<IResult> List(Guid inspectionId, string? question, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<Inspection>(inspectionId, ct) is null)
            return Refusal.NotFound($"There is no inspection {inspectionId}.").ToResult();
        var evidence = await session.Query<Evidence>()
            .Where(e => e.InspectionId == inspectionId)
            .OrderBy(e => e.RecordedAt).ThenBy(e => e.Id) // ties (one batch) in a stable order
            .ToListAsync(ct);
        return Results.Ok(string.IsNullOrWhiteSpace(question)
            ? evidence
            : evidence.Where(e => e.Content.QuestionCodes.Contains(question, StringComparer.OrdinalIgnoreCase)).ToList());
    }
}
