using JasperFx.CommandLine;
using Wolverine;
using Wolverine.Runtime;

namespace PeelCases.Host;

public sealed class ForgetNodesInput : NetCoreInput
{
    [Description("Forget the nodes even if one reported itself alive within the stale-node timeout")]
    [FlagAlias("force")]
    public bool ForceFlag { get; set; }
}

/// <summary>
/// A database restored into a new environment still lists the old deployment's Wolverine nodes,
/// one of them holding the leader role and the durability agent. The first node would wait for
/// them to go stale (Wolverine's StaleNodeTimeout) before taking their work over; this command
/// forgets them and releases the messages they owned, so it takes over at once. Run it after
/// <c>db-apply</c> and before the first node starts (docs/operations.md, "Restoring into a new environment").
/// </summary>
[Description("After a restore into a new environment: forget the old deployment's nodes and release what they owned", Name = "forget-nodes")]
public sealed class ForgetNodesCommand : JasperFxAsyncCommand<ForgetNodesInput>
{
    public override async Task<bool> Execute(ForgetNodesInput input)
    {
        using var host = input.BuildHost();
        var runtime = host.Services.GetRequiredService<IWolverineRuntime>();
        var clock = host.Services.GetRequiredService<TimeProvider>();
        var storage = runtime.Storage;
        var nodes = await storage.Nodes.LoadAllNodesAsync(CancellationToken.None);
        var alive = nodes.Where(n => n.LastHealthCheck > clock.GetUtcNow() - runtime.Options.Durability.StaleNodeTimeout).ToList();
        if (alive.Count > 0 && !input.ForceFlag)
        {
            Console.Error.WriteLine($"{alive.Count} node(s) checked in within {runtime.Options.Durability.StaleNodeTimeout.TotalSeconds:0} s " +
                $"({string.Join(", ", alive.Select(n => $"#{n.AssignedNodeNumber} {n.Description}"))}). Stop them first, or pass --force.");
            return false;
        }

        await storage.Nodes.ClearAllAsync(CancellationToken.None);
        await storage.Admin.ReleaseAllOwnershipAsync();
        Console.WriteLine($"Forgot {nodes.Count} node(s) and released the messages they owned.");
        return true;
    }
}
