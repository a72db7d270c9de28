using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;
using PeelCases.Inspections;
using PeelCases.Kernel;

namespace PeelCases.Findings;

/// <summary>
/// Personal data removed from a finding everywhere, its stored events included: every free-text field (Kernel/TextMask)
/// written before this event — heading, text, recommendations, revision and withdrawal reasons, status notes. A published
/// page then prints [redacted] where the finding stood. The event records who, when and why; it carries none of the text.
/// </summary>
public sealed record FindingRedacted(Guid FindingId, Guid InspectionId, string Reason, string RedactedBy, DateTimeOffset RedactedAt) : IBusinessEvent, IRedaction
{
    DateTimeOffset IBusinessEvent.BusinessTime => RedactedAt;
}

public sealed record RedactFinding(string? Reason, long? ExpectedVersion);

public static class RedactFindingRules
{
    public static FieldErrors Validate(RedactFinding c) => new FieldErrors()
        .Text("reason", c.Reason, 2_000)
        .Required("expectedVersion", c.ExpectedVersion);

    /// <summary>Nothing left to remove (no change since the last redaction): appends nothing, and the masking runs again.</summary>
    public static Decision<FindingRedacted> Decide(Finding finding, RedactFinding c, string actor, DateTimeOffset now) =>
        finding.Redacted is { } done && !Unredacted(finding)
            ? new AlreadyDone($"The finding was already redacted by {done.By} on {UkTime.Date(done.At)}, and nothing has been added since.")
            : new FindingRedacted(finding.Id, finding.InspectionId, c.Reason!.Trim(), actor, now);

    public static bool Unredacted(Finding finding) =>
        !TextMask.IsMasked(finding.Content) || !finding.EarlierVersions.All(TextMask.IsMasked) || !finding.RecommendationHistory.All(TextMask.IsMasked) || !finding.FollowUps.All(TextMask.IsMasked)
        || finding.WithdrawnBecause is not (null or TextMask.Marker);
}

public static class RedactFindingEndpoint
{
    public static ProblemDetails Validate(RedactFinding? command) => FieldErrors.Check(command, RedactFindingRules.Validate);

    public static ProblemDetails Before(Guid inspectionId, Guid findingId, RedactFinding? command, Finding? finding) =>
        RecordStreams.MayChange(null, null, finding, inspectionId, findingId, command?.ExpectedVersion, "finding");

    /// <summary>Records the redaction, then masks the finding's stored events once it is committed.</summary>
    [WolverinePost("/inspections/{inspectionId}/findings/{findingId}/redaction", Name = "RedactFinding"), Authorize(Policy = Policies.Redaction)]
    [ProducesResponseType<Finding>(200)]
    public static (IResult, Events) Post(Guid findingId, RedactFinding command, [RecordStream("findingId")] Finding finding, ClaimsPrincipal user, TimeProvider clock)
    {
        var (response, events) = RecordStreams.Changed<Finding, FindingRedacted>(findingId, RedactFindingRules.Decide(finding, command, user.Actor(), clock.GetUtcNow()));
        return response is AfterCommit ? (new MaskedAfterCommit(findingId, response), events) : (response, events);
    }
}
