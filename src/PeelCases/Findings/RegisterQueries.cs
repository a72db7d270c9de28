using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Findings;

/// <summary>A published finding as the register reads it: the finding, its inspection, and its framework question.</summary>
public sealed record RegisterSource(Finding Finding, Inspection Inspection, FrameworkQuestion? Question);

/// <summary>The register read from the store: findings of the force's inspections, with their framework questions.</summary>
public static class RegisterStore
{
    public static async Task<IReadOnlyList<RegisterItem>> LoadAsync(IQuerySession session, string? forceId, DateOnly? on, CancellationToken ct) =>
        Of(await SourcesAsync(session, forceId, ct), on);

    /// <summary>The register of findings already read (Register.Of).</summary>
    public static IReadOnlyList<RegisterItem> Of(IEnumerable<RegisterSource> sources, DateOnly? on, DateTimeOffset? recordedBy = null) =>
        Register.Of(sources.Select(s => (s.Finding, s.Inspection, s.Question)), on, recordedBy);

    public static async Task<IReadOnlyList<RegisterSource>> SourcesAsync(IQuerySession session, string? forceId, CancellationToken ct)
    {
        // Every inspection: an accelerated cause of concern is published before its inspection's report.
        var query = forceId is null ? session.Query<Inspection>() : session.Query<Inspection>().Where(i => i.ForceId == forceId);
        return await SourcesAsync(session, await query.ToListAsync(ct), ct);
    }

    /// <summary>The same, of inspections a page has read already.</summary>
    public static async Task<IReadOnlyList<RegisterSource>> SourcesAsync(IQuerySession session, IEnumerable<Inspection> read, CancellationToken ct)
    {
        var inspections = read.ToDictionary(i => i.Id);
        var ids = inspections.Keys.ToArray();
        var findings = await session.Query<Finding>().Where(f => f.InspectionId.IsOneOf(ids)).ToListAsync(ct);
        var frameworks = await FrameworkVersions.AllByKeyAsync(session, ct);
        return findings.Select(f =>
        {
            var inspection = inspections[f.InspectionId];
            return new RegisterSource(f, inspection,
                frameworks.GetValueOrDefault(AssessmentFramework.KeyOf(inspection.FrameworkId, inspection.FrameworkVersion))?.FindQuestion(f.QuestionCode));
        }).ToList();
    }

    /// <summary>What <paramref name="later"/> looks at again, from the force's register as it stands now (Register.For).</summary>
    public static async Task<IReadOnlyList<EarlierFinding>> EarlierForAsync(IQuerySession session, Inspection later, AssessmentFramework framework, CancellationToken ct) =>
        Register.For(later, framework, await LoadAsync(session, later.ForceId, null, ct));
}

public static class RegisterEndpoints
{
    /// <summary>A force's register: every published area for improvement, cause of concern and recommendation, and where it stands (as of <c>on</c>).</summary>
    [WolverineGet("/forces/{forceId}/register", Name = "GetForceRegister"), Authorize(Policy = Policies.Inspectorate)]
    [ProducesResponseType<IReadOnlyList<RegisterItem>>(200)]
    public static async Task<IResult> Force(string forceId, DateOnly? on, FollowUpStatus? status, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Force>(forceId, ct) is null
            ? Refusal.NotFound($"There is no force with code '{forceId}'.").ToResult()
            : Results.Ok((await RegisterStore.LoadAsync(session, forceId, on, ct)).Where(i => status is null || i.Status == status).ToList());

    /// <summary>The register across forces (as of <c>on</c>), e.g. every open cause of concern: <c>?status=Open</c>.</summary>
    [WolverineGet("/register", Name = "GetRegister"), Authorize(Policy = Policies.Inspectorate)]
    [ProducesResponseType<IReadOnlyList<RegisterItem>>(200)]
    public static async Task<IReadOnlyList<RegisterItem>> All(DateOnly? on, FollowUpStatus? status, string? cycle, IQuerySession session, CancellationToken ct) =>
        (await RegisterStore.LoadAsync(session, null, on, ct)).Where(i => (status is null || i.Status == status) && (cycle is null || i.Cycle == cycle)).ToList();

    /// <summary>What an inspection should look at again: the force's earlier open items on the questions it covers, and those given a status in it.</summary>
    [WolverineGet("/inspections/{inspectionId}/earlier-findings", Name = "GetEarlierFindings"), Authorize(Policy = Policies.Inspectorate)]
    [ProducesResponseType<IReadOnlyList<EarlierFinding>>(200)]
    public static async Task<IResult> Earlier(Guid inspectionId, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<Inspection>(inspectionId, ct) is not { } inspection) return Refusal.NotFound($"There is no inspection {inspectionId}.").ToResult();
        var framework = (await FrameworkVersions.LoadAsync(session, inspection.FrameworkId, inspection.FrameworkVersion, ct))!;
        return Results.Ok(await RegisterStore.EarlierForAsync(session, inspection, framework, ct));
    }
}
