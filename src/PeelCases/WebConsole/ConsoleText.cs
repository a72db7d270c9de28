using PeelCases.Inspections;
using PeelCases.Findings;
using PeelCases.Grading;
using PeelCases.ReferenceData;

namespace PeelCases.WebConsole;

/// <summary>The console's words for stages, grades and kinds: what a lead inspector says, never an enum name.</summary>
public static class ConsoleText
{
    public static string Stage(QuestionStage stage) => RecordWords.Stage(stage);

    public static string Stage(InspectionStage stage) => RecordWords.Stage(stage);

    public static string Grade(Grade grade) => grade.Display();

    public static string Grade(Grade? grade) => grade?.Display() ?? "—";

    public static string Kind(FindingKind kind) => Sentence(kind.ToString());

    /// <summary>A finding as a person picks it from a list: its kind and heading, both written for the report.</summary>
    public static string Finding(Finding finding) => $"{Kind(finding.Content.Kind)}: {finding.Content.Heading}";

    /// <summary>A piece of evidence as a person ticks it to cite: how and when it was gathered, and its summary.</summary>
    public static string Evidence(PeelCases.Fieldwork.Evidence evidence) =>
        $"{Sentence(evidence.Content.Method.ToString())}, {Day(evidence.Content.CollectedOn)}: {evidence.Content.Summary}";

    public static string Scope(QuestionScope? scope) => scope is null ? "Not scoped" : Sentence(scope.Value.ToString());

    public static string When(DateTimeOffset? instant) => instant is { } i ? Kernel.UkTime.Format(i) : "—";

    public static string Day(DateOnly? day) => day is { } d ? $"{d:d MMMM yyyy}" : "—";

    public static string Sentence(string pascal) => Kernel.Words.Sentence(pascal);

    /// <summary>A recommendation as a person picks it from a list: its number and the start of its text.</summary>
    public static string Recommendation(Recommendation r) => $"Recommendation {r.Number}: {(r.Text.Length <= 60 ? r.Text : r.Text[..57] + "…")}";
}
