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

/// <summary>A moderator confirms the proposed grade (same grade) or changes it, giving the reason.</summary>
/// <example>{"grade":"RequiresImprovement","reason":"The findings describe a service that requires improvement.","expectedVersion":7}</example>
public sealed record ModerateGrade(Grade? Grade, string? Reason, long? ExpectedVersion);

public static class ModerateGradeRules
{
    public static FieldErrors Validate(ModerateGrade c) => new FieldErrors()
        .Required("grade", c.Grade)
        .Text("reason", c.Reason, FieldErrors.LongText, required: false)
        .Required("expectedVersion", c.ExpectedVersion);

    public static Decision<GradeModerated> Decide(Inspection inspection, AssessmentFramework framework, string code, ModerateGrade c, string actor, DateTimeOffset now)
    {
        var found = GradeRules.Find(inspection, framework, code);
        if (found.Value is not { } q) return found.Refusal!;
        if (Stages.Require(q.Scoped, "Moderation", QuestionStage.Moderation) is { } wrongStage) return wrongStage;
        if (GradeRules.OnScale(framework, c.Grade!.Value) is { } offScale) return offScale;
        var proposed = q.Scoped.Proposed!.Grade;
        if (q.Scoped.DisputedCarryOver is { } earlier)
        {
            // A disputed carry-over: the earlier judgment or the team's grade, and the moderator says why.
            if (c.Grade != earlier.Grade && c.Grade != proposed)
                return Refusal.Invalid("grade", $"Question {q.Code} is a disputed carry-over: choose the earlier judgment ({earlier.Grade.Display()}, {earlier.Cycle}) or the team's grade ({proposed.Display()}).");
            if (string.IsNullOrWhiteSpace(c.Reason))
                return Refusal.Invalid("reason", $"Deciding a disputed carry-over of question {q.Code} needs a reason.");
            return new GradeModerated(inspection.Id, q.Code, proposed, c.Grade.Value, c.Reason.Trim(), actor, now,
                c.Grade == earlier.Grade && c.Grade != proposed ? earlier : null);
        }
        if (c.Grade != proposed && string.IsNullOrWhiteSpace(c.Reason))
            return Refusal.Invalid("reason", $"Changing the proposed grade ({proposed.Display()}) to {c.Grade.Value.Display()} needs a reason.");
        return new GradeModerated(inspection.Id, q.Code, proposed, c.Grade.Value, c.Reason?.Trim(), actor, now);
    }
}

public static class ModerateGradeEndpoint
{
    public static ProblemDetails Validate(ModerateGrade? command) => FieldErrors.Check(command, ModerateGradeRules.Validate);

    public static ProblemDetails Before(ModerateGrade? command, Inspection? inspection, string questionCode) =>
        Expected.Question(questionCode, command?.ExpectedVersion).Check(inspection);

    [WolverinePost("/inspections/{inspectionId}/questions/{questionCode}/moderation", Name = "ModerateGrade")]
    [Authorize(Policy = Policies.Moderation)]
    [ProducesResponseType<InspectionView>(200)]
    public static (IResult, Events, OutgoingMessages) Post(string questionCode, ModerateGrade command, [InspectionStream] Inspection inspection, AssessmentFramework framework, ClaimsPrincipal user, TimeProvider clock) =>
        InspectionOutcome.Of(inspection, OutsideTheTeam.Check(inspection, inspection.FindQuestion(questionCode)?.Proposed?.ProposedBy, user.Actor(), OutsideTheTeam.Moderation)
            ?? ModerateGradeRules.Decide(inspection, framework, questionCode, command, user.Actor(), clock.GetUtcNow()));
}
