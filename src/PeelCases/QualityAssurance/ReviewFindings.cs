using System.Security.Claims;
using System.Text.Json.Serialization;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using PeelCases.Inspections;
using PeelCases.Kernel;

namespace PeelCases.QualityAssurance;

[System.Text.Json.Serialization.JsonConverter(typeof(PeelCases.Kernel.StrictEnumConverter<QaOutcome>))]
public enum QaOutcome { Accept, Return }

/// <summary>A QA reviewer accepts a question's findings, or returns them to drafting with comments.</summary>
/// <example>{"outcome":"Return","comments":"The second finding cites no evidence from the case file review.","expectedVersion":4}</example>
public sealed record ReviewFindings(QaOutcome? Outcome, string? Comments, long? ExpectedVersion);

public static class ReviewFindingsRules
{
    public static FieldErrors Validate(ReviewFindings c)
    {
        var errors = new FieldErrors().Required("outcome", c.Outcome)
            .Text("comments", c.Comments, FieldErrors.LongText, required: c.Outcome == QaOutcome.Return)
            .Required("expectedVersion", c.ExpectedVersion);
        return errors;
    }

    public static Decision<object> Decide(Inspection inspection, string code, ReviewFindings c, string actor, DateTimeOffset now)
    {
        var question = inspection.FindQuestion(code);
        if (question is null) return Refusal.NotFound($"Question '{code}' is not in the scope of inspection {inspection.Id}.");
        if (Stages.Require(question, "A QA review", QuestionStage.QaReview) is { } wrongStage) return wrongStage;
        return c.Outcome == QaOutcome.Accept
            ? new Decision<object>(new FindingsAcceptedByQa(inspection.Id, question.Code, c.Comments?.Trim(), actor, now), null)
            : new Decision<object>(new FindingsReturnedByQa(inspection.Id, question.Code, c.Comments!.Trim(), actor, now), null);
    }
}

public static class ReviewFindingsEndpoint
{
    public static ProblemDetails Validate(ReviewFindings? command) => FieldErrors.Check(command, ReviewFindingsRules.Validate);

    public static ProblemDetails Before(ReviewFindings? command, Inspection? inspection, string questionCode) =>
        Expected.Question(questionCode, command?.ExpectedVersion).Check(inspection);

    [WolverinePost("/inspections/{inspectionId}/questions/{questionCode}/qa-review", Name = "ReviewFindings")]
    [Authorize(Policy = Policies.QualityAssurance)]
    [ProducesResponseType<InspectionView>(200)]
    public static (IResult, Events, OutgoingMessages) Post(string questionCode, ReviewFindings command, [InspectionStream] Inspection inspection,
        ClaimsPrincipal user, TimeProvider clock) =>
        InspectionOutcome.Of(inspection, OutsideTheTeam.Check(inspection, null, user.Actor(), OutsideTheTeam.QaReview)
            ?? ReviewFindingsRules.Decide(inspection, questionCode, command, user.Actor(), clock.GetUtcNow()));
}
