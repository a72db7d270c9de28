using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine;
using Wolverine.Marten;
using PeelCases.Inspections;
using PeelCases.Kernel;

namespace PeelCases.Findings;

/// <summary>Move a recommendation's status on (follow-up), with the date the change took effect.</summary>
public sealed record ChangeRecommendationStatus(RecommendationStatus? Status, string? Note, DateOnly? EffectiveOn, long? ExpectedVersion);

public static class ChangeRecommendationStatusRules
{
    public static FieldErrors Validate(ChangeRecommendationStatus c) => new FieldErrors()
        .Required("status", c.Status)
        .Text("note", c.Note, 2_000, required: false)
        .Required("effectiveOn", c.EffectiveOn)
        .Required("expectedVersion", c.ExpectedVersion);

    public static Decision<RecommendationStatusChanged> Decide(Finding finding, int number, ChangeRecommendationStatus c, string actor, DateTimeOffset now)
    {
        if (finding.Withdrawn) return Refusal.ProcessRule("The finding has been withdrawn.");
        var recommendation = finding.Content.Recommendations.FirstOrDefault(r => r.Number == number);
        if (recommendation is null) return Refusal.NotFound($"Finding {finding.Id} has no recommendation {number}.");
        if (recommendation.Status == c.Status) return Refusal.ProcessRule($"Recommendation {number} is already {Words.Lower(recommendation.Status)}.");
        return new RecommendationStatusChanged(finding.Id, finding.InspectionId, number, c.Status!.Value, c.Note?.Trim(), c.EffectiveOn!.Value, actor, now);
    }
}

public static class ChangeRecommendationStatusEndpoint
{
    public static ProblemDetails Validate(ChangeRecommendationStatus? command) => FieldErrors.Check(command, ChangeRecommendationStatusRules.Validate);

    public static ProblemDetails Before(Guid inspectionId, Guid findingId, ChangeRecommendationStatus? command, Finding? finding) =>
        RecordStreams.MayChange(null, null, finding, inspectionId, findingId, command?.ExpectedVersion, "finding");

    [WolverinePost("/inspections/{inspectionId}/findings/{findingId}/recommendations/{number}/status", Name = "ChangeRecommendationStatus")]
    [Authorize(Policy = Policies.Planning)]
    [ProducesResponseType<Finding>(200)]
    public static (IResult, Events) Post(Guid findingId, int number, ChangeRecommendationStatus command, [RecordStream("findingId")] Finding finding,
        ClaimsPrincipal user, TimeProvider clock) =>
        RecordStreams.Changed<Finding, RecommendationStatusChanged>(findingId, ChangeRecommendationStatusRules.Decide(finding, number, command, user.Actor(), clock.GetUtcNow()));
}
