using Marten;
using Marten.Events.Daemon.Coordination;

namespace PeelCases.Grading;

/// <summary>
/// The async grade history rebuilt from the events. With a running service it goes through the service's own daemon,
/// which pauses the shard while it rebuilds (a second daemon beside it would race it for the same progression row);
/// without one (a command run while the nodes are stopped) through a daemon of its own.
/// </summary>
public static class GradeHistoryRebuild
{
    private const string Shard = "ForceGradeHistory:All";

    public static async Task RunAsync(IDocumentStore store, IProjectionCoordinator? projections, TimeSpan timeout, CancellationToken ct)
    {
        if (projections is null)
        {
            using var own = await store.BuildProjectionDaemonAsync();
            await own.RebuildProjectionAsync<ForceGradeHistoryProjection>(timeout, ct);
            return;
        }
        var daemon = projections.DaemonForMainDatabase();
        await daemon.RebuildProjectionAsync<ForceGradeHistoryProjection>(timeout, ct);
        // A rebuild leaves the daemon's high-water detection and the rebuilt shard stopped (measured: neither moved while
        // new events arrived); start both again so the grade history keeps following the store.
        await daemon.RestartHighWaterAgentAsync(ct);
        await daemon.StartAgentAsync(Shard, ct);
    }
}
