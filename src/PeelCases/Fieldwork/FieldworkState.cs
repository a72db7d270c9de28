using PeelCases.Inspections;
namespace PeelCases.Fieldwork;

/// <summary>How the fieldwork steps change the inspection record (folded by Lifecycle/InspectionProjection).</summary>
public static class FieldworkState
{
    public static void Apply(Inspection i, FieldworkStarted e)
    {
        i.EnterStage(InspectionStage.Fieldwork, e.StartedAt);
        i.MoveQuestions(QuestionStage.Scoping, QuestionStage.Fieldwork, e.StartedAt);
        i.Touch(e.StartedBy, e.StartedAt);
    }

    public static void Apply(Inspection i, FieldworkCompleted e)
    {
        i.EnterStage(InspectionStage.Reporting, e.CompletedAt);
        i.MoveQuestions(QuestionStage.Fieldwork, QuestionStage.Drafting, e.CompletedAt);
        i.Touch(e.CompletedBy, e.CompletedAt);
    }
}
