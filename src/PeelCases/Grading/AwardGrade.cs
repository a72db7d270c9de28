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

public static class AwardGradeRules
{
    public static Decision<GradeAwarded> Decide(Inspection inspection, AssessmentFramework framework, string code, string actor, DateTimeOffset now)
    {
        var found = GradeRules.Find(inspection, framework, code);
        if (found.Value is not { } q) return found.Refusal!;
        if (GradeRules.OpenForGrading(q, framework) is { } closed) return closed;
        if (Stages.Require(q.Scoped, "Awarding a grade", QuestionStage.AwaitingAward) is { } wrongStage) return wrongStage;
        return new GradeAwarded(inspection.Id, inspection.ForceId, inspection.Cycle, inspection.Year, inspection.FrameworkId, q.Code,
            q.Defined.LineageKey, q.Scoped.Moderated!.Grade, actor, now);
    }
}

public static class AwardGradeEndpoint
{
    public static ProblemDetails Validate(InspectionStep? command) => InspectionStep.Check(command);

    public static ProblemDetails Before(InspectionStep? command, Inspection? inspection, string questionCode) =>
        Expected.Question(questionCode, command?.ExpectedVersion).Check(inspection);

    [WolverinePost("/inspections/{inspectionId}/questions/{questionCode}/award", Name = "AwardGrade")]
    [Authorize(Policy = Policies.Awarding)]
    [ProducesResponseType<InspectionView>(200)]
    public static (IResult, Events, OutgoingMessages) Post(string questionCode, InspectionStep command, [InspectionStream] Inspection inspection, AssessmentFramework framework, ClaimsPrincipal user, TimeProvider clock) =>
        InspectionOutcome.Of(inspection, OutsideTheTeam.Check(inspection, inspection.FindQuestion(questionCode)?.Proposed?.ProposedBy, user.Actor(), OutsideTheTeam.Award)
            ?? AwardGradeRules.Decide(inspection, framework, questionCode, user.Actor(), clock.GetUtcNow()));
}
