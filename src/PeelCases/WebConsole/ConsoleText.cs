using PeelCases.Inspections;
using System.Text.RegularExpressions;
using PeelCases.Findings;
using PeelCases.Grading;
using PeelCases.ReferenceData;

namespace PeelCases.WebConsole;

/// <summary>The console's words for stages, grades and kinds: what a lead inspector says, never an enum name.</summary>
public static partial class ConsoleText
{
    public static string Stage(QuestionStage stage) => stage switch
    {
        QuestionStage.QaReview => "QA review",
        QuestionStage.AwaitingGrade => "Awaiting a grade",
        QuestionStage.AwaitingAward => "Awaiting award",
        QuestionStage.CarriedOver => "Judgment carried over",
        QuestionStage.Ungraded => "Not graded",
        _ => Sentence(stage.ToString()),
    };

    public static string Stage(InspectionStage stage) => stage switch
    {
        InspectionStage.SignOff => "HMI sign-off",
        InspectionStage.FactualAccuracyCheck => "Factual accuracy check",
        _ => Sentence(stage.ToString()),
    };

    public static string Grade(Grade grade) => grade.Display();

    public static string Grade(Grade? grade) => grade?.Display() ?? "—";

    public static string Kind(FindingKind kind) => Sentence(kind.ToString());

    public static string Scope(QuestionScope? scope) => scope is null ? "Not scoped" : Sentence(scope.Value.ToString());

    public static string When(DateTimeOffset? instant) => instant is { } i ? Kernel.UkTime.Format(i) : "—";

    public static string Day(DateOnly? day) => day is { } d ? $"{d:d MMMM yyyy}" : "—";

    /// <summary>"AreaForImprovement" → "Area for improvement".</summary>
    public static string Sentence(string pascal)
    {
        var words = Capitals().Replace(pascal, " $1").Trim().ToLowerInvariant();
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex Capitals();
}
