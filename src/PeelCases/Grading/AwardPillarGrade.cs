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

/// <summary>The pillar's moderated grade awarded (before 2026-12-07 a pillar grade was awarded as proposed).</summary>
public static class AwardPillarGradeRules
{
    public static Decision<PillarGradeAwarded> Decide(Inspection inspection, AssessmentFramework framework, string pillarCode, string actor, DateTimeOffset now)
    {
        var ready = PillarRules.Ready(inspection, framework, pillarCode);
        if (ready.Value is not { } pillar) return ready.Refusal!;
        var judgment = inspection.FindPillar(pillar.Code);
        if (judgment?.Proposed is not { } proposed)
            return Refusal.ProcessRule($"{pillar.Name} has no proposed grade to award.");
        if (judgment.Moderated is not { } moderated)
            return Refusal.ProcessRule($"{pillar.Name}'s proposed grade ({proposed.Grade.Display()}) waits for moderation: a moderator confirms or changes it before it is awarded.");
        return new PillarGradeAwarded(inspection.Id, inspection.ForceId, inspection.Cycle, inspection.Year, pillar.Code, moderated.Grade, actor, now);
    }
}

public static class AwardPillarGradeEndpoint
{
    public static ProblemDetails Validate(InspectionStep? command) => InspectionStep.Check(command);

    public static ProblemDetails Before(InspectionStep? command, Inspection? inspection) => Expected.Inspection(command?.ExpectedVersion).Check(inspection);

    [WolverinePost("/inspections/{inspectionId}/pillars/{pillarCode}/award", Name = "AwardPillarGrade")]
    [Authorize(Policy = Policies.Awarding)]
    [ProducesResponseType<InspectionView>(200)]
    public static (IResult, Events, OutgoingMessages) Post(string pillarCode, InspectionStep command, [InspectionStream] Inspection inspection, AssessmentFramework framework, ClaimsPrincipal user, TimeProvider clock) =>
        InspectionOutcome.Of(inspection, OutsideTheTeam.Check(inspection, inspection.FindPillar(pillarCode)?.Proposed?.ProposedBy, user.Actor(), OutsideTheTeam.Award)
            ?? AwardPillarGradeRules.Decide(inspection, framework, pillarCode, user.Actor(), clock.GetUtcNow()));
}
