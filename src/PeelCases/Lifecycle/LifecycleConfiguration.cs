using JasperFx.Events.Projections;
using Marten;

namespace PeelCases.Lifecycle;

public static class LifecycleConfiguration
{
    /// <summary>Inline: writes to an inspection stream are serialised (ADR 0001), so the document is exact.</summary>
    public static StoreOptions AddInspectionLifecycle(this StoreOptions opts)
    {
        opts.Projections.Add<InspectionProjection>(ProjectionLifecycle.Inline);
        // Inline, in the same transaction as the event: an as-of read never sees an event without its row.
        opts.Projections.Add(new RecordTimelineProjection(), ProjectionLifecycle.Inline);
        return opts;
    }
}
