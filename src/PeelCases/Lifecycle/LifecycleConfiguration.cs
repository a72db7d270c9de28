using JasperFx.Events.Projections;
using Marten;

namespace PeelCases.Lifecycle;

public static class LifecycleConfiguration
{
    /// <summary>Inline: writes to an inspection stream are serialised (ADR 0001), so the document is exact.</summary>
    public static StoreOptions AddInspectionLifecycle(this StoreOptions opts)
    {
        opts.Projections.Add<InspectionProjection>(ProjectionLifecycle.Inline);
        return opts;
    }
}
