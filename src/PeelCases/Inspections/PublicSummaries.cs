using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Inspections;

/// <summary>
/// What a report prints for people outside the inspectorate must be written for them: every
/// question inspected this time (in detail or ungraded) and every graded pillar it covers has a
/// public summary before the HMI signs off and before publication. Rationales and QA comments are
/// internal deliberation and are never printed in their place.
/// </summary>
public static class PublicSummaries
{
    public static IReadOnlyList<string> Missing(Inspection inspection, AssessmentFramework framework)
    {
        var questions = inspection.Questions
            .Where(q => q.Scope is QuestionScope.Detailed or QuestionScope.Ungraded && string.IsNullOrWhiteSpace(q.Summary))
            .Select(q => $"question {q.Code}");
        var pillars = framework.Pillars
            .Where(p => inspection.Questions.Any(q => framework.FindQuestion(q.Code) is { Graded: true } fq && fq.PillarCode == p.Code))
            .Where(p => string.IsNullOrWhiteSpace(inspection.FindPillar(p.Code)?.Summary))
            .Select(p => $"the {p.Name.ToLowerInvariant()} pillar");
        // An integrated report opens with the HMI's own words (2021/22 on).
        string[] hmi = !framework.HasPillars && string.IsNullOrWhiteSpace(inspection.HmiObservations) ? ["HM Inspector’s observations"] : [];
        return [.. questions, .. pillars, .. hmi];
    }

    /// <summary>The report's text (summaries, draft-check dismissals) is fixed once the HMI has signed off; null while it is open.</summary>
    public static Refusal? TextFixed(Inspection inspection) =>
        inspection.Stage is InspectionStage.FactualAccuracyCheck or InspectionStage.Published || inspection.SignedOff is not null
            ? Refusal.ProcessRule($"The report's text is fixed once the HMI has signed off; the inspection is at {RecordWords.Quoted(inspection.Stage)}.")
            : null;

    /// <summary>The refusal for <paramref name="step"/> while any public summary is missing; null when none is.</summary>
    public static Refusal? Require(Inspection inspection, AssessmentFramework framework, string step) =>
        Missing(inspection, framework) is { Count: > 0 } missing
            ? Refusal.ProcessRule($"{step} needs the public summary of {Join(missing)}: a report never prints a grade's rationale or a QA comment in its place, " +
                                  "so write them first.")
            : null;

    private static string Join(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];
}
