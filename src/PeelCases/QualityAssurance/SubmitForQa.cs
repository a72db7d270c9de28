using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
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
        if (LinesOfEnquiry.StillOpen(question) is { } open) return open;
        return new FindingsSubmittedForQa(inspection.Id, question.Code, currentFindings, actor, now);
    }
}

/// <summary>How many findings a question has now (withdrawn ones left out).</summary>
public sealed record CurrentFindings(int Count);

public static class SubmitForQaEndpoint
{
    public static ProblemDetails Validate(InspectionStep? command) => InspectionStep.Check(command);

    public static ProblemDetails Before(InspectionStep? command, Inspection? inspection, string questionCode) =>
        Expected.Question(questionCode, command?.ExpectedVersion).Check(inspection);

    /// <summary>The findings the question has now, read from their own documents.</summary>
    public static async Task<CurrentFindings> LoadAsync(Guid inspectionId, string questionCode, IQuerySession session, CancellationToken ct) =>
        new((await RecordCounts.FindingsAsync(session, inspectionId, ct))
            .Where(c => string.Equals(c.Key, questionCode, StringComparison.OrdinalIgnoreCase)).SelectMany(c => c.Value.Values).Sum());

    /// <summary>The drafting team hands a question's findings to QA.</summary>
    [WolverinePost("/inspections/{inspectionId}/questions/{questionCode}/qa-submission", Name = "SubmitFindingsForQa")]
    [Authorize(Policy = Policies.Fieldwork)]
    [ProducesResponseType<InspectionView>(200)]
    public static (IResult, Events, OutgoingMessages) Post(string questionCode, InspectionStep command, [InspectionStream] Inspection inspection,
        CurrentFindings findings, ClaimsPrincipal user, TimeProvider clock) =>
        InspectionOutcome.Of(inspection, TeamRules.MayWorkOn(user, inspection) is { } forbidden
            ? forbidden
            : SubmitForQaRules.Decide(inspection, questionCode, findings.Count, user.Actor(), clock.GetUtcNow()));
}
