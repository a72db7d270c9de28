using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.ReferenceData;

namespace PeelCases.Workflow;

/// <summary>
/// The workflow's view of an inspection as a whole: whether it has entered moderation, and
/// whether everything is settled so the HMI can sign off. Pure; the handlers apply it.
/// </summary>
public static class InspectionProgress
{
    private static readonly QuestionStage[] ModeratedOrBeyond =
        [QuestionStage.Moderation, QuestionStage.AwaitingAward, QuestionStage.Awarded, QuestionStage.CarriedOver, QuestionStage.Ungraded];

    public static object? Next(Inspection inspection, AssessmentFramework framework, DateTimeOffset now)
    {
        if (inspection.Stage == InspectionStage.Reporting && inspection.Questions.All(q => ModeratedOrBeyond.Contains(q.Stage)))
            return new InspectionEnteredModeration(inspection.Id, now);
        if (inspection.Stage is InspectionStage.Reporting or InspectionStage.Moderation && Ready(inspection, framework))
            return new InspectionReadyForSignOff(inspection.Id, now);
        return null;
    }

    /// <summary>Every question final, and every pillar with questions in scope awarded.</summary>
    public static bool Ready(Inspection inspection, AssessmentFramework framework) =>
        inspection.Questions.All(q => q.Final) && PillarRules.Waiting(inspection, framework).Count == 0;
}
