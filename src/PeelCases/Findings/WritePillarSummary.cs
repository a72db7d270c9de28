using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Findings;

/// <summary>
/// The pillar summary a report prints under the pillar's grade: text written for the public, never
/// the grade proposal's rationale, which is internal deliberation (added 2026-11-27).
/// </summary>
public sealed record PillarSummaryWritten(Guid InspectionId, string PillarCode, [property: PublicText] string Summary, string WrittenBy, DateTimeOffset WrittenAt) : IBusinessEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => WrittenAt;
}

public sealed record WritePillarSummary(string? Summary, long? ExpectedVersion);

public static class WritePillarSummaryRules
{
    public static FieldErrors Validate(WritePillarSummary c) => new FieldErrors()
        .Text("summary", c.Summary, FieldErrors.LongText)
        .Required("expectedVersion", c.ExpectedVersion);

    public static Decision<PillarSummaryWritten> Decide(Inspection inspection, AssessmentFramework framework, string pillarCode, WritePillarSummary c,
        string actor, DateTimeOffset now)
    {
        var pillar = framework.Pillars.FirstOrDefault(p => string.Equals(p.Code, pillarCode, StringComparison.OrdinalIgnoreCase));
        if (pillar is null || !inspection.Questions.Any(q => framework.FindQuestion(q.Code)?.PillarCode == pillar.Code))
            return Refusal.NotFound($"Inspection {inspection.Id} does not cover a pillar '{pillarCode}'.");
        if (PublicSummaries.TextFixed(inspection) is { } fixedText) return fixedText;
        return new PillarSummaryWritten(inspection.Id, pillar.Code, c.Summary!.Trim(), actor, now);
    }
}

public static class WritePillarSummaryEndpoint
{
    public static ProblemDetails Validate(WritePillarSummary? command) => FieldErrors.Check(command, WritePillarSummaryRules.Validate);

    public static ProblemDetails Before(WritePillarSummary? command, Inspection? inspection) => Expected.Inspection(command?.ExpectedVersion).Check(inspection);

    [WolverinePost("/inspections/{inspectionId}/pillars/{pillarCode}/summary", Name = "WritePillarSummary"), Authorize(Policy = Policies.Planning)]
    [ProducesResponseType<InspectionView>(200)]
    public static (IResult, Events, OutgoingMessages) Post(string pillarCode, WritePillarSummary command, [InspectionStream] Inspection inspection,
        AssessmentFramework framework, ClaimsPrincipal user, TimeProvider clock) =>
        InspectionOutcome.Of(inspection, WritePillarSummaryRules.Decide(inspection, framework, pillarCode, command, user.Actor(), clock.GetUtcNow()));
}
