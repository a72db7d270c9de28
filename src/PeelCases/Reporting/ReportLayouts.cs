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
    string? Unconfirmed = null,
    IntegratedWording? Integrated = null)
{
    public string? CarriedOver(string earlier) => CarriedOverSentence?.Replace("{cycle}", Cycle).Replace("{earlier}", earlier);

    public string? IntroductionFor(string noun) => Introduction?.Replace("{noun}", noun);
}

/// <summary>
/// The opening of an integrated report (2021/22 on): "Overall summary" with "Our judgments" (how many areas were
/// assessed and graded, the table of area grades, the ungraded victim-service area, the pointer to the findings),
/// then the cycle's section on what changed, with its statement that grades are not comparable with earlier years, then
/// the HMI's own words under the cycle's heading (HmiSignOff/WriteHmiObservations).
/// {force} is the force's name, {n} the areas assessed, {graded} those graded.
/// </summary>
public sealed record IntegratedWording(string Assessed, string UngradedVictims, string DetailedFindings, string ChangesHeading, IReadOnlyList<string> Changes,
    string ObservationsHeading);

public static class ReportLayouts
{
    private const string Assessed = "Our inspection assessed how good {force} is in {n} areas of policing. We make graded judgments in {graded} of these {n} as follows:";
    private const string Findings = "We set out our detailed findings about things the force is doing well and where the force should improve in the rest of this report.";

    private const string DetailedFindings = "We set out our detailed findings below. These are the basis for our judgment of the {noun}’s performance in this area.";

    private static readonly IReadOnlyList<ReportLayout> All =
    [
        new("2018/19", "This question was not subject to detailed inspection in {cycle}, and our judgment from {earlier} has been carried over.",
            EarlierJudgmentLines: true, DetailedFindings),
        new("2017", "This question was not inspected in {cycle}. The grade and findings from last year’s inspection still stand.",
            EarlierJudgmentLines: false, null,
            "The introduction to a question's findings on 2017 pages; the summary mentions earlier judgments in its own words (\"Our overall judgment this year is the same as last year.\")."),
        new("2021/22", null, EarlierJudgmentLines: false, null,
            "The headings of the per-area sections (past the stored cut-off); only the complete sentences of \"Important changes to PEEL\" are printed.",
            new IntegratedWording(Assessed,
                "We also inspected how effective a service {force} gives to victims of crime. We don’t make a graded judgment in this overall area.",
                Findings, "Important changes to PEEL",
                [
                    "We have also expanded our previous four-tier system of judgments to five tiers.",
                    "However, these changes mean that it isn’t possible to make direct comparisons between the grades awarded this year with those from previous PEEL inspections. A reduction in grade, particularly from good to adequate, doesn’t necessarily mean that there has been a reduction in performance, unless we say so in the report.",
                ], "HM Inspector’s observations")),
        new("2023-25", null, EarlierJudgmentLines: false, null,
            "The headings of the per-area sections and the text of \"Terminology in this report\" (past the stored cut-off).",
            new IntegratedWording(Assessed,
                "We also inspected how effective a service {force} gives to victims of crime. We don’t make a graded judgment for this area.",
                Findings, "PEEL 2023–2025",
                [
                    "It isn’t possible to make direct comparisons between the grades awarded in this PEEL inspection and those from the previous cycle of PEEL inspections. This is because we have increased our focus on making sure forces are achieving appropriate outcomes for the public, and in some cases we have changed the aspects of policing we inspect.",
                ], "HM Inspector’s summary")),
    ];

    /// <summary>The layout of a cycle's pages; cycles without a confirmed layout print neither a carried-over sentence template nor generated lines.</summary>
    public static ReportLayout For(string cycle) =>
        All.FirstOrDefault(l => l.Cycle == cycle)
        ?? new ReportLayout(cycle, "This question was not inspected in {cycle}; the judgment from {earlier} stands.", false, null,
            $"The {cycle} pages' wording for carried-over questions and the introduction to findings: no stored page shows them.");
}
