using JasperFx.CommandLine;
using Marten;
using PeelCases.Lifecycle;
using PeelCases.ReferenceData;

namespace PeelCases.Host;

/// <summary>
/// What a production node no longer does at start (it would cost every cold start half a second, docs/benchmarks.md row 6):
/// brings the reference data up to date (forces, framework versions; refused if a stored version differs from the code)
/// fills the record's timeline on a database written before it existed, and gives an empty key ring its first key
/// (<see cref="KeyRing.EnsureFirstKey"/>), or, once a certificate is configured, replaces keys stored in clear
/// (<see cref="KeyRing.RevokeKeysInClearAsync"/>). Run after <c>db-apply</c>, before the new
/// release's nodes start; idempotent. Development and test hosts, which build the schema at start, do this at start too.
/// </summary>
[Description("After db-apply: bring the reference data up to date, fill the record's timeline where it is empty, give the key ring its first key", Name = "db-seed")]
public sealed class SeedCommand : JasperFxAsyncCommand<NetCoreInput>
{
    public override async Task<bool> Execute(NetCoreInput input)
    {
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        foreach (var step in Steps) await step.Populate(store, CancellationToken.None);
        var revoked = await KeyRing.RevokeKeysInClearAsync(host.Services, CancellationToken.None);
        var firstKey = !revoked && KeyRing.EnsureFirstKey(host.Services);
        Console.WriteLine("Reference data up to date; record timeline filled where it was empty" +
                          (revoked ? "; the console's keys stored in clear revoked, a key encrypted to the certificate in their place (console users sign in again)."
                              : firstKey ? "; the console's key ring given its first key." : "."));
        return true;
    }

    /// <summary>The start-up data steps, in order (reference data first).</summary>
    public static readonly Marten.Schema.IInitialData[] Steps = [new ReferenceDataSeeder(), new RecordTimelineFill()];
}
