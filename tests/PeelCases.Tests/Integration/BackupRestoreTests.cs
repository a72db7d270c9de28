using System.Diagnostics;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PeelCases.Testing;
using PeelCases.Tests.Support;
using PeelCases.Demo;

namespace PeelCases.Tests.Integration;

/// <summary>The documented backup and restore: pg_dump, pg_restore into a new database, rebuild the read models (rebuild-read-models), compare.</summary>
[Collection(AppCollection.Name), Trait("Category", "Process")]
public sealed class BackupRestoreTests(AppFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_dump_restored_into_a_new_database_rebuilds_to_identical_read_models()
    {
        await new DemoData().Populate(app.Store, CancellationToken.None);
        await app.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var original = await ReadModels.SnapshotAsync(app.Store);

        var source = new NpgsqlConnectionStringBuilder(app.ConnectionString);
        var restored = await app.Postgres.CreateDatabaseAsync("peelcases_restore");
        var target = new NpgsqlConnectionStringBuilder(restored);
        var dump = Path.Combine(Path.GetTempPath(), $"peelcases-{Guid.NewGuid():N}.dump");
        try
        {
            await Run("pg_dump", "-Fc", "-h", source.Host!, "-p", source.Port.ToString(), "-U", source.Username!, "-f", dump, source.Database!);
            await Run("pg_restore", "-h", target.Host!, "-p", target.Port.ToString(), "-U", target.Username!, "-d", target.Database!, "--no-owner", dump);

            // The rebuild is for stopped nodes: the dump lists this fixture's nodes, which checked in moments ago.
            var (exit, refusal) = await ServiceCli.TryRunAsync(restored, "rebuild-read-models");
            Assert.NotEqual(0, exit);
            Assert.Contains("Stop them first, or pass --force.", refusal);
            Assert.Contains("Rebuilt from", await ServiceCli.RunAsync(restored, "rebuild-read-models", "--force"));

            await using var host = await AppFixture.StartHostAsync(restored, null);
            var store = host.Services.GetRequiredService<IDocumentStore>();
            await host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
            ReadModels.AssertIdentical(original, await ReadModels.SnapshotAsync(store));
        }
        finally
        {
            File.Delete(dump);
            await app.Postgres.DropDatabaseAsync(restored);
        }
    }

    private static async Task Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(PgTools.Find(tool)) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {errors}");
    }
}
