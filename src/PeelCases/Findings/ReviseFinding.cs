using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine;
using Wolverine.Marten;
using PeelCases.Fieldwork;
using PeelCases.Inspections;
using PeelCases.Kernel;

namespace PeelCases.Findings;

/// <summary>Revise a finding: the whole revised content is sent; the earlier version is kept.</summary>
public sealed record ReviseFinding(
    string? Heading,
    FindingKind? Kind,
    string? Text,
    IReadOnlyList<Guid>? CitedEvidenceIds,
    IReadOnlyList<RecommendationInput>? Recommendations,
    string? Reason,
    long? ExpectedVersion)
{
    public FindingContent ToContent() => FindingRules.ToContent(Heading!, Kind!.Value, Text!, CitedEvidenceIds!, Recommendations);
}

public static class ReviseFindingRules
{
    public static FieldErrors Validate(ReviseFinding c) =>
        FindingRules.ValidateContent(new FieldErrors(), c.Heading, c.Kind, c.Text, c.CitedEvidenceIds, c.Recommendations)
            .Text("reason", c.Reason, 2_000)
            .Required("expectedVersion", c.ExpectedVersion);

    public static Decision<FindingRevised> Decide(
        Finding finding, Inspection inspection, ReviseFinding c, IReadOnlyCollection<Evidence> cited, string actor, DateTimeOffset now)
    {
        if (finding.Withdrawn) return Refusal.ProcessRule("The finding has been withdrawn; draft a new one instead.");
        if (FindingRules.PublishedAhead(finding) is { } published) return published;
        var content = FindingRules.CheckAgainst(inspection, finding.QuestionCode, c.ToContent(), cited, finding.Content.Recommendations, correction: true);
        if (content.Refusal is { } refusal) return refusal;
        return new FindingRevised(finding.Id, inspection.Id, finding.QuestionCode, content.Value!, c.Reason!.Trim(), actor, now);
    }
}

public static class ReviseFindingEndpoint
{
    public static ProblemDetails Validate(ReviseFinding? command) => FieldErrors.Check(command, ReviseFindingRules.Validate);

    public static async Task<(Inspection?, IReadOnlyList<Evidence>)> LoadAsync(Guid inspectionId, ReviseFinding command, IQuerySession session, CancellationToken ct) =>
        (await RecordStreams.InspectionAsync(session, inspectionId, ct), await session.LoadManyAsync<Evidence>(ct, command.CitedEvidenceIds!.Distinct()));

    public static ProblemDetails Before(Guid inspectionId, Guid findingId, ReviseFinding? command, Inspection? inspection, Finding? finding, ClaimsPrincipal user) =>
        RecordStreams.MayChange(inspection, user, finding, inspectionId, findingId, command?.ExpectedVersion, "finding");

    [WolverinePost("/inspections/{inspectionId}/findings/{findingId}/revisions", Name = "ReviseFinding"), Authorize(Policy = Policies.Fieldwork)]
    [ProducesResponseType<Finding>(200)]
    public static (IResult, Events) Post(Guid findingId, ReviseFinding command, Inspection inspection, IReadOnlyList<Evidence> cited,
        [RecordStream("findingId")] Finding finding, ClaimsPrincipal user, TimeProvider clock) =>
        RecordStreams.Changed<Finding, FindingRevised>(findingId, ReviseFindingRules.Decide(finding, inspection, command, cited, user.Actor(), clock.GetUtcNow()));
}
