using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;
using PeelCases.Inspections;
using PeelCases.Kernel;

namespace PeelCases.Findings;

/// <summary>Where an area for improvement, a cause of concern or one of its recommendations stands after its inspection.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(StrictEnumConverter<FollowUpStatus>))]
public enum FollowUpStatus { Open, InProgress, Addressed, Achieved, Superseded, Withdrawn }

/// <summary>
/// A dated status note on a published area for improvement, cause of concern or recommendation (added 2026-12-02), on the
/// finding's own stream: the register follows it across cycles. <see cref="RecordedInInspection"/> is the later inspection
/// that looked at it again, if the note was made there; <see cref="RecommendationNumber"/> names a recommendation of a
/// cause of concern (null for the finding itself).
/// </summary>
public sealed record FindingFollowedUp(
    Guid FindingId, Guid InspectionId, string QuestionCode, int? RecommendationNumber, FollowUpStatus Status, string Note, Guid? RecordedInInspection,
    DateOnly EffectiveOn, string RecordedBy, DateTimeOffset RecordedAt) : IBusinessEvent, IQuestionEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => new(EffectiveOn.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}

public sealed record FollowUp(int? RecommendationNumber, FollowUpStatus Status, string Note, Guid? RecordedInInspection, DateOnly EffectiveOn,
    string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>A status note: the finding (or its recommendation <c>recommendationNumber</c>), the status, why, from when, and the later inspection it was made in.</summary>
public sealed record FollowUpFinding(int? RecommendationNumber, FollowUpStatus? Status, string? Note, Guid? InspectionId, DateOnly? EffectiveOn, long? ExpectedVersion);

public static class FollowUpRules
{
    public static FieldErrors Validate(FollowUpFinding c) => new FieldErrors()
        .Required("status", c.Status)
        .Text("note", c.Note, 2_000)
        .Required("effectiveOn", c.EffectiveOn)
        .Required("expectedVersion", c.ExpectedVersion);

    /// <param name="origin">The inspection the finding was published in.</param>
    /// <param name="later">The later inspection the note is made in, when the command names one.</param>
    public static Decision<FindingFollowedUp> Decide(Finding finding, Inspection origin, Inspection? later, FollowUpFinding c, string actor, DateTimeOffset now)
    {
        if (finding.Withdrawn || finding.Content.Kind is not (FindingKind.AreaForImprovement or FindingKind.CauseOfConcern))
            return Refusal.ProcessRule("Only published areas for improvement, causes of concern and their recommendations are followed up.");
        if (origin.Stage != InspectionStage.Published && finding.Accelerated?.PublishedOn is null)
            return Refusal.ProcessRule($"The finding's report is not published yet (the inspection is at {RecordWords.Quoted(origin.Stage)}); follow it up within the inspection until then.");
        if (c.RecommendationNumber is { } number && finding.Content.Recommendations.All(r => r.Number != number))
            return Refusal.NotFound($"The finding has no recommendation {number}.");
        if (c.InspectionId is { } laterId)
        {
            if (later is null) return Refusal.NotFound($"There is no inspection {laterId}.");
            if (later.ForceId != origin.ForceId || later.Id == origin.Id || later.FieldworkStarts <= origin.FieldworkEnds)
                return Refusal.ProcessRule($"Inspection {laterId} is not a later inspection of {origin.ForceId}.");
            // Its report says where the earlier findings stand from the notes made in it: once signed off, those words are fixed.
            if (later.SignedOff is not null)
                return Refusal.ProcessRule($"Inspection {laterId}'s report is signed off, so a note can no longer be made in it.");
        }
        if (c.EffectiveOn!.Value > UkTime.Today(now)) return Refusal.Invalid("effectiveOn", "A status is recorded from today or an earlier day.");
        return new FindingFollowedUp(finding.Id, finding.InspectionId, finding.QuestionCode, c.RecommendationNumber, c.Status!.Value, c.Note!.Trim(), c.InspectionId,
            c.EffectiveOn.Value, actor, now);
    }

    public static void Apply(Finding finding, FindingFollowedUp e)
    {
        finding.FollowUps.Add(new FollowUp(e.RecommendationNumber, e.Status, e.Note, e.RecordedInInspection, e.EffectiveOn, e.RecordedBy, e.RecordedAt));
        finding.LastChangedBy = e.RecordedBy;
        finding.LastChangedAt = e.RecordedAt;
    }
}

/// <summary>The finding's origin and, when the note is made in one, the later inspection.</summary>
public sealed record FollowUpContext(Inspection? Origin, Inspection? Later);

public static class FollowUpEndpoint
{
    public static ProblemDetails Validate(FollowUpFinding? command) => FieldErrors.Check(command, FollowUpRules.Validate);

    public static async Task<FollowUpContext> LoadAsync(Guid inspectionId, FollowUpFinding command, IQuerySession session, CancellationToken ct) =>
        new(await session.LoadAsync<Inspection>(inspectionId, ct), command.InspectionId is { } later ? await session.LoadAsync<Inspection>(later, ct) : null);

    public static ProblemDetails Before(Guid inspectionId, Guid findingId, FollowUpFinding? command, Finding? finding) =>
        RecordStreams.MayChange(null, null, finding, inspectionId, findingId, command?.ExpectedVersion, "finding");

    /// <summary>A lead inspector records where a published area for improvement, cause of concern or recommendation stands now.</summary>
    [WolverinePost("/inspections/{inspectionId}/findings/{findingId}/follow-ups", Name = "FollowUpFinding"), Authorize(Policy = Policies.Planning)]
    [ProducesResponseType<Finding>(200)]
    public static (IResult, Events) Post(Guid findingId, FollowUpFinding command, FollowUpContext context, [RecordStream("findingId")] Finding finding,
        ClaimsPrincipal user, TimeProvider clock) =>
        RecordStreams.Changed<Finding, FindingFollowedUp>(findingId, FollowUpRules.Decide(finding, context.Origin!, context.Later, command, user.Actor(), clock.GetUtcNow()));
}
