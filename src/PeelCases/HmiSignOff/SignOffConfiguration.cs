using Marten;
using PeelCases.Kernel;

namespace PeelCases.HmiSignOff;

public static class SignOffConfiguration
{
    public static readonly IReadOnlyList<StoredEvent> Events =
    [
        StoredEvent.Of<InspectionSignedOff>("inspection_signed_off", "PeelCases.Workflow.InspectionSignedOff"),
        StoredEvent.Of<HmiObservationsWritten>("hmi_observations_written"),
    ];

    public static StoreOptions AddHmiSignOff(this StoreOptions opts) => opts.MapEvents(Events);
}
