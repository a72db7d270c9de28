using PeelCases.Audit;
using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.ReferenceData;

namespace PeelCases.Reporting;

/// <summary>A report page as readers see it, built only from the record: nothing on it is typed twice.</summary>
public sealed record ReportPage(
    string Title, string ForceName, string Cycle, string? PillarName, string? HeadlineQuestion, DateOnly? LastUpdated, int? Version,
    bool IsDraft, string? OverallGrade, IReadOnlyList<string> Summary, IReadOnlyList<string> EarlierJudgments, string QuestionsHeading,
    IReadOnlyList<ReportQuestion> Questions, IReadOnlyList<PageVersion> Versions);

public sealed record ReportQuestion(
    int Number, string Text, string Grade, string? CarriedOverSentence, string? Introduction, IReadOnlyList<ReportSection> Sections,
    string? Summary);

public sealed record ReportSection(string Heading, IReadOnlyList<string> Paragraphs);

public sealed record PageVersion(int Version, DateOnly PublishedOn);

public static class ReportPages
{
    /// <summary>
    /// Builds the page from the record as it stood (at a publication, or now for a draft).
    /// The carried-over sentence and the "in 2016 we judged" lines come from the judgment
    /// references, so they always name the year the grade was actually awarded.
    /// </summary>
    public static ReportPage Build(RecordState state, Force force, AssessmentFramework framework, Pillar? pillar,
        IReadOnlyDictionary<string, AssessmentFramework> frameworks, Publication? publication, IReadOnlyList<Publication> publications)
    {
        var inspection = state.Inspection!;
        var noun = force.Name.Contains("Constabulary", StringComparison.Ordinal) ? "constabulary" : "force";
        var shortName = force.Name.Replace(" Constabulary", "").Replace(" Police Service", "").Replace(" Police", "");
        var questions = framework.Questions
            .Where(q => (pillar is null || q.PillarCode == pillar.Code) && inspection.FindQuestion(q.Code) is not null)
            .Select(q => Question(inspection, inspection.FindQuestion(q.Code)!, q, state, frameworks, noun))
            .ToList();

        var pillarJudgment = pillar is null ? null : inspection.Pillars.FirstOrDefault(p => p.PillarCode == pillar.Code);
        var earlier = inspection.Questions
            .Where(q => q.CarriedOverFrom is not null && framework.FindQuestion(q.Code) is { } fq && (pillar is null || fq.PillarCode == pillar.Code))
            .GroupBy(q => q.CarriedOverFrom!.Year).OrderBy(g => g.Key)
            .Select(g => $"In {g.Key} we judged the {noun} to be {Lower(g.First().CarriedOverFrom!.Grade)} at " +
                         Join(g.Select(q => framework.FindQuestion(q.Code)!.ShortTitle ?? framework.FindQuestion(q.Code)!.Text)) + ".")
            .ToList();

        return new ReportPage(
            Title: $"{shortName} PEEL {(framework.HasPillars ? framework.Year.ToString() : framework.Cycle)}",
            ForceName: force.Name, Cycle: inspection.Cycle, PillarName: pillar?.Name, HeadlineQuestion: pillar?.HeadlineQuestion,
            LastUpdated: publication?.PublishedOn, Version: publication?.ReportVersion, IsDraft: publication is null,
            OverallGrade: pillarJudgment?.Awarded?.Grade.Display(),
            Summary: Paragraphs(pillarJudgment?.Proposed?.Rationale),
            EarlierJudgments: earlier,
            QuestionsHeading: pillar is null ? "Questions" : $"Questions for {pillar.Name}",
            Questions: questions,
            Versions: publications.Select(p => new PageVersion(p.ReportVersion, p.PublishedOn)).ToList());
    }

    private static ReportQuestion Question(Inspection inspection, InspectionQuestion q, FrameworkQuestion defined, RecordState state,
        IReadOnlyDictionary<string, AssessmentFramework> frameworks, string noun)
    {
        var grade = !defined.Graded || q.Scope == QuestionScope.Ungraded ? "Ungraded" : q.StandingGrade?.Display() ?? "Not yet graded";
        if (q.CarriedOverFrom is { } from)
        {
            var pillarName = frameworks.GetValueOrDefault(from.FrameworkId)?.Pillars.FirstOrDefault(p => p.Code == from.PillarCode)?.Name;
            var earlier = pillarName is null ? $"the {from.Year} inspection" : $"the {from.Year} {pillarName.ToLowerInvariant()} inspection";
            return new ReportQuestion(defined.Number, defined.Text, grade,
                $"This question was not subject to detailed inspection in {inspection.Cycle}, and our judgment from {earlier} has been carried over.",
                null, [], null);
        }

        var sections = state.Findings
            .Where(f => f.QuestionCode == q.Code && !f.Withdrawn)
            .OrderBy(f => f.DraftedAt).ThenBy(f => f.Id)
            .GroupBy(f => f.Content.Heading)
            .Select(g => new ReportSection(g.Key, g.SelectMany(f => Paragraphs(f.Content.Text)).ToList()))
            .ToList();
        var graded = defined.Graded && q.Scope == QuestionScope.Detailed;
        return new ReportQuestion(defined.Number, defined.Text, grade, null,
            graded ? $"We set out our detailed findings below. These are the basis for our judgment of the {noun}’s performance in this area." : null,
            sections, q.Summary ?? (graded ? q.Proposed?.Rationale : null));
    }

    private static IReadOnlyList<string> Paragraphs(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Replace("\r\n", "\n").Split("\n\n").Select(p => p.Trim()).Where(p => p.Length > 0).ToList();

    private static string Lower(Grade grade) => grade.Display().ToLowerInvariant();

    private static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list[..^1]) + " and " + list[^1];
    }
}
