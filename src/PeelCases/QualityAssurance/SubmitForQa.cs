using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using PeelCases.Inspections;
using PeelCases.Kernel;

namespace PeelCases.QualityAssurance;

public static class SubmitForQaRules
{
    public static Decision<FindingsSubmittedForQa> Decide(Inspection inspection, string code, int currentFindings, string actor, DateTimeOffset now)
    {
        var question = inspection.FindQuestion(code);
        if (question is null) return Refusal.NotFound($"Question '{code}' is not in the scope of inspection {inspection.Id}.");
        if (Stages.Require(question, "Submitting findings for QA", QuestionStage.Drafting) is { } wrongStage) return wrongStage;
        if (currentFindings == 0) return Refusal.ProcessRule($"Question {question.Code} has no current findings to submit for QA.");
        return new FindingsSubmittedForQa(inspection.Id, question.Code, currentFindings, actor, now);
    }
}

public static class SubmitForQaEndpoint
{
    public static ProblemDetails Validate(InspectionStep? command) => InspectionStep.Check(command);

    /// <summary>The drafting team hands a question's findings to QA.</summary>
    [WolverinePost("/inspections/{inspectionId}/questions/{questionCode}/qa-submission", Name = "SubmitFindingsForQa")]
    [Authorize(Policy = Policies.Fieldwork)]
    [ProducesResponseType<InspectionView>(200)]
    public static async Task<IResult> Post(Guid inspectionId, string questionCode, InspectionStep command, IDocumentSession session,
        IMessageBus bus, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var counts = await FindingCounts.ForInspection(session, inspectionId, ct);
        var current = counts.Where(c => string.Equals(c.Key, questionCode, StringComparison.OrdinalIgnoreCase)).SelectMany(c => c.Value.Values).Sum();
        return await InspectionWrites.Decide(session, bus, inspectionId, Expected.Question(questionCode, command.ExpectedVersion),
            (inspection, _) => TeamRules.MayWorkOn(user, inspection) ?? SubmitForQaRules.Decide(inspection, questionCode, current, user.Actor(), clock.GetUtcNow()), ct);
    }
}
