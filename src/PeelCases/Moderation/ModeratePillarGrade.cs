using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Moderation;

/// <summary>
/// A pillar's grade is checked for consistency across forces before it stands, as a question's is: a moderator confirms
/// the proposed grade or changes it with a reason, once for each proposal (a new one is moderated afresh); the award then
/// gives the moderated grade (AwardPillarGradeRules).
/// The command is a question's (ModerateGrade): a grade, a reason, the inspection's version.
/// </summary>
public static class ModeratePillarGradeRules
{
    public static Decision<PillarGradeModerated> Decide(Inspection inspection, AssessmentFramework framework, string pillarCode, ModerateGrade c, string actor,
        DateTimeOffset now)
    {
        var ready = PillarRules.Ready(inspection, framework, pillarCode);
        if (ready.Value is not { } pillar) return ready.Refusal!;
        var judgment = inspection.FindPillar(pillar.Code);
        if (judgment?.Proposed is not { } proposed) return Refusal.ProcessRule($"{pillar.Name} has no proposed grade to moderate.");
        var reason = string.IsNullOrWhiteSpace(c.Reason) ? null : c.Reason.Trim();
        if (judgment.Moderated is { } done)
            return done.Grade == c.Grade && done.Reason == reason
                ? new AlreadyDone($"{pillar.Name}'s grade is moderated already: {done.Grade.Display()}.")
                : Refusal.ProcessRule($"{pillar.Name}'s grade was moderated on {UkTime.Format(done.ModeratedAt)} by {done.ModeratedBy}: {done.Grade.Display()} stands for the award.");
        if (GradeRules.OnScale(framework, c.Grade!.Value) is { } offScale) return offScale;
        if (c.Grade != proposed.Grade && reason is null)
            return Refusal.Invalid("reason", $"Changing {pillar.Name}'s proposed grade ({proposed.Grade.Display()}) to {c.Grade.Value.Display()} needs a reason.");
        return new PillarGradeModerated(inspection.Id, pillar.Code, proposed.Grade, c.Grade.Value, reason, actor, now);
    }
}

public static class ModeratePillarGradeEndpoint
{
    public static ProblemDetails Validate(ModerateGrade? command) => FieldErrors.Check(command, ModerateGradeRules.Validate);

    public static ProblemDetails Before(ModerateGrade? command, Inspection? inspection) => Expected.Inspection(command?.ExpectedVersion).Check(inspection);

    [WolverinePost("/inspections/{inspectionId}/pillars/{pillarCode}/moderation", Name = "ModeratePillarGrade")]
    [Authorize(Policy = Policies.Moderation)]
    [ProducesResponseType<InspectionView>(200)]
    public static (IResult, Events, OutgoingMessages) Post(string pillarCode, ModerateGrade command, [InspectionStream] Inspection inspection, AssessmentFramework framework, ClaimsPrincipal user, TimeProvider clock) =>
        InspectionOutcome.Of(inspection, OutsideTheTeam.Check(inspection, inspection.FindPillar(pillarCode)?.Proposed?.ProposedBy, user.Actor(), OutsideTheTeam.Moderation)
            ?? ModeratePillarGradeRules.Decide(inspection, framework, pillarCode, command, user.Actor(), clock.GetUtcNow()),
            handOn: _ => false); // the workflow waits on the award, not on this
}
