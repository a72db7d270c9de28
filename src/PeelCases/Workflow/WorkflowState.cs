using PeelCases.Inspections;
namespace PeelCases.Workflow;

/// <summary>How the workflow's own steps change the inspection record (folded by Lifecycle/InspectionProjection).</summary>
public static class WorkflowState
{
    public static void Apply(Inspection i, InspectionEnteredModeration e) => i.EnterStage(InspectionStage.Moderation, e.EnteredAt);

    public static void Apply(Inspection i, InspectionReadyForSignOff e) => i.EnterStage(InspectionStage.SignOff, e.ReadyAt);
}
