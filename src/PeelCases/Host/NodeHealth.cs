using JasperFx.Core;
using Wolverine;

namespace PeelCases.Host;

/// <summary>
/// How fast a surviving node takes over what a crashed one owned (its accepted but unhandled workflow messages, the
/// scheduled deadlines it polled, the agents it ran): Wolverine's defaults take 61–80 s (stale after 60 s, health checks
/// every 10 s, ejected after two stale checks). Heartbeats every 2 s, stale after 8 s without one (four missed), ejected on
/// the second stale check: a dead node is taken over within about 12 s, while a node slowed by a busy machine has four
/// heartbeats' grace before anyone treats it as dead (ADR 0011, measured in OperationsTests).
/// </summary>
public static class NodeHealth
{
    public static void Apply(DurabilitySettings durability, IConfiguration configuration)
    {
        var section = configuration.GetSection("PeelCases:NodeHealth");
        durability.HealthCheckPollingTime = section.GetValue("HeartbeatEvery", 2.Seconds());
        durability.StaleNodeTimeout = section.GetValue("StaleAfter", 8.Seconds());
        durability.StaleNodeEjectionThreshold = section.GetValue("EjectAfterStaleChecks", 2);
        // Released work is picked up on the next pass of these loops, not minutes later.
        durability.NodeReassignmentPollingTime = section.GetValue("ReassignEvery", 2.Seconds());
        durability.OrphanedMessageSweepPollingTime = section.GetValue("OrphanSweepEvery", 2.Seconds());
        durability.ScheduledJobPollingTime = section.GetValue("ScheduledJobsEvery", 2.Seconds());
    }
}
