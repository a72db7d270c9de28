using JasperFx.CommandLine;
using Marten;
using PeelCases.Rebuild;

namespace PeelCases.Host;

/// <summary>
/// <c>dotnet PeelCases.dll rebuild-read-models</c>: every document and the record's timeline rebuilt from the events in one
/// pass (<see cref="ReadModelRebuild"/>), with the nodes stopped. Marten's <c>projections rebuild</c> still rebuilds one
/// projection by name.
/// </summary>
[Description("With the nodes stopped: rebuild every read model from the events in one pass", Name = "rebuild-read-models")]
public sealed class RebuildReadModelsCommand : JasperFxAsyncCommand<StoppedNodesInput>
{
    public override async Task<bool> Execute(StoppedNodesInput input)
    {
        using var host = input.BuildHost();
        if (await LiveNodes.RefuseAsync(host.Services, input.ForceFlag)) return false;
        var rebuild = new ReadModelRebuild(host.Services.GetRequiredService<IDocumentStore>(), null, host.Services.GetRequiredService<TimeProvider>());
        var report = await rebuild.AllAsync(read => Console.WriteLine($"{read:N0} events read"), CancellationToken.None);
        Console.WriteLine($"Rebuilt from {report.Events:N0} events in {report.Seconds:0.0} s: " +
                          string.Join(", ", report.Documents.Select(d => $"{d.Value:N0} {d.Key}")) +
                          $", the grade history, and the record's timeline ({report.TimelineSeconds:0.0} s of it).");
        return true;
    }
}
