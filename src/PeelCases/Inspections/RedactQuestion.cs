using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using PeelCases.Kernel;

namespace PeelCases.Inspections;

/// <summary>
/// Personal data removed from what the inspection's stream holds about one question: every free-text field
/// (Kernel/TextMask) of the question's events recorded before this one — QA comments, rationales, moderation and scoping
/// reasons, the carry-over problem, disputes, the question's summary, its lines of enquiry and their conclusions (added
/// 2026-12-07) and a draft-check flag dismissed on its summary (the record's copy of the dismissal too, since 2026-12-07). Grades, stages and who acted stay. The event carries
/// none of the removed text (added 2026-12-02).
/// </summary>
public sealed record QuestionTextRedacted(Guid InspectionId, string QuestionCode, string Reason, string RedactedBy, DateTimeOffset RedactedAt)
    : IBusinessEvent, IQuestionEvent, IRedaction
{
    DateTimeOffset IBusinessEvent.BusinessTime => RedactedAt;

    /// <summary>Every event of the inspection's stream that names this question.</summary>
    bool IRedaction.Covers(object data) => data.GetType().GetProperty(nameof(QuestionCode))?.GetValue(data) as string == QuestionCode;
}

/// <summary>A redaction's reason and the version of what it redacts.</summary>
public sealed record RedactText(string? Reason, long? ExpectedVersion)
{
    public FieldErrors Validate() => new FieldErrors().Text("reason", Reason, 2_000).Required("expectedVersion", ExpectedVersion);
}

/// <summary>An inspection-stream redaction: what it covered, who made it, when and why.</summary>
public sealed record InspectionRedaction(string What, string Reason, string By, DateTimeOffset At)
{
    public static string OfQuestion(string code) => $"question {code}";

    public static string OfPillar(string code) => $"pillar {code}";

    /// <summary>The latest redaction of <paramref name="what"/> among <paramref name="redactions"/>, as the pages stamp it.</summary>
    public static RedactionStamp? Latest(IEnumerable<InspectionRedaction> redactions, string what) =>
        redactions.LastOrDefault(r => r.What == what) is { } r ? new RedactionStamp(r.Reason, r.By, r.At) : null;
}

public static class RedactQuestionRules
{
    public static Decision<QuestionTextRedacted> Decide(Inspection inspection, string questionCode, RedactText c, string actor, DateTimeOffset now)
    {
        if (inspection.FindQuestion(questionCode) is not { } question)
            return Refusal.NotFound($"Question '{questionCode}' is not in the scope of inspection {inspection.Id}.");
        if (TextMask.IsMasked(question))
            return new AlreadyDone($"Question {question.Code} holds no free text that is not already redacted.");
        return new QuestionTextRedacted(inspection.Id, question.Code, c.Reason!.Trim(), actor, now);
    }

    /// <summary>The record after the redaction: what the masked stored events will hold.</summary>
    public static void Apply(Inspection i, QuestionTextRedacted e)
    {
        i.ChangeQuestion(e.QuestionCode, TextMask.Mask, e.RedactedBy, e.RedactedAt);
        i.MaskDismissals(d => d.QuestionCode == e.QuestionCode);
        i.Redactions.Add(new InspectionRedaction(InspectionRedaction.OfQuestion(e.QuestionCode), e.Reason, e.RedactedBy, e.RedactedAt));
    }
}

public static class RedactQuestionEndpoint
{
    public static ProblemDetails Validate(RedactText? command) => FieldErrors.Check(command, c => c.Validate());

    public static ProblemDetails Before(RedactText? command, Inspection? inspection, string questionCode) =>
        Expected.Question(questionCode, command?.ExpectedVersion).Check(inspection);

    /// <summary>Records the redaction, then masks the question's stored events on the inspection's stream once it is committed.</summary>
    [WolverinePost("/inspections/{inspectionId}/questions/{questionCode}/redaction", Name = "RedactQuestionText"), Authorize(Policy = Policies.Redaction)]
    [ProducesResponseType<InspectionView>(200)]
    public static (IResult, Events, OutgoingMessages) Post(string questionCode, RedactText command, [InspectionStream] Inspection inspection,
        ClaimsPrincipal user, TimeProvider clock) =>
        InspectionOutcome.Of(inspection, RedactQuestionRules.Decide(inspection, questionCode, command, user.Actor(), clock.GetUtcNow()),
            response: new MaskedAfterCommit(inspection.Id, new InspectionViewResult(inspection.Id)));
}
