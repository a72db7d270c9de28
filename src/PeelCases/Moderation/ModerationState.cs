using PeelCases.Inspections;
namespace PeelCases.Moderation;

/// <summary>How moderation events change the inspection record (folded by Lifecycle/InspectionProjection).</summary>
public static class ModerationState
{
    // Upholding a disputed carry-over settles the question on the earlier judgment; otherwise the grade waits for its award.
    public static void Apply(Inspection i, GradeModerated e) => i.ChangeQuestion(e.QuestionCode, q => q with
    {
        Stage = e.Upheld is null ? QuestionStage.AwaitingAward : QuestionStage.CarriedOver,
        StageSince = e.ModeratedAt,
        Moderated = new(e.ModeratedGrade, e.Changed, e.Reason, e.ModeratedBy, e.ModeratedAt),
        CarriedOverFrom = e.Upheld ?? q.CarriedOverFrom,
    }, e.ModeratedBy, e.ModeratedAt);

    public static void Apply(Inspection i, PillarGradeModerated e)
    {
        i.ChangePillar(e.PillarCode, p => p with { Moderated = new(e.ModeratedGrade, e.Changed, e.Reason, e.ModeratedBy, e.ModeratedAt) });
        i.Touch(e.ModeratedBy, e.ModeratedAt);
    }
}
