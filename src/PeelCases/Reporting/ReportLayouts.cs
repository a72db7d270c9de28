namespace PeelCases.Reporting;

/// <summary>
/// How a cycle's pages word what the record does not hold as text: the sentence on a carried-over
/// question, whether the page adds "In 2016 we judged …" lines, and the introduction to detailed
/// findings. Data per cycle, from the published pages (../shared/reference/peel-frameworks.md §3–6);
/// <see cref="Unconfirmed"/> names what no stored page confirms.
/// {cycle} is the page's cycle, {earlier} the earlier inspection ("the 2017 effectiveness inspection"),
/// {noun} "force" or "constabulary".
/// </summary>
public sealed record ReportLayout(
    string Cycle,
    string? CarriedOverSentence,
    bool EarlierJudgmentLines,
    string? Introduction,
    string? Unconfirmed = null)
{
    public string? CarriedOver(string earlier) => CarriedOverSentence?.Replace("{cycle}", Cycle).Replace("{earlier}", earlier);

    public string? IntroductionFor(string noun) => Introduction?.Replace("{noun}", noun);
}

public static class ReportLayouts
{
    private const string DetailedFindings = "We set out our detailed findings below. These are the basis for our judgment of the {noun}’s performance in this area.";

    private static readonly IReadOnlyList<ReportLayout> All =
    [
        new("2018/19", "This question was not subject to detailed inspection in {cycle}, and our judgment from {earlier} has been carried over.",
            EarlierJudgmentLines: true, DetailedFindings),
        new("2017", "This question was not inspected in {cycle}. The grade and findings from last year’s inspection still stand.",
            EarlierJudgmentLines: false, null,
            "The introduction to a question's findings on 2017 pages; the summary mentions earlier judgments in its own words (\"Our overall judgment this year is the same as last year.\")."),
    ];

    /// <summary>The layout of a cycle's pages; cycles without a confirmed layout print neither a carried-over sentence template nor generated lines.</summary>
    public static ReportLayout For(string cycle) =>
        All.FirstOrDefault(l => l.Cycle == cycle)
        ?? new ReportLayout(cycle, "This question was not inspected in {cycle}; the judgment from {earlier} stands.", false, null,
            $"The {cycle} pages' wording for carried-over questions and the introduction to findings: no stored page shows them.");
}
