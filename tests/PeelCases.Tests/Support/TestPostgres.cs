using System.Diagnostics;
using Npgsql;
using Testcontainers.PostgreSql;

namespace PeelCases.Tests.Support;

/// <summary>
/// Finds a PostgreSQL server for the tests, in this order: a connection string in
/// PEELCASES_TEST_POSTGRES (what ./deploy/local/test.sh sets), a Testcontainers container
/// when a Docker engine answers, else a throwaway local cluster started with the same
/// script the README uses (deploy/local/pg.sh) and removed afterwards.
/// </summary>
public sealed class TestPostgres : IAsyncDisposable
{
    public const string EnvironmentVariable = "PEELCASES_TEST_POSTGRES";

    private PostgreSqlContainer? _container;
    private string? _throwawayDir;

    public string ServerConnectionString { get; private set; } = "";
    public string Source { get; private set; } = "";

    public static async Task<TestPostgres> StartAsync()
    {
        var pg = new TestPostgres();
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            pg.ServerConnectionString = fromEnvironment;
            pg.Source = EnvironmentVariable;
        }
        else if (await pg.TryContainerAsync()) pg.Source = "Testcontainers";
        else
        {
            pg._throwawayDir = Path.Combine(Path.GetTempPath(), $"peelcases-test-pg-{Guid.NewGuid():N}");
            pg.ServerConnectionString = await RunScriptAsync("throwaway", pg._throwawayDir);
            pg.Source = $"throwaway cluster in {pg._throwawayDir}";
        }
        return pg;
    }

    private async Task<bool> TryContainerAsync()
    {
        try
        {
            _container = new PostgreSqlBuilder("postgres:15-alpine").Build();
            await _container.StartAsync();
            ServerConnectionString = _container.GetConnectionString();
            return true;
        }
        catch (Exception e) when (e is DotNet.Testcontainers.Builders.DockerUnavailableException or InvalidOperationException or ArgumentException)
        {
            _container = null;
            return false;
        }
    }

    /// <summary>Creates a database of its own for one test assembly.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..40];
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"create database \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"drop database if exists \"{name}\" with (force)", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null) await _container.DisposeAsync();
        if (_throwawayDir is not null)
        {
            await RunScriptAsync("stop", _throwawayDir);
            try { Directory.Delete(_throwawayDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static async Task<string> RunScriptAsync(params string[] args)
    {
        var script = Path.Combine(RepositoryRoot(), "deploy", "local", "pg.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"pg.sh {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}");
        return (await stdout).Trim();
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PeelCases.sln"))) return dir.FullName;
        throw new InvalidOperationException("Could not find PeelCases.sln above the test binaries.");
    }
}
