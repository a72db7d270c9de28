using PeelCases.Kernel;

namespace PeelCases.Inspections;

/// <summary>
/// Stages and scopes in the words the console shows, for every text a person reads (pages, refusals, the audit trail):
/// "QA review", never <c>QaReview</c>. Refusals quote the stage as the console labels it.
/// </summary>
public static class RecordWords
{
    public static string Stage(QuestionStage stage) => stage switch
    {
        QuestionStage.QaReview => "QA review",
        QuestionStage.AwaitingGrade => "Awaiting a grade",
        QuestionStage.AwaitingAward => "Awaiting award",
        QuestionStage.CarriedOver => "Judgment carried over",
        QuestionStage.Ungraded => "Not graded",
        _ => Words.Sentence(stage.ToString()),
    };

    public static string Stage(InspectionStage stage) => stage switch
    {
        InspectionStage.SignOff => "HMI sign-off",
        InspectionStage.FactualAccuracyCheck => "Factual accuracy check",
        _ => Words.Sentence(stage.ToString()),
    };

    public static string Quoted(QuestionStage stage) => $"“{Stage(stage)}”";

    public static string Quoted(InspectionStage stage) => $"“{Stage(stage)}”";

    /// <summary>After "scoped": "for carry-over".</summary>
    public static string ScopedFor(QuestionScope scope) => scope switch
    {
        QuestionScope.Detailed => "for detailed inspection",
        QuestionScope.CarryOver => "for carry-over",
        _ => "as ungraded (narrative findings only)",
    };
}
