using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;

using PeelCases.Testing;
using PeelCases.Host;
using PeelCases.Inspections;

namespace PeelCases.Benchmarks;

/// <summary>One row of the table: a figure measured in the same run as its baseline.</summary>
public sealed record Row(string Benchmark, string Figure, string Baseline, string Ratio, string Goal, bool? Pass, string Note = "");

/// <summary>
/// Runs every benchmark against a local PostgreSQL and writes the table. Each figure is measured
/// in the same run as its baseline (raw PostgreSQL or a minimal API) and reported as a ratio.
///   PeelCases.Benchmarks [--quick] [--only 1,5] [--out FILE]   (PEELCASES_BENCH_POSTGRES: a server connection string; --only: those rows)
///   PeelCases.Benchmarks --growth [--sizes 100000,1000000] [--quick] [--keep] [--clean] [--out FILE]   (see Growth; never in CI)
///   PeelCases.Benchmarks baseline-server CONNECTION    (the minimal-API baseline, started by the harness)
///   PeelCases.Benchmarks history-dump OUT.sql.gz       (a stored-history dump for tests/, see HistoryDump)
/// </summary>
public static class Harness
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static async Task<int> Main(string[] args)
    {
        if (args is ["baseline-server", var connection]) return await BaselineServer.RunAsync(connection);
        if (args is ["history-dump", var dumpFile])
            return await HistoryDump.RunAsync(Environment.GetEnvironmentVariable("PEELCASES_BENCH_POSTGRES")
                ?? throw new InvalidOperationException("Set PEELCASES_BENCH_POSTGRES (./deploy/local/history-dump.sh does)."), dumpFile);
        var quick = args.Contains("--quick");
        var outIndex = Array.IndexOf(args, "--out");
        var output = outIndex >= 0 ? args[outIndex + 1] : null;
        var server = Environment.GetEnvironmentVariable("PEELCASES_BENCH_POSTGRES")
            ?? throw new InvalidOperationException("Set PEELCASES_BENCH_POSTGRES (./deploy/local/bench.sh does).");

        if (args.Contains("--growth"))
        {
            var sizesIndex = Array.IndexOf(args, "--sizes");
            var sizes = sizesIndex >= 0 ? args[sizesIndex + 1].Split(',').Select(long.Parse).ToArray() : Growth.Sizes;
            var grown = await new Growth(server, quick).RunAsync(sizes, args.Contains("--clean"), args.Contains("--keep"));
            Console.WriteLine(grown);
            if (output is not null && !args.Contains("--clean")) await Growth.WriteAsync(Path.GetFullPath(output), grown);
            return 0;
        }

        var clock = Stopwatch.StartNew();
        var rows = new List<Row>();
        var onlyIndex = Array.IndexOf(args, "--only");
        var only = onlyIndex >= 0 ? args[onlyIndex + 1].Split(',').ToHashSet() : null;
        var bench = new Benchmarks(server, quick, only);
        try
        {
            await bench.RunAllAsync(rows);
        }
        finally
        {
            await bench.DisposeAsync();
        }

        var table = Render(rows, quick, clock.Elapsed);
        Console.WriteLine(table);
        if (output is not null)
        {
            var path = Path.GetFullPath(output);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var existing = File.Exists(path) ? await File.ReadAllTextAsync(path) : "";
            var marker = "<!-- results -->";
            var head = existing.Contains(marker) ? existing[..existing.IndexOf(marker, StringComparison.Ordinal)] : existing;
            await File.WriteAllTextAsync(path, head + marker + "\n" + table);
            Console.WriteLine($"Wrote {path}");
        }
        return 0;
    }

    private static string Render(List<Row> rows, bool quick, TimeSpan took)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memory = File.ReadLines("/proc/meminfo").First().Split(':', 2)[1].Trim();
        var sb = new StringBuilder();
        sb.AppendLine($"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, `./deploy/local/bench.sh{(quick ? " --quick" : "")}` ({(quick ? "quick" : "full")} mode, {took.TotalSeconds:0} s), ")
          .AppendLine($"{Environment.ProcessorCount} cores ({cpu}), {memory}, PostgreSQL on loopback, client and server sharing the cores.")
          .AppendLine()
          .AppendLine("| Benchmark | Figure | Baseline (same run) | Ratio | Goal | Result | Note |")
          .AppendLine("|---|---|---|---|---|---|---|");
        foreach (var r in rows)
            sb.AppendLine($"| {r.Benchmark} | {r.Figure} | {r.Baseline} | {r.Ratio} | {r.Goal} | {(r.Pass is null ? "—" : r.Pass.Value ? "pass" : "**missed**")} | {r.Note} |");
        return sb.ToString();
    }

    public static string F(double value, string unit = "") => value.ToString(value >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture) + unit;

    public const string DevelopmentSigningKey = "peelcases-local-development-signing-key-0123456789";

    public static string Token(string user, params string[] roles) =>
        DevTokens.Mint(new AuthOptions { SigningKey = DevelopmentSigningKey }, user, roles, DateTimeOffset.UtcNow, lifetime: TimeSpan.FromHours(2));

    public static async Task<string> CreateDatabaseAsync(string server, string name)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await new NpgsqlCommand($"drop database if exists {name} with (force)", connection).ExecuteNonQueryAsync();
        await new NpgsqlCommand($"create database {name}", connection).ExecuteNonQueryAsync();
        // No pool settings: the service gets this string as production gives it one, so its own defaults hold (ADR 0019's
        // 40 connections). Until the sixteenth session a Maximum Pool Size of 100 here overrode them.
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }
}
