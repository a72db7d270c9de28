using JasperFx.CommandLine;
using Wolverine;
using Wolverine.Runtime;

namespace PeelCases.Host;

/// <summary>The input of a command meant for stopped nodes (<see cref="LiveNodes"/>).</summary>
public sealed class StoppedNodesInput : NetCoreInput
{
    [Description("Go on even if a node reported itself alive within the stale-node timeout")]
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
public sealed class ForgetNodesCommand : JasperFxAsyncCommand<StoppedNodesInput>
{
    public override async Task<bool> Execute(StoppedNodesInput input)
    {
        using var host = input.BuildHost();
        if (await LiveNodes.RefuseAsync(host.Services, input.ForceFlag)) return false;

        var storage = host.Services.GetRequiredService<IWolverineRuntime>().Storage;
        var nodes = await storage.Nodes.LoadAllNodesAsync(CancellationToken.None);
        await storage.Nodes.ClearAllAsync(CancellationToken.None);
        await storage.Admin.ReleaseAllOwnershipAsync();
        Console.WriteLine($"Forgot {nodes.Count} node(s) and released the messages they owned.");
        return true;
    }
}
