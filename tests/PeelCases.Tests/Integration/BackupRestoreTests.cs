using System.Diagnostics;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PeelCases.Testing;
using PeelCases.Tests.Support;
using PeelCases.Demo;
using PeelCases.Fieldwork;

namespace PeelCases.Tests.Integration;

/// <summary>The documented backup and restore: pg_dump, pg_restore into a new database, rebuild the read models (rebuild-read-models), compare.</summary>
[Trait("Category", "Process")]
public sealed class BackupRestoreTests(AppFixture app) : InspectionTestBase(app)
{
    [Fact]
    public async Task A_dump_restored_into_a_new_database_rebuilds_to_identical_read_models()
    {
        await new DemoData().Populate(App.Store, CancellationToken.None);
        // An amended piece of evidence: its first timeline rows are closed by the second.
        var inspection = await ScheduleAsync(Commands.Schedule(force: "durham"));
        var evidence = await RecordAsync(inspection.Id);
        await Post<Evidence>($"/inspections/{inspection.Id}/evidence/{evidence.Id}/amendments",
            Commands.Amendment(evidence, "Recounted: THRIVE used on 8 of 10 logs.", "Recounted the sample"), TestUser.Inspector);
        await App.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var original = await ReadModels.SnapshotAsync(App.Store);
        var timeline = await Timeline(App.ConnectionString);
        Assert.Contains(timeline.Rows.Split('\n'), row => row.Contains("\"superseded_seq\":") && !row.Contains("\"superseded_seq\":null")); // amended or revised items

        var source = new NpgsqlConnectionStringBuilder(App.ConnectionString);
        var restored = await App.Postgres.CreateDatabaseAsync("peelcases_restore");
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
            // The timeline was emptied and written again with its key and indexes dropped and rebuilt: every row as the
            // inline projection wrote it, and the same key and indexes, before any host could add a missing one at start.
            Assert.Equal(timeline, await Timeline(restored));

            await using var host = await AppFixture.StartHostAsync(restored, null);
            var store = host.Services.GetRequiredService<IDocumentStore>();
            await host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
            ReadModels.AssertIdentical(original, await ReadModels.SnapshotAsync(store));
        }
        finally
        {
            File.Delete(dump);
            await App.Postgres.DropDatabaseAsync(restored);
        }
    }

    /// <summary>Every row of the record's timeline as JSON in key order, and the table's index definitions.</summary>
    private static async Task<(string Rows, string Indexes)> Timeline(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        async Task<string> Read(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            return (string)(await command.ExecuteScalarAsync())!;
        }
        var table = Lifecycle.RecordTimelineProjection.Table;
        return (await Read($"select string_agg(row_to_json(t)::text, E'\\n' order by item_id, version, question) from peelcases.{table} t"),
            await Read($"select string_agg(indexdef, E'\\n' order by indexname) from pg_indexes where schemaname = 'peelcases' and tablename = '{table}'"));
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
