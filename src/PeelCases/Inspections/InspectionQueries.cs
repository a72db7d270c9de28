using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Inspections;

public static class InspectionQueries
{
    [WolverineGet("/inspections/{inspectionId}", Name = "GetInspection"), Authorize(Policy = Policies.Inspectorate)]
    [ProducesResponseType<InspectionView>(200)]
    public static async Task<IResult> Get(Guid inspectionId, IQuerySession session, CancellationToken ct)
    {
        var inspection = await session.LoadAsync<Inspection>(inspectionId, ct);
        return inspection is null
            ? Refusal.NotFound($"There is no inspection {inspectionId}.").ToResult()
            : Results.Ok(await InspectionView.Load(session, inspection, ct));
    }

    /// <summary>Inspections, newest cycle first; filter by force and/or cycle.</summary>
    [WolverineGet("/inspections", Name = "ListInspections"), Authorize(Policy = Policies.Inspectorate)]
    public static async Task<IReadOnlyList<InspectionSummary>> List(string? force, string? cycle, IQuerySession session, CancellationToken ct)
    {
        IQueryable<Inspection> query = session.Query<Inspection>();
        if (!string.IsNullOrWhiteSpace(force)) query = query.Where(i => i.ForceId == force);
        if (!string.IsNullOrWhiteSpace(cycle)) query = query.Where(i => i.Cycle == cycle);
        var inspections = await query.OrderByDescending(i => i.Cycle).ThenBy(i => i.ForceId).Take(500).ToListAsync(ct);
        var forces = (await session.Query<Force>().ToListAsync(ct)).ToDictionary(f => f.Id, f => f.Name);
        return inspections.Select(i => new InspectionSummary(
            i.Id, i.ForceId, forces.GetValueOrDefault(i.ForceId, i.ForceId), i.Cycle, i.FrameworkId, i.Stage,
            i.LeadInspector, i.FieldworkStarts, i.FieldworkEnds, i.Questions.Count, i.Version)).ToList();
    }
}

public sealed record InspectionSummary(
    Guid Id, string ForceId, string ForceName, string Cycle, string FrameworkId, InspectionStage Stage,
    string LeadInspector, DateOnly FieldworkStarts, DateOnly FieldworkEnds, int QuestionCount, long Version);
