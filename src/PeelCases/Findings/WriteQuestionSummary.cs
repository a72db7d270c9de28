using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using PeelCases.Inspections;
using PeelCases.Kernel;

namespace PeelCases.Findings;

/// <summary>The "Summary for question N" a report prints under the question's detailed findings.</summary>
public sealed record QuestionSummaryWritten(Guid InspectionId, string QuestionCode, [property: PublicText] string Summary, string WrittenBy, DateTimeOffset WrittenAt) : IBusinessEvent, IQuestionEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => WrittenAt;
}

public sealed record WriteQuestionSummary(string? Summary, long? ExpectedVersion);

public static class WriteQuestionSummaryRules
{
    public static FieldErrors Validate(WriteQuestionSummary c) => new FieldErrors()
        .Text("summary", c.Summary, FieldErrors.LongText)
        .Required("expectedVersion", c.ExpectedVersion);

    public static Decision<QuestionSummaryWritten> Decide(Inspection inspection, string code, WriteQuestionSummary c, string actor, DateTimeOffset now)
    {
        var question = inspection.FindQuestion(code);
        if (question is null) return Refusal.NotFound($"Question '{code}' is not in the scope of inspection {inspection.Id}.");
        if (question.Scope is not (QuestionScope.Detailed or QuestionScope.Ungraded))
            return Refusal.ProcessRule($"Question {question.Code} is not inspected in detail this time, so its report carries no summary of findings.");
        if (PublicSummaries.TextFixed(inspection) is { } fixedText) return fixedText;
        return new QuestionSummaryWritten(inspection.Id, question.Code, c.Summary!.Trim(), actor, now);
    }
}

public static class WriteQuestionSummaryEndpoint
{
    public static ProblemDetails Validate(WriteQuestionSummary? command) => FieldErrors.Check(command, WriteQuestionSummaryRules.Validate);

    public static ProblemDetails Before(WriteQuestionSummary? command, Inspection? inspection, string questionCode) =>
        Expected.Question(questionCode, command?.ExpectedVersion).Check(inspection);

    [WolverinePost("/inspections/{inspectionId}/questions/{questionCode}/summary", Name = "WriteQuestionSummary"), Authorize(Policy = Policies.Planning)]
    [ProducesResponseType<InspectionView>(200)]
    public static (IResult, Events, OutgoingMessages) Post(string questionCode, WriteQuestionSummary command, [InspectionStream] Inspection inspection,
        ClaimsPrincipal user, TimeProvider clock) =>
        InspectionOutcome.Of(inspection, WriteQuestionSummaryRules.Decide(inspection, questionCode, command, user.Actor(), clock.GetUtcNow()));
}
