using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using PeelCases.Findings;
using PeelCases.Inspections;
using PeelCases.Kernel;

namespace PeelCases.FactualAccuracy;

/// <summary>A force liaison challenges a fact in the draft; the client chooses the id, so a resend raises it once.</summary>
public sealed record RaiseChallenge(Guid? ChallengeId, string? Text, Guid? FindingId);

/// <summary>What a force liaison sees: the check, its deadline (and as read in England and Wales), the challenges, and whether the force has said it has no further comments.</summary>
public sealed record FactualAccuracyView(Guid InspectionId, InspectionStage Stage, DateTimeOffset Deadline, IReadOnlyList<Challenge> Challenges,
    string? DeadlineUk = null, SignOffStamp? NoFurtherComments = null, DateTimeOffset? ClosedAt = null)
{
    public static FactualAccuracyView Of(Inspection inspection) => new(inspection.Id, inspection.Stage, inspection.FactualAccuracy!.Deadline,
        inspection.FactualAccuracy.Challenges, UkTime.Format(inspection.FactualAccuracy.Deadline), inspection.FactualAccuracy.NoFurtherComments,
        inspection.FactualAccuracy.ClosedAt);
}

/// <summary>The lead inspector accepts or rejects a challenge, always with a reason.</summary>
public sealed record ResolveChallenge(bool? Accepted, string? Reason, long? ExpectedVersion);

public static class ChallengeRules
{
    public static FieldErrors Validate(RaiseChallenge c) => new FieldErrors()
        .Required("challengeId", c.ChallengeId).NotEmpty("challengeId", c.ChallengeId)
        .Text("text", c.Text, FieldErrors.LongText);

    public static FieldErrors Validate(ResolveChallenge c) => new FieldErrors()
        .Required("accepted", c.Accepted)
        .Text("reason", c.Reason, FieldErrors.LongText)
        .Required("expectedVersion", c.ExpectedVersion);

    /// <summary>Only during the check, before its deadline, and only by the inspected force's own liaison.</summary>
    /// <param name="challenged">The finding the challenge names, as stored (null when it names none, or none by that id exists).</param>
    public static Decision<FactualAccuracyChallengeRaised> Raise(Inspection inspection, RaiseChallenge c, string actor, string? actorForce, DateTimeOffset now,
        Finding? challenged = null)
    {
        if (actorForce != inspection.ForceId)
            return Refusal.Forbidden("A force liaison may challenge only their own force's draft.");
        if (inspection.FactualAccuracy is not { } check || inspection.Stage != InspectionStage.FactualAccuracyCheck)
            return Refusal.ProcessRule($"The factual accuracy check is not open: the inspection is at {RecordWords.Quoted(inspection.Stage)}.");
        if (c.FindingId is { } findingId && (challenged is null || challenged.Id != findingId || challenged.InspectionId != inspection.Id))
            return Refusal.NotFound($"Inspection {inspection.Id} has no finding {findingId}.");
        if (check.ClosedAt is not null || now >= check.Deadline)
            return Refusal.ProcessRule(check.ClosedAt is { } closed && closed < check.Deadline
                ? $"The factual accuracy check was closed on {UkTime.Format(closed)}, the force having no further comments; challenges are no longer accepted."
                : $"The factual accuracy check closed at its deadline, {UkTime.Format(check.Deadline)}; challenges are no longer accepted.");
        if (check.Challenges.FirstOrDefault(x => x.Id == c.ChallengeId) is { } existing)
            return existing.Text == c.Text!.Trim()
                ? new AlreadyDone($"Challenge {c.ChallengeId} was raised already.")
                : Refusal.ProcessRule($"Challenge id {c.ChallengeId} is already used for a different challenge.");
        return new FactualAccuracyChallengeRaised(inspection.Id, c.ChallengeId!.Value, c.Text!.Trim(), c.FindingId, actor, now);
    }

    public static Decision<FactualAccuracyChallengeResolved> Resolve(Inspection inspection, Guid challengeId, ResolveChallenge c, string actor, DateTimeOffset now)
    {
        var challenge = inspection.FactualAccuracy?.Challenges.FirstOrDefault(x => x.Id == challengeId);
        if (challenge is null) return Refusal.NotFound($"Inspection {inspection.Id} has no factual accuracy challenge {challengeId}.");
        if (challenge.Accepted is not null)
            return Refusal.ProcessRule($"The challenge was already {(challenge.Accepted.Value ? "accepted" : "rejected")} by {challenge.ResolvedBy}.");
        return new FactualAccuracyChallengeResolved(inspection.Id, challengeId, c.Accepted!.Value, c.Reason!.Trim(), actor, now);
    }
}

/// <summary>The finding a challenge names, as stored; null when it names none or none exists.</summary>
public sealed record ChallengedFinding(Finding? Finding);

public static class ChallengeEndpoints
{
    public static ProblemDetails Validate(RaiseChallenge? command) => FieldErrors.Check(command, ChallengeRules.Validate);

    /// <summary>The finding the challenge names, if any.</summary>
    public static async Task<ChallengedFinding> LoadAsync(RaiseChallenge command, IQuerySession session, CancellationToken ct) =>
        new(command.FindingId is { } id ? await session.LoadAsync<Finding>(id, ct) : null);

    /// <summary>A resend of a challenge already raised is answered like the first time: with the check as it stands.</summary>
    [WolverinePost("/inspections/{inspectionId}/factual-accuracy-check/challenges", Name = "RaiseChallenge"), Authorize(Policy = Policies.FactualAccuracy)]
    [ProducesResponseType<FactualAccuracyView>(200)]
    public static (IResult, Events, OutgoingMessages) Raise(RaiseChallenge command, [InspectionStream] Inspection inspection,
        ChallengedFinding challenged, ClaimsPrincipal user, TimeProvider clock) =>
        InspectionOutcome.Of(inspection, ChallengeRules.Raise(inspection, command, user.Actor(), user.FindFirst("force")?.Value, clock.GetUtcNow(), challenged.Finding),
            response: new AfterCommit(async (session, ct) => Results.Ok(FactualAccuracyView.Of((await session.LoadAsync<Inspection>(inspection.Id, ct))!))));
}

public static class ResolveChallengeEndpoint
{
    public static ProblemDetails Validate(ResolveChallenge? command) => FieldErrors.Check(command, ChallengeRules.Validate);

    public static ProblemDetails Before(ResolveChallenge? command, Inspection? inspection) => Expected.Inspection(command?.ExpectedVersion).Check(inspection);

    [WolverinePost("/inspections/{inspectionId}/factual-accuracy-check/challenges/{challengeId}/resolution", Name = "ResolveChallenge")]
    [Authorize(Policy = Policies.Planning)]
    [ProducesResponseType<InspectionView>(200)]
    public static (IResult, Events, OutgoingMessages) Post(Guid challengeId, ResolveChallenge command, [InspectionStream] Inspection inspection,
        ClaimsPrincipal user, TimeProvider clock) =>
        InspectionOutcome.Of(inspection, ChallengeRules.Resolve(inspection, challengeId, command, user.Actor(), clock.GetUtcNow()));
}
