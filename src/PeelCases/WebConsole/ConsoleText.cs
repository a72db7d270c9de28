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

    // The API names its fields and a deadline's kinds as a client sends them; the forms name them in words.
    private static readonly Dictionary<string, string> FieldWords = new()
    {
        ["effectiveOn"] = "The date it took effect", ["publishedOn"] = "The publication date", ["collectedOn"] = "The date it was gathered",
        ["improvementPlanDue"] = "The improvement plan's due date", ["sampleSize"] = "The sample size", ["citedEvidenceIds"] = "The evidence cited", ["evidenceIds"] = "The evidence it rests on",
        ["citedFindingIds"] = "The findings cited", ["intendedGrade"] = "The grade the team intends", ["questionCodes"] = "The questions it bears on",
        ["publicationBatch"] = "The publication batch", ["join"] = "A name to add", ["leave"] = "A name to take off",
        ["recommendations.text"] = "A recommendation's text", ["recommendations.deadline"] = "A recommendation's deadline",
    };

    private static readonly (string Api, string Words)[] DeadlineWords =
    [
        ("Immediately, ByDate or WithinMonths", "immediately, by a date, or within a number of months"),
        ("A ByDate deadline", "A deadline by a date"), ("A WithinMonths deadline", "A deadline within a number of months"),
    ];

    /// <summary>
    /// An API refusal of one field as the console shows it: a message opening with the field's API name opens with its name
    /// in words ("effectiveOn is required." → "The date it took effect is required."), and a deadline's kinds are named as
    /// the form offers them. The API's own answer is unchanged.
    /// </summary>
    public static string Refusal(string field, string message)
    {
        if (message.StartsWith(field + " ", StringComparison.Ordinal))
        {
            var key = System.Text.RegularExpressions.Regex.Replace(field, @"\[\d+\]", "");
            message = (FieldWords.GetValueOrDefault(key) ?? Sentence(key.Replace('.', ' '))) + message[field.Length..];
        }
        foreach (var (api, words) in DeadlineWords) message = message.Replace(api, words, StringComparison.Ordinal);
        return message;
    }

    /// <summary>A recommendation as a person picks it from a list: its number and the start of its text.</summary>
    public static string Recommendation(Recommendation r) => $"Recommendation {r.Number}: {Kernel.Words.Short(r.Text, 60)}";
}
