using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marten;
using Npgsql;
using static PeelCases.Benchmarks.Harness;

using PeelCases.Fieldwork;
using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.Lifecycle;
using PeelCases.Publishing;
using PeelCases.ReferenceData;

namespace PeelCases.Benchmarks;

/// <summary>
/// <c>bench.sh --growth</c>: how cost grows with the store. One database is grown through the import's bulk path from
/// 100,000 to 1,000,000 to 10,000,000 events of history, and at each size the service's rows (1, 4 and 5 among them) run
/// again against it. Resumable: the database and each size's figures stay between runs, and a run starts at the first size
/// not yet measured. Never in CI. Free disk is checked before each growth step; the database is dropped once the last size
/// is measured, unless <c>--keep</c> (<c>--growth --clean</c> drops it at any time).
/// </summary>
public sealed class Growth(string server, bool quick)
{
    private const string Name = "peelcases_growth";
    // 258 past inspections (see PastInspection) of 40,000 pieces of evidence each hold the 10,000,000 events of the last size.
    private const int EvidencePerInspection = 40_000;
    private const int Slots = 43 * 2 * 3;
    public static readonly long[] Sizes = [100_000, 1_000_000, 10_000_000];

    private sealed record Measured(long Size, long Events, long DiskBytes, double GrowSeconds, List<Row> Rows);

    public async Task<string> RunAsync(long[] sizes, bool clean, bool keep)
    {
        if (clean)
        {
            await DropAsync();
            return "The growth database is dropped.";
        }
        var database = await OpenAsync();
        using (var store = Benchmarks.Store(database))
        {
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            await new ReferenceDataSeeder().Populate(store, default);
        }
        await ExecuteAsync(database, """
            create table if not exists public.bench_growth (size bigint primary key, events bigint not null, disk_bytes bigint not null,
              grow_seconds double precision not null, rows jsonb not null, measured_at timestamptz not null default now())
            """);

        var measured = await ResultsAsync(database);
        foreach (var size in sizes.Where(s => measured.All(m => m.Size != s)))
        {
            var clock = Stopwatch.StartNew();
            var events = await GrowAsync(database, size);
            var growSeconds = clock.Elapsed.TotalSeconds;
            await RetireLiveInspectionsAsync(database);
            await ExecuteAsync(database, "vacuum analyze");

            var rows = new List<Row>();
            await using (var bench = new Benchmarks(server, quick))
                await bench.RunServiceAsync(rows, database, await CreateDatabaseAsync(server, Name + "_baseline"));
            var disk = (long)(await ScalarAsync(database, "select pg_database_size(current_database())"))!;
            await ExecuteAsync(database, "insert into public.bench_growth (size, events, disk_bytes, grow_seconds, rows) values ($1, $2, $3, $4, $5::jsonb)",
                size, events, disk, growSeconds, JsonSerializer.Serialize(rows));
            measured.Add(new Measured(size, events, disk, growSeconds, rows));
            Console.WriteLine($"growth: {size:N0} events measured ({disk / 1e9:0.0} GB)");
        }

        var table = Render(measured.OrderBy(m => m.Size).ToList(), sizes);
        // --keep leaves the grown store for a look at its plans (EXPLAIN); --clean drops it later.
        if (!keep && Sizes.All(s => measured.Any(m => m.Size == s))) await DropAsync();
        return table;
    }

    /// <summary>The growth database, created on the first run and kept until the last size is measured.</summary>
    private async Task<string> OpenAsync()
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        var exists = await new NpgsqlCommand($"select 1 from pg_database where datname = '{Name}'", connection).ExecuteScalarAsync() is not null;
        return exists ? new NpgsqlConnectionStringBuilder(server) { Database = Name }.ConnectionString : await CreateDatabaseAsync(server, Name);
    }

    private async Task DropAsync()
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        foreach (var name in new[] { Name, Name + "_baseline" })
            await new NpgsqlCommand($"drop database if exists {name} with (force)", connection).ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Appends past inspections (2014 and 2015, one per force, cycle and pillar, each with 40,000 pieces of evidence) until the store
    /// holds <paramref name="size"/> events by the historical import's bulk path (Marten's bulk append, each new stream's
    /// document the fold of its events written with COPY); then the record's timeline written again in one pass, as a rebuild writes it.
    /// </summary>
    private async Task<long> GrowAsync(string database, long size)
    {
        var events = (long)(await ScalarAsync(database, "select count(*) from peelcases.mt_events"))!;
        if (events >= size) return events;
        await CheckDiskAsync(database, events, size);
        using var store = Benchmarks.Store(database);
        var n = (int)(long)(await ScalarAsync(database, "select count(*) from peelcases.mt_doc_inspection where data ->> 'cycle' in ('2014', '2015')"))!;
        while (events < size)
        {
            // One past inspection per call, its 40,014 events in one transaction (its documents follow it).
            var streams = PastInspection(n++).ToList();
            var wrapped = streams.SelectMany(s => s.Events.Select((e, v) => Benchmarks.Wrap(e, s.Id, v + 1))).ToList();
            var headers = streams.Select(s => new Marten.Events.BulkEventStreamHeader { Id = s.Id, Version = s.Events.Length, AggregateType = s.Aggregate }).ToList();
            await store.BulkInsertEventStreamAsync(JasperFx.StorageConstants.DefaultTenantId, headers, Benchmarks.Async(wrapped), wrapped.Count, default);
            await store.BulkInsertDocumentsAsync(streams.Select(Fold), Weasel.Core.BulkInsertMode.InsertsOnly, 5_000);
            events += wrapped.Count;
            Console.WriteLine($"growth: {events:N0} of {size:N0} events");
        }
        // The record's timeline written again in one pass, as rebuild-read-models writes it (ADR 0018), not filled per chunk
        // through the grown table's key and indexes.
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await RecordTimelineFill.RefillAsync(connection, default);
        }
        // The async grade history caught up, as the import leaves it: otherwise the service's daemon would spend the
        // measured run folding the grown history.
        await Grading.GradeHistoryRebuild.RunAsync(store, null, TimeSpan.FromHours(1), default);
        return events;
    }

    /// <summary>
    /// The <paramref name="n"/>th past inspection: before 2016 each pillar was an inspection of its own, so 43 forces × 2 cycles ×
    /// 3 pillars give 258, one per force, cycle and pillar (the store's unique index), each with its graded questions awarded.
    /// </summary>
    private static IEnumerable<(Guid Id, Type Aggregate, object[] Events)> PastInspection(int n)
    {
        if (n >= Slots) throw new InvalidOperationException($"The grown history has room for {Slots} past inspections.");
        var framework = n % 2 == 0 ? Frameworks.Peel2014 : Frameworks.Peel2015;
        var pillar = framework.Pillars[n / 2 % 3].Code;
        var force = Forces.All[n / 6];
        var id = Guid.NewGuid();
        var at = new DateTimeOffset(framework.Year, 10, 6, 9, 0, 0, TimeSpan.Zero).AddDays(n % 7);
        var day = DateOnly.FromDateTime(at.Date);
        var questions = framework.Questions.Where(q => q.PillarCode == pillar).Take(3).ToList();
        var codes = questions.Select(q => q.Code).ToArray();
        var lifecycle = new List<object> { new InspectionScheduled(id, force.Id, framework.Cycle, framework.Year, framework.Id, framework.Version, codes, "import",
            day, day.AddDays(11), [], "import", at, [pillar]) };
        lifecycle.AddRange(codes.Select(q => (object)new QuestionScoped(id, force.Id, q, QuestionScope.Detailed, null, null, "import", at)));
        lifecycle.Add(new FieldworkStarted(id, "import", at));
        lifecycle.Add(new FieldworkCompleted(id, "import", at.AddDays(11)));
        lifecycle.AddRange(questions.Where(q => q.Graded).Select(q => (object)new GradeAwarded(id, force.Id, framework.Cycle, framework.Year, framework.Id, q.Code,
            q.LineageKey, Grade.Good, "import", at.AddDays(60))));
        lifecycle.Add(new InspectionPublished(id, force.Id, framework.Cycle, 1, day.AddMonths(5), "import", at.AddDays(150)));
        yield return (id, typeof(Inspection), lifecycle.ToArray());
        for (var e = 0; e < EvidencePerInspection; e++)
        {
            var evidenceId = Guid.NewGuid();
            yield return (evidenceId, typeof(Evidence), [new EvidenceRecorded(evidenceId, id, new EvidenceContent(EvidenceMethod.DocumentReview, null,
                day.AddDays(e % 11), $"Document {e} reviewed for {force.Name}.", "Force documents", [codes[e % codes.Length]], false), "import", at.AddSeconds(e))]);
        }
    }

    /// <summary>The stream's document as its inline projection would store it.</summary>
    private static object Fold((Guid Id, Type Aggregate, object[] Events) stream)
    {
        var folding = new Rebuild.StreamFolding(stream.Id);
        for (var v = 0; v < stream.Events.Length; v++) folding.Take(Benchmarks.Wrap(stream.Events[v], stream.Id, v + 1));
        return folding.Document()!;
    }

    /// <summary>Refuses to grow when the disk under PostgreSQL would keep less than 5 GB free (growth estimated from the store so far).</summary>
    private static async Task CheckDiskAsync(string database, long events, long size)
    {
        var directory = (string)(await ScalarAsync(database, "select current_setting('data_directory')"))!;
        var bytesPerEvent = events > 10_000 ? (long)(await ScalarAsync(database, "select pg_database_size(current_database())"))! / (double)events : 3_000;
        var needed = (long)((size - events) * bytesPerEvent * 1.3);
        var free = new DriveInfo(directory).AvailableFreeSpace;
        if (free - needed < 5_000_000_000)
            throw new InvalidOperationException($"Growing to {size:N0} events needs about {needed / 1e9:0.0} GB; {directory} has {free / 1e9:0.0} GB free. " +
                "Free some disk and run again (the sizes measured so far are kept).");
    }

    /// <summary>
    /// The inspections the previous size's run scheduled (2016 onwards; the grown history is 2014 and 2015) lose their
    /// documents, so the same forces can be scheduled again for the same cycles. Their events stay and count in the size.
    /// </summary>
    private static Task RetireLiveInspectionsAsync(string database) =>
        ExecuteAsync(database, "delete from peelcases.mt_doc_inspection where data ->> 'cycle' not in ('2014', '2015')");

    private static async Task<List<Measured>> ResultsAsync(string database)
    {
        var results = new List<Measured>();
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var reader = await new NpgsqlCommand("select size, events, disk_bytes, grow_seconds, rows::text from public.bench_growth", connection).ExecuteReaderAsync();
        while (await reader.ReadAsync())
            results.Add(new Measured(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetDouble(3), JsonSerializer.Deserialize<List<Row>>(reader.GetString(4))!));
        return results;
    }

    private static async Task ExecuteAsync(string database, string sql, params object[] args)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        foreach (var a in args) command.Parameters.Add(new NpgsqlParameter { Value = a });
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var value = await new NpgsqlCommand(sql, connection) { CommandTimeout = 0 }.ExecuteScalarAsync();
        return value is int i ? (long)i : value;
    }

    /// <summary>The figure a row's growth is judged by: row 1's ratio to its baseline, rows 4 and 5 their first latency.</summary>
    private static double? Figure(List<Row> rows, string prefix, bool ratio)
    {
        var row = rows.FirstOrDefault(r => r.Benchmark.StartsWith(prefix, StringComparison.Ordinal));
        var match = row is null ? null : Regex.Match(ratio ? row.Ratio : row.Figure, ratio ? @"([0-9.]+)×" : @"([0-9.]+) ms");
        return match is { Success: true } ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    private string Render(List<Measured> measured, long[] asked)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var sb = new StringBuilder()
            .AppendLine($"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, `./deploy/local/bench.sh --growth{(quick ? " --quick" : "")}`, sizes asked: {string.Join(", ", asked.Select(s => s.ToString("N0")))}; " +
                        $"{Environment.ProcessorCount} cores ({cpu}). Each size's figures are against baselines of its own run.")
            .AppendLine()
            .AppendLine("| Store size | Disk | Growth step (events, documents, timeline, grade history) | 1. Record evidence (ratio to the minimal API) | 4. As-of overview p95 (ratio to raw SQL) | 5. Workflow p99 | 6. Cold start | 7. Peak RSS |")
            .AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var m in measured)
        {
            string Cell(string prefix) => m.Rows.FirstOrDefault(r => r.Benchmark.StartsWith(prefix, StringComparison.Ordinal)) is { } r ? r.Figure : "—";
            var evidence = m.Rows.FirstOrDefault(r => r.Benchmark.StartsWith("1.", StringComparison.Ordinal));
            sb.AppendLine($"| {m.Events:N0} events | {m.DiskBytes / 1e9:0.00} GB | {m.GrowSeconds:0} s | {evidence?.Figure} ({evidence?.Ratio}) | {Cell("4.")} ({m.Rows.FirstOrDefault(r => r.Benchmark.StartsWith("4.", StringComparison.Ordinal))?.Ratio}) | {Cell("5.")} | {Cell("6.")} | {Cell("7.")} |");
        }
        if (measured.Count >= 2)
        {
            var (first, last) = (measured[0].Rows, measured[^1].Rows);
            var checks = new (string Name, double? Growth)[]
            {
                ("1 (throughput ratio, smallest / largest)", Figure(first, "1.", true) / Figure(last, "1.", true)),
                ("4 (p95, largest / smallest)", Figure(last, "4.", false) / Figure(first, "4.", false)),
                ("5 (p99, largest / smallest)", Figure(last, "5.", false) / Figure(first, "5.", false)),
            };
            sb.AppendLine().AppendLine($"From {measured[0].Events:N0} to {measured[^1].Events:N0} events (goal: within 1.25×): " +
                string.Join("; ", checks.Select(c => $"{c.Name} {c.Growth:0.00}× {(c.Growth <= 1.25 ? "pass" : "**missed**")}")) + ".");
        }
        return sb.ToString();
    }

    /// <summary>Puts the growth table into the benchmarks page between its own markers, before the latest full table.</summary>
    public static async Task WriteAsync(string path, string table)
    {
        const string start = "<!-- growth -->", end = "<!-- /growth -->", results = "<!-- results -->";
        var text = File.Exists(path) ? await File.ReadAllTextAsync(path) : "";
        var section = start + "\n" + table + end;
        text = text.Contains(start) && text.Contains(end)
            ? text[..text.IndexOf(start, StringComparison.Ordinal)] + section + text[(text.IndexOf(end, StringComparison.Ordinal) + end.Length)..]
            : text.Contains(results) ? text.Replace(results, section + "\n\n" + results) : text + "\n" + section + "\n";
        await File.WriteAllTextAsync(path, text);
    }
}
