using JasperFx.Events.Projections;
using Marten;
using PeelCases.Kernel;

namespace PeelCases.Monitoring;

public static class MonitoringConfiguration
{
    public const string MonitoringDocument = "force_monitoring";

    public static readonly IReadOnlyList<StoredEvent> Events =
    [
        StoredEvent.Of<ForceMonitoringStageChanged>("force_monitoring_stage_changed"),
        StoredEvent.Of<ImprovementPlanReceived>("improvement_plan_received"),
        StoredEvent.Of<MonitoringRedacted>("monitoring_redacted"),
    ];

    public static StoreOptions AddMonitoring(this StoreOptions opts)
    {
        opts.MapEvents(Events);
        opts.Schema.For<ForceMonitoring>().DocumentAlias(MonitoringDocument);
        // Inline: one writer per force's monitoring stream, an HMI at a time.
        opts.Projections.Add<ForceMonitoringProjection>(ProjectionLifecycle.Inline);
        return opts;
    }
}
