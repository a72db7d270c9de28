using PeelCases.Inspections;
using PeelCases.ReferenceData;
namespace PeelCases.Grading;

/// <summary>How grading events change the inspection record (folded by Lifecycle/InspectionProjection).</summary>
public static class GradingState
{
    // A new proposal (any earlier moderation no longer applies); it enters the moderation queue in the same append.
    public static void Apply(Inspection i, GradeProposed e) => i.ChangeQuestion(e.QuestionCode, q => q with
    {
        Stage = QuestionStage.AwaitingGrade,
        StageSince = e.ProposedAt,
        Proposed = new(e.Grade, e.Rationale, e.CitedFindingIds, e.ProposedBy, e.ProposedAt),
        Moderated = null,
    }, e.ProposedBy, e.ProposedAt);

    public static void Apply(Inspection i, GradeEnteredModeration e) =>
        i.ChangeQuestion(e.QuestionCode, q => q with { Stage = QuestionStage.Moderation, StageSince = e.EnteredAt }, null, e.EnteredAt);

    public static void Apply(Inspection i, GradeAwarded e) => i.ChangeQuestion(e.QuestionCode,
        q => q with { Stage = QuestionStage.Awarded, StageSince = e.AwardedAt, Awarded = new(e.Grade, e.AwardedBy, e.AwardedAt) },
        e.AwardedBy, e.AwardedAt);

    public static void Apply(Inspection i, JudgmentCarriedOver e) => i.ChangeQuestion(e.QuestionCode,
        q => q with { Stage = QuestionStage.CarriedOver, StageSince = e.CarriedAt, CarriedOverFrom = e.From, CarryOverProblem = null },
        e.CarriedBy, e.CarriedAt);

    // The team's grade becomes the proposal the moderator weighs against the earlier judgment, which is kept beside it.
    // The question's pillar grade, moderated on the grades as they stood, is moderated again once the dispute is decided;
    // a dispute stored before it named its pillar sends every pillar grade not yet awarded back.
    public static void Apply(Inspection i, CarriedOverJudgmentDisputed e)
    {
        i.ChangeQuestion(e.QuestionCode, q => q with
        {
            Stage = QuestionStage.Moderation,
            StageSince = e.DisputedAt,
            CarriedOverFrom = null,
            DisputedCarryOver = e.From,
            Proposed = new(e.IntendedGrade, e.Reason, [], e.DisputedBy, e.DisputedAt),
            Moderated = null,
        }, e.DisputedBy, e.DisputedAt);
        i.Pillars = i.Pillars.Select(p => p is { Awarded: null, Moderated: not null } && (e.PillarCode is null || e.PillarCode == p.PillarCode)
            ? p with { Moderated = null } : p).ToList();
    }

    public static void Apply(Inspection i, DraftFlagDismissed e)
    {
        i.DismissedDraftFlags.Add(new DraftFlagDismissal(e.FlagId, e.Reason, e.DismissedBy, e.DismissedAt, e.QuestionCode, e.PillarCode));
        i.Touch(e.DismissedBy, e.DismissedAt);
    }

    public static void Apply(Inspection i, CarryOverNeedsDecision e) =>
        i.ChangeQuestion(e.QuestionCode, q => q with { CarryOverProblem = e.Reason }, null, e.FlaggedAt);

    public static void Apply(Inspection i, PillarGradeProposed e)
    {
        // A new proposal: any earlier moderation no longer applies, as for a question's.
        i.ChangePillar(e.PillarCode, p => p with { Proposed = new(e.Grade, e.Rationale, [], e.ProposedBy, e.ProposedAt), Moderated = null });
        i.Touch(e.ProposedBy, e.ProposedAt);
    }

    public static void Apply(Inspection i, PillarGradeAwarded e)
    {
        i.ChangePillar(e.PillarCode, p => p with { Awarded = new(e.Grade, e.AwardedBy, e.AwardedAt) });
        i.Touch(e.AwardedBy, e.AwardedAt);
    }
}
