using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Publishing;

/// <summary>Publish the report, dated <paramref name="PublishedOn"/> (the "last updated" date readers see).</summary>
public sealed record PublishReport(DateOnly? PublishedOn, long? ExpectedVersion);

public static class PublishReportRules
{
    public static FieldErrors Validate(PublishReport c) => new FieldErrors()
        .Required("publishedOn", c.PublishedOn)
        .Required("expectedVersion", c.ExpectedVersion);

    /// <summary>After the factual accuracy check has closed with every challenge answered; again later for a new version.</summary>
    public static Decision<InspectionPublished> Decide(Inspection inspection, AssessmentFramework framework, PublishReport c, string actor, DateTimeOffset now)
    {
        var publishedOn = c.PublishedOn!.Value;
        if (inspection.Stage == InspectionStage.Published)
        {
            var last = inspection.Publications[^1];
            if (publishedOn < last.PublishedOn)
                return Refusal.Invalid("publishedOn", $"Version {last.ReportVersion} was published on {last.PublishedOn:yyyy-MM-dd}; a new version cannot be dated earlier.");
        }
        else
        {
            if (inspection.Stage != InspectionStage.FactualAccuracyCheck || inspection.FactualAccuracy is not { } check)
                return Refusal.ProcessRule($"Publication follows the factual accuracy check; the inspection is at {RecordWords.Quoted(inspection.Stage)}.");
            if (check.ClosedAt is null)
                return Refusal.ProcessRule($"The factual accuracy check is open until {UkTime.Format(check.Deadline)}.");
            var open = check.Challenges.Where(x => x.Accepted is null).ToList();
            if (open.Count > 0)
                return Refusal.ProcessRule($"{open.Count} factual accuracy challenge(s) still need an answer before publication.");
        }
        // Sign-off already required them; a record signed off before that rule still cannot publish without them.
        if (PublicSummaries.Require(inspection, framework, "Publication") is { } unwritten) return unwritten;
        return new InspectionPublished(inspection.Id, inspection.ForceId, inspection.Cycle, inspection.Publications.Count + 1, publishedOn, actor, now);
    }
}

public static class PublishReportEndpoint
{
    public static ProblemDetails Validate(PublishReport? command) => FieldErrors.Check(command, PublishReportRules.Validate);

    public static ProblemDetails Before(PublishReport? command, Inspection? inspection) => Expected.Inspection(command?.ExpectedVersion).Check(inspection);

    /// <summary>Publishes and tells the outside world through the durable outbox, in the same transaction.</summary>
    [WolverinePost("/inspections/{inspectionId}/publication", Name = "PublishReport"), Authorize(Policy = Policies.SignOff)]
    [ProducesResponseType<InspectionView>(200)]
    public static (IResult, Events, OutgoingMessages) Post(PublishReport command, [InspectionStream] Inspection inspection, AssessmentFramework framework,
        ClaimsPrincipal user, TimeProvider clock) =>
        InspectionOutcome.Of(inspection, PublishReportRules.Decide(inspection, framework, command, user.Actor(), clock.GetUtcNow()),
            published => new InspectionReportPublished(inspection.Id, published.ForceId, published.Cycle,
                published.ReportVersion, published.PublishedOn, ReportUrls.For(inspection, framework)));
}

/// <summary>Where a published report is read.</summary>
public static class ReportUrls
{
    public static string CycleSlug(string cycle) => "peel-" + cycle.Replace('/', '-');

    public static string For(Inspection inspection, AssessmentFramework framework) =>
        framework.HasPillars
            ? $"/reports/{inspection.ForceId}/{CycleSlug(inspection.Cycle)}/{ReportPillar(inspection, framework)}"
            : $"/reports/{inspection.ForceId}/{CycleSlug(inspection.Cycle)}";

    private static string ReportPillar(Inspection inspection, AssessmentFramework framework) =>
        framework.Pillars.FirstOrDefault(p => inspection.Questions.Any(q => framework.FindQuestion(q.Code)?.PillarCode == p.Code))?.Code ?? "effectiveness";
}

/// <summary>
/// Hands the integration event to systems outside PeelCases. Here it is logged; a deployment
/// routes <see cref="InspectionReportPublished"/> to its broker instead (see docs/operations.md).
/// </summary>
public static class InspectionReportPublishedHandler
{
    public static void Handle(InspectionReportPublished message, ILogger<InspectionReportPublished> logger) =>
        logger.LogInformation("Report published: {ForceId} {Cycle} version {ReportVersion} on {PublishedOn} at {ReportUrl}",
            message.ForceId, message.Cycle, message.ReportVersion, message.PublishedOn, message.ReportUrl);
}
