using Wolverine.Runtime;

namespace PeelCases.Host;

/// <summary>
/// The nodes that checked in within Wolverine's stale-node timeout: a command meant for stopped nodes (forget-nodes,
/// rebuild-read-models) refuses while one is listed, unless forced.
/// </summary>
public static class LiveNodes
{
    /// <summary>True when a node is alive and the operator did not force: the command stops, having said which nodes and what to do.</summary>
    public static async Task<bool> RefuseAsync(IServiceProvider services, bool force)
    {
        if (force || await RefusalAsync(services) is not { } refusal) return false;
        Console.Error.WriteLine(refusal);
        return true;
    }

    private static async Task<string?> RefusalAsync(IServiceProvider services)
    {
        var runtime = services.GetRequiredService<IWolverineRuntime>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var timeout = runtime.Options.Durability.StaleNodeTimeout;
        var alive = (await runtime.Storage.Nodes.LoadAllNodesAsync(CancellationToken.None)).Where(n => n.LastHealthCheck > now - timeout).ToList();
        return alive.Count == 0 ? null
            : $"{alive.Count} node(s) checked in within {timeout.TotalSeconds:0} s " +
              $"({string.Join(", ", alive.Select(n => $"#{n.AssignedNodeNumber} {n.Description}"))}). Stop them first, or pass --force.";
    }
}
