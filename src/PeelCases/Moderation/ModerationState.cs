using PeelCases.Inspections;
namespace PeelCases.Moderation;

/// <summary>How moderation events change the inspection record (folded by Lifecycle/InspectionProjection).</summary>
public static class ModerationState
{
    public static void Apply(Inspection i, GradeEnteredModeration e) =>
        i.ChangeQuestion(e.QuestionCode, q => q with { Stage = QuestionStage.Moderation, StageSince = e.EnteredAt }, null, e.EnteredAt);

    public static void Apply(Inspection i, GradeModerated e) => i.ChangeQuestion(e.QuestionCode, q => q with
    {
        Stage = QuestionStage.AwaitingAward,
        StageSince = e.ModeratedAt,
        Moderated = new(e.ModeratedGrade, e.Changed, e.Reason, e.ModeratedBy, e.ModeratedAt),
    }, e.ModeratedBy, e.ModeratedAt);
}
