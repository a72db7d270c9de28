using JasperFx.Events.Projections;
using Marten;
using PeelCases.Kernel;

namespace PeelCases.Findings;

public static class FindingsConfiguration
{
    public const string FindingDocument = "finding";

    public static readonly IReadOnlyList<StoredEvent> Events =
    [
        StoredEvent.Of<FindingDrafted>("finding_drafted"),
        StoredEvent.Of<FindingRevised>("finding_revised"),
        StoredEvent.Of<FindingWithdrawn>("finding_withdrawn"),
        StoredEvent.Of<RecommendationStatusChanged>("recommendation_status_changed"),
        StoredEvent.Of<FindingRedacted>("finding_redacted"),
        StoredEvent.Of<FindingFollowedUp>("finding_followed_up"),
        StoredEvent.Of<CauseOfConcernAccelerated>("cause_of_concern_accelerated"),
        StoredEvent.Of<AcceleratedCauseOfConcernPublished>("accelerated_cause_of_concern_published"),
        StoredEvent.Of<QuestionSummaryWritten>("question_summary_written", "PeelCases.Reporting.QuestionSummaryWritten"),
        StoredEvent.Of<PillarSummaryWritten>("pillar_summary_written"),
    ];

    public static StoreOptions AddFindings(this StoreOptions opts)
    {
        opts.MapEvents(Events);
        opts.Schema.For<Finding>().DocumentAlias(FindingDocument).Duplicate(f => f.InspectionId);
        // Inline: one writer per finding stream (ADR 0001).
        opts.Projections.Add<FindingProjection>(ProjectionLifecycle.Inline);
        return opts;
    }
}
