using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PeelCases.Host;

/// <summary>
/// <c>/health/projections</c> fails when an async projection has fallen further behind the event store than
/// <c>Health:MaxProjectionLag</c> events (default 10,000): the cross-stream read models would mislead. It is for
/// monitoring, not readiness: the lag belongs to the shared database, so every node would fail it at once (a history
/// import lags the grade history for a while) and the service would take no requests at all.
/// </summary>
public sealed class ProjectionLagCheck(IDocumentStore store, IConfiguration configuration) : IHealthCheck
{
    public const string Tag = "projections";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var maxLag = configuration.GetValue("Health:MaxProjectionLag", 10_000L);
        // The highest sequence number assigned: counting mt_events would read the whole store on every probe.
        var head = await store.Storage.Database.FetchHighestEventSequenceNumber(ct);
        var progress = await store.Advanced.AllProjectionProgress(token: ct);
        var (shard, lag) = Worst(head, progress.Select(p => (p.ShardName, p.Sequence)));
        var data = new Dictionary<string, object> { ["highWaterMark"] = head, ["worstShard"] = shard, ["worstLag"] = lag };
        return lag > maxLag
            ? HealthCheckResult.Unhealthy($"Projection {shard} is {lag} events behind (limit {maxLag}).", data: data)
            : HealthCheckResult.Healthy($"Projections within {maxLag} events of the store.", data);
    }

    /// <summary>The shard furthest behind <paramref name="head"/>; the daemon's own high-water mark is not a projection.</summary>
    public static (string Shard, long Lag) Worst(long head, IEnumerable<(string Shard, long Sequence)> progress) =>
        progress.Where(p => !p.Shard.Contains("HighWaterMark", StringComparison.Ordinal))
            .Select(p => (Shard: p.Shard, Lag: head - p.Sequence)).DefaultIfEmpty((Shard: "none", Lag: 0L)).MaxBy(p => p.Lag);
}
