using PeelCases.Audit;
using PeelCases.Findings;
using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.ReferenceData;

namespace PeelCases.Reporting;

/// <summary>A report page as readers see it, built only from the record: nothing on it is typed twice.</summary>
public sealed record ReportPage(
    string Title, string ForceName, string Cycle, string? PillarName, string? HeadlineQuestion, DateOnly? LastUpdated, int? Version,
    bool IsDraft, string? OverallGrade, IReadOnlyList<string> Summary, IReadOnlyList<string> EarlierJudgments, string QuestionsHeading,
    IReadOnlyList<ReportQuestion> Questions, IReadOnlyList<PageVersion> Versions, OverallSummary? Overall = null, string? ForceReports = null);

/// <summary>The opening of an integrated report (2021/22 on); no pillar and no overall grade.</summary>
public sealed record OverallSummary(string Assessed, IReadOnlyList<AreaGrade> Grades, IReadOnlyList<string> Ungraded, string DetailedFindings,
    string ChangesHeading, IReadOnlyList<string> Changes, string ObservationsHeading, IReadOnlyList<string> Observations);

public sealed record AreaGrade(string Area, string Grade);

/// <summary>
/// A question on the page, in the order the published pages show it: its grade, its areas for
/// improvement and causes of concern (each with its recommendations), the carried-over sentence or
/// the introduction to the detailed findings, those findings, and its public summary.
/// </summary>
public sealed record ReportQuestion(
    int Number, string Text, string Grade, string? CarriedOverSentence, string? Introduction, IReadOnlyList<ReportSection> Sections,
    string? Summary, IReadOnlyList<string>? AreasForImprovement = null, IReadOnlyList<ReportCauseOfConcern>? CausesOfConcern = null,
    ReportEarlierFindings? EarlierFindings = null);

/// <summary>
/// The earlier inspection's areas for improvement and causes of concern this inspection looked at again on the question,
/// each with its status line (2018/19: "However, Gwent Police had two areas for improvement in our 2017 inspection. These
/// were: … This has been addressed.").
/// </summary>
public sealed record ReportEarlierFindings(string LeadIn, IReadOnlyList<ReportFollowUp> Items);

public sealed record ReportFollowUp(string Text, string Status);

public sealed record ReportSection(string Heading, IReadOnlyList<string> Paragraphs);

/// <summary>A cause of concern with its recommendations, grouped under the lead-in their deadline gives.</summary>
public sealed record ReportCauseOfConcern(string Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<ReportRecommendations> Recommendations,
    string? Accelerated = null);

public sealed record ReportRecommendations(string LeadIn, IReadOnlyList<string> Items);

public sealed record PageVersion(int Version, DateOnly PublishedOn);

public static class ReportPages
{
    /// <summary>
    /// Builds the page from the record as it stood (at a publication, or now for a draft).
    /// The carried-over sentence and the "in 2016 we judged" lines come from the judgment
    /// references, so they always name the year the grade was actually awarded.
    /// </summary>
    public static ReportPage Build(RecordState state, Force force, AssessmentFramework framework, Pillar? pillar,
        IReadOnlyDictionary<string, AssessmentFramework> frameworks, Publication? publication, IReadOnlyList<Publication> publications,
        IReadOnlyList<EarlierFinding>? earlierFindings = null)
    {
        var inspection = state.Inspection!;
        var noun = force.Name.Contains("Constabulary", StringComparison.Ordinal) ? "constabulary" : "force";
        var shortName = force.Name.Replace(" Constabulary", "").Replace(" Police Service", "").Replace(" Police", "");
        var layout = ReportLayouts.For(inspection.Cycle);
        var earlierOnce = Once(earlierFindings ?? [], framework);
        var questions = framework.Questions
            .Where(q => (pillar is null || q.PillarCode == pillar.Code) && inspection.FindQuestion(q.Code) is not null)
            .Select(q => Question(inspection, inspection.FindQuestion(q.Code)!, q, state, frameworks, noun, layout)
                with { EarlierFindings = Earlier(earlierOnce, q.Code, force, publication) })
            .ToList();

        var pillarJudgment = pillar is null ? null : inspection.FindPillar(pillar.Code);
        // Only where the cycle's pages add them: other cycles' summaries mention earlier judgments in their own words.
        var earlier = !layout.EarlierJudgmentLines ? [] : inspection.Questions
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
            // Only text written for the public: the pillar grade's rationale is internal deliberation.
            Summary: Paragraphs(pillarJudgment?.Summary),
            EarlierJudgments: earlier,
            QuestionsHeading: pillar is null ? "Questions" : $"Questions for {pillar.Name}",
            Questions: questions,
            Versions: publications.Select(p => new PageVersion(p.ReportVersion, p.PublishedOn)).ToList(),
            Overall: layout.Integrated is { } integrated && pillar is null ? Overall(integrated, force, framework, inspection) : null,
            // A published page leads to the force's other published reports; a draft to nothing public.
            ForceReports: publication is null ? null : $"/reports/{Uri.EscapeDataString(force.Id)}");
    }

    private static ReportQuestion Question(Inspection inspection, InspectionQuestion q, FrameworkQuestion defined, RecordState state,
        IReadOnlyDictionary<string, AssessmentFramework> frameworks, string noun, ReportLayout layout)
    {
        var grade = !defined.Graded || q.Scope == QuestionScope.Ungraded ? "Ungraded" : q.StandingGrade?.Display() ?? "Not yet graded";
        if (q.CarriedOverFrom is { } from)
        {
            var pillarName = frameworks.GetValueOrDefault(from.FrameworkId)?.Pillars.FirstOrDefault(p => p.Code == from.PillarCode)?.Name;
            var earlier = pillarName is null ? $"the {from.Year} inspection" : $"the {from.Year} {pillarName.ToLowerInvariant()} inspection";
            return new ReportQuestion(defined.Number, defined.Text, grade, layout.CarriedOver(earlier), null, [], null);
        }

        var current = state.Findings
            .Where(f => f.QuestionCode == q.Code && !f.Withdrawn)
            .OrderBy(f => f.DraftedAt).ThenBy(f => f.Id)
            .ToList();
        var sections = current
            .Where(f => f.Content.Kind is FindingKind.Strength or FindingKind.InnovativePractice)
            .GroupBy(f => f.Content.Heading)
            .Select(g => new ReportSection(g.Key, g.SelectMany(f => Paragraphs(f.Content.Text)).ToList()))
            .ToList();
        var areas = current.Where(f => f.Content.Kind == FindingKind.AreaForImprovement).SelectMany(f => Paragraphs(f.Content.Text)).ToList();
        var concerns = current.Where(f => f.Content.Kind == FindingKind.CauseOfConcern)
            .Select(f => new ReportCauseOfConcern(f.Content.Heading, Paragraphs(f.Content.Text),
                f.Content.Recommendations.OrderBy(r => r.Number).GroupBy(r => r.Deadline).Select(g => new ReportRecommendations(LeadIn(g.Key), g.Select(r => r.Text).ToList())).ToList(),
                f.Accelerated?.PublishedOn is { } accelerated ? $"We published this cause of concern on {accelerated:d MMMM yyyy}, ahead of this report." : null))
            .ToList();
        var graded = defined.Graded && q.Scope == QuestionScope.Detailed;
        // Only the public summary: a grade's rationale is internal deliberation and is never printed in its place.
        return new ReportQuestion(defined.Number, defined.Text, grade, null,
            graded ? layout.IntroductionFor(noun) : null,
            sections, q.Summary, areas, concerns);
    }

    /// <summary>
    /// Each earlier item under one question only: a question of an earlier cycle can be looked at again under two of this one
    /// (2018/19's investigating crime and reducing re-offending under investigating crime and managing offenders), but its
    /// status note belongs to the inspection, so the report prints it once, under the first of them in the framework's order.
    /// </summary>
    public static IReadOnlyList<EarlierFinding> Once(IReadOnlyList<EarlierFinding> earlier, AssessmentFramework framework)
    {
        int Order(string code) => framework.Questions.Select((q, i) => (q.Code, Index: i)).Where(x => x.Code == code).Select(x => x.Index).DefaultIfEmpty(int.MaxValue).First();
        return earlier.GroupBy(e => (e.Item.FindingId, e.Item.RecommendationNumber)).Select(g => g.OrderBy(e => Order(e.Question)).First()).ToList();
    }

    /// <summary>
    /// The earlier areas for improvement and causes of concern given a status in this inspection, as the status stood when the
    /// page was published (notes recorded after it are not on that version).
    /// </summary>
    private static ReportEarlierFindings? Earlier(IReadOnlyList<EarlierFinding>? earlier, string question, Force force, Publication? publication)
    {
        var items = (earlier ?? []).Where(e => e.Question == question && e.RecordedHere && e.Item.RecommendationNumber is null)
            .Select(e => (e.Item, Note: e.Item.History.LastOrDefault(h => publication is null || h.RecordedAt <= publication.PublishedAt)))
            .Where(x => x.Note is not null).ToList();
        if (items.Count == 0) return null;
        var kinds = items.All(x => x.Item.Kind == FindingKind.AreaForImprovement) ? (items.Count == 1 ? "area for improvement" : "areas for improvement")
            : items.All(x => x.Item.Kind == FindingKind.CauseOfConcern) ? (items.Count == 1 ? "cause of concern" : "causes of concern")
            : "areas for improvement and causes of concern";
        var cycles = Join(items.Select(x => x.Item.Cycle).Distinct());
        return new ReportEarlierFindings($"However, {force.Name} had {Count(items.Count)} {kinds} in our {cycles} inspection. {(items.Count == 1 ? "This was" : "These were")}:",
            items.Select(x => new ReportFollowUp(x.Item.Text, StatusLine(x.Note!.Status))).ToList());
    }

    /// <summary>The status lines of the 2018/19 pages ("This has been addressed." / "This is in progress."); the others are ours (docs/reports.md).</summary>
    public static string StatusLine(FollowUpStatus status) => status switch
    {
        FollowUpStatus.Addressed => "This has been addressed.",
        FollowUpStatus.InProgress => "This is in progress.",
        FollowUpStatus.Achieved => "The force has achieved this in full.",
        FollowUpStatus.Superseded => "This has been superseded.",
        FollowUpStatus.Withdrawn => "This no longer applies.",
        _ => "This has not yet been addressed.",
    };

    private static string Count(int n) => n switch
    {
        1 => "one", 2 => "two", 3 => "three", 4 => "four", 5 => "five", 6 => "six", 7 => "seven", 8 => "eight", 9 => "nine", 10 => "ten",
        _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The lead-in to a cause of concern's recommendations, by deadline (wording from the register: docs/reports.md).</summary>
    public static string LeadIn(RecommendationDeadline deadline) => deadline.Kind switch
    {
        DeadlineKind.Immediately => "We recommend that the force should immediately:",
        DeadlineKind.ByDate => $"We recommend that by {deadline.Date:d MMMM yyyy} the force should:",
        _ => $"We recommend that {deadline} the force should:",
    };

    private static OverallSummary Overall(IntegratedWording wording, Force force, AssessmentFramework framework, Inspection inspection)
    {
        var areas = framework.Questions.Where(q => inspection.FindQuestion(q.Code) is not null).ToList();
        var graded = areas.Where(a => a.Graded).ToList();
        string Fill(string text) => text.Replace("{force}", force.Name).Replace("{n}", areas.Count.ToString()).Replace("{graded}", graded.Count.ToString());
        return new OverallSummary(Fill(wording.Assessed),
            graded.Select(a => new AreaGrade(a.Text, inspection.FindQuestion(a.Code)!.StandingGrade?.Display() ?? "Not yet graded")).ToList(),
            areas.Any(a => !a.Graded) ? [Fill(wording.UngradedVictims)] : [],
            wording.DetailedFindings, wording.ChangesHeading, wording.Changes,
            wording.ObservationsHeading, Paragraphs(inspection.HmiObservations));
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
