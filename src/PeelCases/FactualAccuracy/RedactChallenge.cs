using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using PeelCases.Inspections;
using PeelCases.Kernel;

namespace PeelCases.FactualAccuracy;

/// <summary>
/// Personal data removed from a factual accuracy challenge: its text and its resolution's reason, in the record and in
/// the stored events (added 2026-12-02). Who raised and resolved it, when, and the outcome stay.
/// </summary>
public sealed record FactualAccuracyChallengeRedacted(Guid InspectionId, Guid ChallengeId, string Reason, string RedactedBy, DateTimeOffset RedactedAt)
    : IBusinessEvent, IRedaction
{
    DateTimeOffset IBusinessEvent.BusinessTime => RedactedAt;

    bool IRedaction.Covers(object data) => data is FactualAccuracyChallengeRaised r && r.ChallengeId == ChallengeId
                                           || data is FactualAccuracyChallengeResolved s && s.ChallengeId == ChallengeId;
}

public static class RedactChallengeRules
{
    public static Decision<FactualAccuracyChallengeRedacted> Decide(Inspection inspection, Guid challengeId, RedactText c, string actor, DateTimeOffset now)
    {
        if (inspection.FactualAccuracy?.Challenges.FirstOrDefault(x => x.Id == challengeId) is not { } challenge)
            return Refusal.NotFound($"Inspection {inspection.Id} has no factual accuracy challenge {challengeId}.");
        if (TextMask.IsMasked(challenge)) return new AlreadyDone($"Challenge {challengeId} holds no free text that is not already redacted.");
        return new FactualAccuracyChallengeRedacted(inspection.Id, challengeId, c.Reason!.Trim(), actor, now);
    }

    /// <summary>How the inspection's list of redactions names a challenge's (stored in the document: never reworded).</summary>
    public static string What(Guid challengeId) => $"challenge {challengeId}";

    public static void Apply(Inspection i, FactualAccuracyChallengeRedacted e)
    {
        var challenges = i.FactualAccuracy!.Challenges;
        var index = challenges.FindIndex(x => x.Id == e.ChallengeId);
        challenges[index] = TextMask.Mask(challenges[index]);
        i.Redactions.Add(new InspectionRedaction(What(e.ChallengeId), e.Reason, e.RedactedBy, e.RedactedAt));
        i.Touch(e.RedactedBy, e.RedactedAt);
    }
}

public static class RedactChallengeEndpoint
{
    public static ProblemDetails Validate(RedactText? command) => FieldErrors.Check(command, c => c.Validate());

    public static ProblemDetails Before(RedactText? command, Inspection? inspection) => Expected.Inspection(command?.ExpectedVersion).Check(inspection);

    /// <summary>Records the redaction, then masks the challenge's stored events once it is committed.</summary>
    [WolverinePost("/inspections/{inspectionId}/factual-accuracy-check/challenges/{challengeId}/redaction", Name = "RedactChallenge"), Authorize(Policy = Policies.Redaction)]
    [ProducesResponseType<InspectionView>(200)]
    public static (IResult, Events, OutgoingMessages) Post(Guid challengeId, RedactText command, [InspectionStream] Inspection inspection,
        ClaimsPrincipal user, TimeProvider clock) =>
        InspectionOutcome.Of(inspection, RedactChallengeRules.Decide(inspection, challengeId, command, user.Actor(), clock.GetUtcNow()),
            response: new MaskedAfterCommit(inspection.Id, new InspectionViewResult(inspection.Id)));
}
