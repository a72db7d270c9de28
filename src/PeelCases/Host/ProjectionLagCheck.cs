using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PeelCases.Host;

/// <summary>
/// Readiness fails when the async projections have fallen further behind the event store
/// than <c>Health:MaxProjectionLag</c> events (default 10,000): the node answers, but its
/// cross-stream read models would mislead.
/// </summary>
public sealed class ProjectionLagCheck(IDocumentStore store, IConfiguration configuration) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var maxLag = configuration.GetValue("Health:MaxProjectionLag", 10_000L);
        var stats = await store.Advanced.FetchEventStoreStatistics(token: ct);
        var progress = await store.Advanced.AllProjectionProgress(token: ct);
        var behind = progress.Where(p => !p.ShardName.Contains("HighWaterMark", StringComparison.Ordinal))
            .Select(p => (p.ShardName, Lag: stats.EventSequenceNumber - p.Sequence)).ToList();
        var worst = behind.Count == 0 ? (ShardName: "none", Lag: 0L) : behind.MaxBy(b => b.Lag);
        var data = new Dictionary<string, object> { ["highWaterMark"] = stats.EventSequenceNumber, ["worstShard"] = worst.ShardName, ["worstLag"] = worst.Lag };
        return worst.Lag > maxLag
            ? HealthCheckResult.Unhealthy($"Projection {worst.ShardName} is {worst.Lag} events behind (limit {maxLag}).", data: data)
            : HealthCheckResult.Healthy($"Projections within {maxLag} events of the store.", data);
    }
}
