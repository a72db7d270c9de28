using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Grading;

/// <summary>Propose the pillar's overall grade, with its summary rationale; again until the award, each new proposal to be moderated afresh.</summary>
public sealed record ProposePillarGrade(Grade? Grade, string? Rationale, long? ExpectedVersion);

public static class ProposePillarGradeRules
{
    public static FieldErrors Validate(ProposePillarGrade c) => new FieldErrors()
        .Required("grade", c.Grade)
        .Text("rationale", c.Rationale, FieldErrors.LongText)
        .Required("expectedVersion", c.ExpectedVersion);

    public static Decision<PillarGradeProposed> Decide(Inspection inspection, AssessmentFramework framework, string pillarCode,
        ProposePillarGrade c, string actor, DateTimeOffset now)
    {
        var ready = PillarRules.Ready(inspection, framework, pillarCode);
        if (ready.Value is not { } pillar) return ready.Refusal!;
        if (GradeRules.OnScale(framework, c.Grade!.Value) is { } offScale) return offScale;
        return new PillarGradeProposed(inspection.Id, pillar.Code, c.Grade.Value, c.Rationale!.Trim(), actor, now);
    }
}

public static class ProposePillarGradeEndpoint
{
    public static ProblemDetails Validate(ProposePillarGrade? command) => FieldErrors.Check(command, ProposePillarGradeRules.Validate);

    public static ProblemDetails Before(ProposePillarGrade? command, Inspection? inspection) => Expected.Inspection(command?.ExpectedVersion).Check(inspection);

    [WolverinePost("/inspections/{inspectionId}/pillars/{pillarCode}/grade-proposals", Name = "ProposePillarGrade")]
    [Authorize(Policy = Policies.Planning)]
    [ProducesResponseType<InspectionView>(200)]
    public static (IResult, Events, OutgoingMessages) Post(string pillarCode, ProposePillarGrade command, [InspectionStream] Inspection inspection, AssessmentFramework framework, ClaimsPrincipal user, TimeProvider clock) =>
        InspectionOutcome.Of(inspection, ProposePillarGradeRules.Decide(inspection, framework, pillarCode, command, user.Actor(), clock.GetUtcNow()));
}
