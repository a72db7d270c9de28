using Marten;
using PeelCases.Kernel;

namespace PeelCases.HmiSignOff;

public static class SignOffConfiguration
{
    public static readonly IReadOnlyList<StoredEvent> Events =
    [
        StoredEvent.Of<InspectionSignedOff>("inspection_signed_off", "PeelCases.Workflow.InspectionSignedOff"),
    ];

    public static StoreOptions AddHmiSignOff(this StoreOptions opts) => opts.MapEvents(Events);
}
