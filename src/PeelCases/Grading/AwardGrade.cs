using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
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

    [WolverinePost("/inspections/{inspectionId}/questions/{questionCode}/award", Name = "AwardGrade")]
    [Authorize(Policy = Policies.Awarding)]
    [ProducesResponseType<InspectionView>(200)]
    public static Task<IResult> Post(Guid inspectionId, string questionCode, InspectionStep command,
        IDocumentSession session, IMessageBus bus, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
        InspectionWrites.Decide(session, bus, inspectionId, Expected.Question(questionCode, command.ExpectedVersion),
            (inspection, framework) => AwardGradeRules.Decide(inspection, framework, questionCode, user.Actor(), clock.GetUtcNow()), ct);
}
