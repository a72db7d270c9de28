using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Grading;

/// <summary>
/// Personal data removed from what the inspection's stream holds about one pillar (added 2026-12-07), as for a question
/// (QuestionTextRedacted): every free-text field of the pillar's events recorded before this one — the grade's
/// rationale, the moderation's reason, the pillar summary, and the words and reason of a draft-check flag dismissed on the
/// summary (for dismissals recorded since 2026-12-07, which name the pillar). Grades and who acted stay. The event
/// carries none of the removed text.
/// </summary>
public sealed record PillarTextRedacted(Guid InspectionId, string PillarCode, string Reason, string RedactedBy, DateTimeOffset RedactedAt)
    : IBusinessEvent, IRedaction
{
    DateTimeOffset IBusinessEvent.BusinessTime => RedactedAt;

    /// <summary>
    /// Every event of the inspection's stream that names this pillar and no question: a disputed carry-over names its
    /// question's pillar too, but its reason is the question's text, which the question's redaction covers.
    /// </summary>
    bool IRedaction.Covers(object data) => data is not IQuestionEvent { QuestionCode.Length: > 0 }
        && data.GetType().GetProperty(nameof(PillarCode))?.GetValue(data) as string == PillarCode;
}

public static class RedactPillarRules
{
    public static Decision<PillarTextRedacted> Decide(Inspection inspection, AssessmentFramework framework, string pillarCode, RedactText c, string actor,
        DateTimeOffset now)
    {
        if (framework.Pillars.FirstOrDefault(p => string.Equals(p.Code, pillarCode, StringComparison.OrdinalIgnoreCase)) is not { } pillar)
            return Refusal.NotFound($"{framework.Name} has no pillar '{pillarCode}'.");
        if (inspection.FindPillar(pillar.Code) is not { } judgment || TextMask.IsMasked(judgment))
            return new AlreadyDone($"{pillar.Name} holds no free text that is not already redacted.");
        return new PillarTextRedacted(inspection.Id, pillar.Code, c.Reason!.Trim(), actor, now);
    }

    /// <summary>The record after the redaction: what the masked stored events will hold.</summary>
    public static void Apply(Inspection i, PillarTextRedacted e)
    {
        i.ChangePillar(e.PillarCode, TextMask.Mask);
        i.MaskDismissals(d => d.PillarCode == e.PillarCode);
        i.Redactions.Add(new InspectionRedaction(InspectionRedaction.OfPillar(e.PillarCode), e.Reason, e.RedactedBy, e.RedactedAt));
        i.Touch(e.RedactedBy, e.RedactedAt);
    }
}

public static class RedactPillarEndpoint
{
    public static ProblemDetails Validate(RedactText? command) => FieldErrors.Check(command, c => c.Validate());

    public static ProblemDetails Before(RedactText? command, Inspection? inspection) => Expected.Inspection(command?.ExpectedVersion).Check(inspection);

    /// <summary>Records the redaction, then masks the pillar's stored events on the inspection's stream once it is committed.</summary>
    [WolverinePost("/inspections/{inspectionId}/pillars/{pillarCode}/redaction", Name = "RedactPillarText"), Authorize(Policy = Policies.Redaction)]
    [ProducesResponseType<InspectionView>(200)]
    public static (IResult, Events, OutgoingMessages) Post(string pillarCode, RedactText command, [InspectionStream] Inspection inspection,
        AssessmentFramework framework, ClaimsPrincipal user, TimeProvider clock) =>
        InspectionOutcome.Of(inspection, RedactPillarRules.Decide(inspection, framework, pillarCode, command, user.Actor(), clock.GetUtcNow()),
            response: new MaskedAfterCommit(inspection.Id, new InspectionViewResult(inspection.Id)), handOn: _ => false);
}
