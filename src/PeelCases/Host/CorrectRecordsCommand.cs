using JasperFx.CommandLine;
using Marten;
using PeelCases.Demo;

namespace PeelCases.Host;

/// <summary>
/// Appends the corrections stored records may need after an upgrade (docs/operations.md, "Upgrading"):
/// events with the <c>correction</c> header, never a rewrite. Idempotent: a second run appends nothing.
/// </summary>
[Description("Append the corrections stored records need after an upgrade (idempotent)", Name = "correct-records")]
public sealed class CorrectRecordsCommand : JasperFxAsyncCommand<NetCoreInput>
{
    public override async Task<bool> Execute(NetCoreInput input)
    {
        using var host = input.BuildHost();
        var appended = await DemoCorrections.ApplyAsync(host.Services.GetRequiredService<IDocumentStore>(), CancellationToken.None);
        Console.WriteLine($"Appended {appended} correction event(s) ({DemoCorrections.CumbriaPublicSummaries}).");
        return true;
    }
}
