using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Grading;

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
        if (inspection.Pillars.FirstOrDefault(p => p.PillarCode == pillar.Code)?.Awarded is { } awarded)
            return Refusal.ProcessRule($"{pillar.Name} is already awarded {awarded.Grade.Display()}.");
        return pillar;
    }
}
