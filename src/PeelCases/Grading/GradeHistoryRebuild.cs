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

    /// <summary>
    /// Whether this node runs the grade history. One node holds the async projections (HotCold, an advisory lock); a
    /// rebuild on any other would race that node's own shard, and start a second copy of it here. A node that has just
    /// started may take a moment to take the lock, so it is given <paramref name="wait"/> to do so.
    /// </summary>
    public static async Task<bool> RunsHereAsync(IProjectionCoordinator projections, TimeSpan wait)
    {
        var daemon = projections.DaemonForMainDatabase();
        if (daemon.CurrentAgents().Any(a => a.Name.Identity == Shard)) return true;
        try
        {
            await daemon.WaitForShardToBeRunning(Shard, wait);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

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
