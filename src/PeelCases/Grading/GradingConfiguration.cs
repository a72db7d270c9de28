using JasperFx.Events.Projections;
using Marten;
using PeelCases.Kernel;

namespace PeelCases.Grading;

public static class GradingConfiguration
{
    public const string GradeHistoryDocument = "forcegradehistory";

    public static readonly IReadOnlyList<StoredEvent> Events =
    [
        StoredEvent.Of<GradeProposed>("grade_proposed"),
        StoredEvent.Of<PillarTextRedacted>("pillar_text_redacted"),
        StoredEvent.Of<GradeEnteredModeration>("grade_entered_moderation", "PeelCases.Workflow.GradeEnteredModeration", "PeelCases.Moderation.GradeEnteredModeration"),
        StoredEvent.Of<GradeAwarded>("grade_awarded"),
        StoredEvent.Of<JudgmentCarriedOver>("judgment_carried_over"),
        StoredEvent.Of<CarryOverNeedsDecision>("carry_over_needs_decision", "PeelCases.Workflow.CarryOverNeedsDecision"),
        StoredEvent.Of<CarriedOverJudgmentDisputed>("carried_over_judgment_disputed"),
        StoredEvent.Of<DraftFlagDismissed>("draft_flag_dismissed"),
        StoredEvent.Of<PillarGradeProposed>("pillar_grade_proposed"),
        StoredEvent.Of<PillarGradeAwarded>("pillar_grade_awarded"),
    ];

    public static StoreOptions AddGrading(this StoreOptions opts)
    {
        opts.MapEvents(Events);
        opts.Schema.For<ForceGradeHistory>().DocumentAlias(GradeHistoryDocument);
        // Async: a read model across every inspection of a force.
        opts.Projections.Add<ForceGradeHistoryProjection>(ProjectionLifecycle.Async);
        return opts;
    }
}
