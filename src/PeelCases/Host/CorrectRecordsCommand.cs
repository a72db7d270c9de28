using JasperFx.CommandLine;
using Marten;
using PeelCases.Demo;
using PeelCases.Fieldwork;
using PeelCases.Findings;
using PeelCases.Inspections;

namespace PeelCases.Host;

/// <summary>
/// Appends the corrections stored records may need after an upgrade (docs/operations.md, "Upgrading"):
/// events with the <c>correction</c> header, never a rewrite — except redaction's masking, re-applied to redacted
/// evidence with the current register of free text. Idempotent: a second run appends nothing.
/// </summary>
[Description("Append the corrections stored records need after an upgrade (idempotent)", Name = "correct-records")]
public sealed class CorrectRecordsCommand : JasperFxAsyncCommand<NetCoreInput>
{
    public override async Task<bool> Execute(NetCoreInput input)
    {
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var appended = await DemoCorrections.ApplyAsync(store, CancellationToken.None);
        Console.WriteLine($"Appended {appended} correction event(s) ({DemoCorrections.CumbriaPublicSummaries}).");
        // Redaction is the one rewrite of stored events: what it masks grows with the register (Kernel/TextMask).
        var masked = await MaskedAfterCommit.MaskAllRedactedAsync<Evidence>(store, e => e.Redacted is null ? null : e.Id, CancellationToken.None)
                     + await MaskedAfterCommit.MaskAllRedactedAsync<Finding>(store, f => f.Redacted is null ? null : f.Id, CancellationToken.None)
                     + await MaskedAfterCommit.MaskAllRedactedAsync<Inspection>(store, i => i.Redactions.Count == 0 ? null : i.Id, CancellationToken.None)
                     + await MaskedAfterCommit.MaskAllRedactedAsync<PeelCases.Monitoring.ForceMonitoring>(store, m => m.Redactions.Count == 0 ? null : m.Id, CancellationToken.None);
        Console.WriteLine($"Masked {masked} redacted record(s) again with the current register of free text.");
        return true;
    }
}
