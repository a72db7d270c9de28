using PeelCases.Inspections;
namespace PeelCases.QualityAssurance;

/// <summary>How QA events change the inspection record (folded by Lifecycle/InspectionProjection).</summary>
public static class QaState
{
    public static void Apply(Inspection i, FindingsSubmittedForQa e) =>
        i.ChangeQuestion(e.QuestionCode, q => q with { Stage = QuestionStage.QaReview, StageSince = e.SubmittedAt }, e.SubmittedBy, e.SubmittedAt);

    public static void Apply(Inspection i, FindingsAcceptedByQa e) => i.ChangeQuestion(e.QuestionCode, q => q with
    {
        Stage = q.Scope == QuestionScope.Ungraded ? QuestionStage.Ungraded : QuestionStage.AwaitingGrade,
        StageSince = e.ReviewedAt,
        QaComments = e.Comments,
    }, e.ReviewedBy, e.ReviewedAt);

    public static void Apply(Inspection i, FindingsReturnedByQa e) => i.ChangeQuestion(e.QuestionCode,
        q => q with { Stage = QuestionStage.Drafting, StageSince = e.ReviewedAt, QaComments = e.Comments }, e.ReviewedBy, e.ReviewedAt);
}
