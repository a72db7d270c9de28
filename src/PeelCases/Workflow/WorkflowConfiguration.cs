using Marten;
using PeelCases.Kernel;

namespace PeelCases.Workflow;

public static class WorkflowConfiguration
{
    public static readonly IReadOnlyList<StoredEvent> Events =
    [
        StoredEvent.Of<InspectionEnteredModeration>("inspection_entered_moderation"),
        StoredEvent.Of<InspectionReadyForSignOff>("inspection_ready_for_sign_off"),
    ];

    public static StoreOptions AddWorkflow(this StoreOptions opts) => opts.MapEvents(Events);
}
