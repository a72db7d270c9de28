using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Grading;

/// <summary>What a pillar grade waits on: its proposal, its moderation, its award.</summary>
public enum PillarStep { Proposal, Moderation, Award }

/// <summary>A pillar grade (2015–2018/19 frameworks) stands on its questions: all graded ones must be settled.</summary>
public static class PillarRules
{
    public static Decision<Pillar> Ready(Inspection inspection, AssessmentFramework framework, string pillarCode)
    {
        if (!framework.HasPillars)
            return Refusal.ProcessRule($"{framework.Name} has no pillars, so there is no pillar grade; each question is graded on its own.");
        var pillar = framework.Pillars.FirstOrDefault(p => string.Equals(p.Code, pillarCode, StringComparison.OrdinalIgnoreCase));
        if (pillar is null) return Refusal.NotFound($"{framework.Name} has no pillar '{pillarCode}'.");

        var graded = framework.Questions.Where(q => q.PillarCode == pillar.Code && q.Graded)
            .Select(q => inspection.FindQuestion(q.Code)).OfType<InspectionQuestion>().ToList();
        if (graded.Count == 0)
            return Refusal.ProcessRule($"No graded question of {pillar.Name} is in the scope of this inspection.");
        var unsettled = graded.Where(q => !q.Settled).ToList();
        if (unsettled.Count > 0)
            return Refusal.ProcessRule($"{pillar.Name} can be graded once every graded question is settled (awarded or carried over). Not yet: "
                + string.Join("; ", unsettled.Select(q => $"{q.Code} ({GradeRules.Describe(q)})")) + ".");
        if (inspection.FindPillar(pillar.Code)?.Awarded is { } awarded)
            return Refusal.ProcessRule($"{pillar.Name} is already awarded {awarded.Grade.Display()}.");
        if (inspection.Stage is not (InspectionStage.Reporting or InspectionStage.Moderation))
            return Refusal.ProcessRule($"{pillar.Name} is graded while the inspection is at {RecordWords.Quoted(InspectionStage.Reporting)} or " +
                $"{RecordWords.Quoted(InspectionStage.Moderation)}; it is at {RecordWords.Quoted(inspection.Stage)}.");
        return pillar;
    }


    /// <summary>The pillars graded in this inspection: those with a graded question in its scope.</summary>
    public static IEnumerable<Pillar> InScope(Inspection inspection, AssessmentFramework framework) =>
        framework.Pillars.Where(p => inspection.Questions.Any(q => framework.FindQuestion(q.Code) is { Graded: true } fq && fq.PillarCode == p.Code));

    /// <summary>Each pillar graded here and not yet awarded, with the step it waits on.</summary>
    public static IReadOnlyList<(Pillar Pillar, PillarStep Step)> Outstanding(Inspection inspection, AssessmentFramework framework) =>
        InScope(inspection, framework).Select(p => (Pillar: p, Judgment: inspection.FindPillar(p.Code)))
            .Where(x => x.Judgment?.Awarded is null)
            .Select(x => (x.Pillar, x.Judgment?.Proposed is null ? PillarStep.Proposal : x.Judgment.Moderated is null ? PillarStep.Moderation : PillarStep.Award))
            .ToList();

    /// <summary>The same in words ("Effectiveness: awaiting moderation").</summary>
    public static IReadOnlyList<string> Waiting(Inspection inspection, AssessmentFramework framework) =>
        Outstanding(inspection, framework).Select(x => $"{x.Pillar.Name}: " + x.Step switch
        {
            PillarStep.Proposal => "grade to propose",
            PillarStep.Moderation => "awaiting moderation",
            _ => "awaiting its award",
        }).ToList();
}
