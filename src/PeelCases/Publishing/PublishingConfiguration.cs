using Marten;
using PeelCases.Kernel;

namespace PeelCases.Publishing;

public static class PublishingConfiguration
{
    public static readonly IReadOnlyList<StoredEvent> Events =
    [
        StoredEvent.Of<InspectionPublished>("inspection_published"),
        StoredEvent.Of<PccResponseRecorded>("pcc_response_recorded"),
    ];

    public static StoreOptions AddPublishing(this StoreOptions opts) => opts.MapEvents(Events);
}
