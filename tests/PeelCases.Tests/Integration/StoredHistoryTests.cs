using System.Text.RegularExpressions;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PeelCases.Tests.Support;
using Weasel.Core;
using Wolverine.Runtime;
using Wolverine.Tracking;
using Xunit.Abstractions;
using PeelCases.FactualAccuracy;
using PeelCases.Host;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;
using PeelCases.Reporting;

namespace PeelCases.Tests.Integration;

/// <summary>
/// A database written by an earlier version, upgraded the way an operator upgrades production
/// (docs/operations.md): restore, <c>db-apply</c>, <c>forget-nodes</c>, start the current service.
/// Then everything stored must still read, rebuild and answer as it did, and the factual accuracy
/// deadline the old version scheduled must fire once.
/// </summary>
[Collection(AppCollection.Name), Trait("Category", "Process")]
public sealed class StoredHistoryTests(AppFixture app, ITestOutputHelper output)
{
    /// <summary>Set to write the answers of a dump that has none yet (deploy/local/history-dump.sh, on the version that wrote it).</summary>
    private const string CaptureVariable = "PEELCASES_CAPTURE_STORED_ANSWERS";

    /// <summary>
    /// How rebuilt read models may differ from the documents an earlier version stored, each with
    /// its reason: the named part is left out of both sides, everything else must be identical.
    /// </summary>
    private static readonly (string Reason, Action<StoredDump, string, JsonNode> LeaveOut)[] IntendedReadModelChanges =
    [
        ("Each question keeps its own version from issue 14 on (concurrency at the question's grain); documents stored " +
         "before it have none, so the rebuild adds it.",
            (_, key, doc) =>
            {
                if (!key.StartsWith("Inspection:", StringComparison.Ordinal)) return;
                foreach (var q in doc["Questions"]!.AsArray()) q!.AsObject().Remove("Version");
            }),
        ("Redaction masks every free-text field from issue 18 on, an amendment's reason (supersededBecause) too; a redacted " +
         "evidence document stored before it still shows the reason until correct-records masks the stored events again.",
            (_, key, doc) =>
            {
                if (!key.StartsWith("Evidence:", StringComparison.Ordinal) || doc["Redacted"] is null) return;
                foreach (var v in doc["EarlierVersions"]!.AsArray()) v!.AsObject().Remove("SupersededBecause");
            }),
        ("A withdrawn finding keeps who withdrew it and when from the twenty-second session (the question page shows it); " +
         "a withdrawn finding's document stored before it has neither, so the rebuild adds them from the stored FindingWithdrawn. " +
         "Only those documents: one stored with them must rebuild to the same.",
            (dump, key, doc) =>
            {
                if (!key.StartsWith("Finding:", StringComparison.Ordinal) || doc["Withdrawn"]?.GetValue<bool>() != true) return;
                var id = key["Finding:".Length..];
                if (dump.Rows("mt_doc_finding").Single(r => r["id"] == id)["data"]!.Contains("\"withdrawnBy\"", StringComparison.Ordinal)) return;
                doc.AsObject().Remove("WithdrawnBy");
                doc.AsObject().Remove("WithdrawnAt");
            }),
    ];

    private static Dictionary<string, string> LeavingOutIntendedChanges(StoredDump dump, Dictionary<string, string> snapshot) =>
        snapshot.ToDictionary(d => d.Key, d =>
        {
            var doc = JsonNode.Parse(d.Value)!;
            foreach (var change in IntendedReadModelChanges) change.LeaveOut(dump, d.Key, doc);
            return doc.ToJsonString();
        });

    /// <summary>
    /// Changes to what an earlier version answered that are meant, each with its reason: applied to
    /// the stored answers before they are compared, so everything else must still match exactly.
    /// </summary>
    private static readonly (string Reason, Action<JsonNode> Apply)[] IntendedAnswerChanges =
    [
        ("Business time is declared by each event (issue 13): a grade's entry into moderation happened when it entered (EnteredAt); " +
         "the old reflection over property names picked ProposedAt.",
            answer => EachObject(answer, o =>
            {
                if (o["eventType"]?.GetValue<string>() == "GradeEnteredModeration" && o["data"]?["enteredAt"] is { } at) o["businessTime"] = at.DeepClone();
            })),
        ("Redaction masks an amendment's reason from issue 18 on: a redacted evidence's earlier versions read supersededBecause [redacted].",
            answer => EachObject(answer, o =>
            {
                if (o["redacted"] is JsonObject && o["earlierVersions"] is JsonArray versions)
                    foreach (var v in versions) v!["supersededBecause"] = "[redacted]";
            })),
        ("Dates and times written for people are UK local time with the zone from issue 19 (\"25 January 2017, 10:00 GMT\"); " +
         "the check's opening was described in UTC (\"25 Jan 2017 10:00 UTC\"). The deadline itself, an instant, is unchanged.",
            answer => EachObject(answer, o =>
            {
                if (o["eventType"]?.GetValue<string>() == "FactualAccuracyCheckOpened") o.Remove("description");
            })),
        ("A pillar summary's event is described in words since it was added (3549085 showed its type name, PillarSummaryWritten).",
            answer => EachObject(answer, o =>
            {
                if (o["eventType"]?.GetValue<string>() == "PillarSummaryWritten") o.Remove("description");
            })),
        ("The audit trail names stored values in words from the seventeenth session: a scoping (\"E3 scoped for carry-over (was " +
         "for detailed inspection)\", was \"scoped CarryOver (was Detailed)\"), evidence's method (\"case file review\", was " +
         "CaseFileReview) and a follow-up's or recommendation's status (\"now in progress\", was \"now InProgress\").",
            answer => EachObject(answer, o =>
            {
                if (o["description"] is JsonValue d && d.TryGetValue<string>(out var text)) o["description"] = InWords(text);
            })),
    ];

    private static readonly Dictionary<string, string> ScopedFor = new()
    {
        ["Detailed"] = "for detailed inspection", ["CarryOver"] = "for carry-over", ["Ungraded"] = "as ungraded (narrative findings only)",
    };

    private static string InWords(string description)
    {
        var text = Regex.Replace(description, @"^(\w+ scoped )(Detailed|CarryOver|Ungraded)( \(was (Detailed|CarryOver|Ungraded)\))?",
            m => m.Groups[1].Value + ScopedFor[m.Groups[2].Value] + (m.Groups[4].Success ? $" (was {ScopedFor[m.Groups[4].Value]})" : ""));
        text = Regex.Replace(text, @"^Evidence recorded \((\w+)", m => "Evidence recorded (" + PeelCases.Kernel.Words.Sentence(m.Groups[1].Value).ToLowerInvariant());
        return Regex.Replace(text, @"^(Recommendation \d+|\w+: (finding|recommendation \d+)) now (Open|AwaitingReview|InProgress|Discharged|NoFurtherActionNeeded|Addressed|Achieved|Superseded|Withdrawn) from ",
            m => $"{m.Groups[1].Value} now {PeelCases.Kernel.Words.Sentence(m.Groups[3].Value).ToLowerInvariant()} from ");
    }

    private static void EachObject(JsonNode? node, Action<JsonObject> action)
    {
        switch (node)
        {
            case JsonObject o:
                action(o);
                foreach (var (_, child) in o.ToList()) EachObject(child, action);
                break;
            case JsonArray a:
                foreach (var child in a) EachObject(child, action);
                break;
        }
    }

    [Theory, MemberData(nameof(StoredDump.Names), MemberType = typeof(StoredDump))]
    public async Task A_database_written_by_an_earlier_version_upgrades_and_keeps_working(string name)
    {
        var dump = StoredDump.Named(name);
        var database = await app.Postgres.CreateDatabaseAsync("peelcases_history");
        var clock = Stopwatch.StartNew();
        try
        {
            await dump.RestoreAsync(database);
            // The deadline is set explicitly: far ahead until the test asks it to fire.
            await Sql(database, "update peelcases.wolverine_incoming_envelopes set execution_time = now() + interval '1 day' where status = 'Scheduled'");
            var hashes = await EventHashes(database);
            Assert.Equal(dump.Rows("mt_events").Count, hashes.Count);
            var deadNodes = dump.Rows("wolverine_nodes").Select(r => Guid.Parse(r["id"]!)).ToList();
            output.WriteLine($"{name}: restored {hashes.Count} events in {clock.ElapsedMilliseconds} ms");

            // The upgrade as docs/operations.md gives it.
            await ServiceCli.RunAsync(database, "db-apply");
            output.WriteLine((await ServiceCli.RunAsync(database, "db-seed")).Trim());
            output.WriteLine((await ServiceCli.RunAsync(database, "forget-nodes")).Trim());
            output.WriteLine($"{name}: db-apply and forget-nodes done at {clock.ElapsedMilliseconds} ms");

            // The service's clock stands at the real time until the stored deadline is asked to fire.
            var serviceClock = new TestClock(DateTimeOffset.UtcNow);
            await using var host = await AppFixture.StartHostAsync(database, serviceClock, new Dictionary<string, string> { ["Database__ApplyChangesOnStartup"] = "false" });
            var store = host.Services.GetRequiredService<IDocumentStore>();
            var migration = await store.Storage.Database.CreateMigrationAsync();
            Assert.True(migration.Difference == SchemaPatchDifference.None, $"db-apply left schema changes: {migration.Difference}");

            EveryStoredNameResolvesThroughTheConfiguration(host, dump);
            await EveryStreamLoads(store, dump);

            // Read models as restored, then rebuilt from the events by today's projections.
            var restored = LeavingOutIntendedChanges(dump, await ReadModels.SnapshotAsync(store));
            await ReadModels.RebuildAllAsync(host);
            await host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
            var rebuilt = LeavingOutIntendedChanges(dump, await ReadModels.SnapshotAsync(store));
            Assert.Equal(restored.Keys.Order(), rebuilt.Keys.Order());
            var changed = restored.Keys.Where(k => restored[k] != rebuilt[k]).ToList();
            Assert.True(changed.Count == 0, $"Read models changed by the rebuild without a stated reason: {string.Join(", ", changed)}");
            output.WriteLine($"{name}: {rebuilt.Count} read models rebuilt identical, leaving out {IntendedReadModelChanges.Length} listed change(s), at {clock.ElapsedMilliseconds} ms");

            await AnswersAreAsStored(host, store, dump);

            // Records stored before pages printed only public text are corrected by appending their summaries, once.
            var corrected = await ServiceCli.RunAsync(database, "correct-records");
            var appended = int.Parse(System.Text.RegularExpressions.Regex.Match(corrected, @"Appended (\d+) correction").Groups[1].Value);
            Assert.Contains("Appended 0 correction", await ServiceCli.RunAsync(database, "correct-records"));
            output.WriteLine($"{name}: {appended} correction event(s) appended");
            CumbriaReference.AssertMatches(
                await Page(host, CumbriaReference.Url, "text/markdown"),
                JsonSerializer.Deserialize<ReportPage>(await Page(host, CumbriaReference.Url, "application/json"), AppFixture.Json)!,
                await Page(host, CumbriaReference.Url, "text/html"));

            // The old deployment's nodes are gone; the new node holds the work.
            var nodes = await host.Services.GetRequiredService<IWolverineRuntime>().Storage.Nodes.LoadAllNodesAsync(CancellationToken.None);
            Assert.DoesNotContain(nodes, n => deadNodes.Contains(n.NodeId));

            await TheScheduledDeadlineFiresOnce(host, store, database, serviceClock);

            // No stored event was rewritten — but for redaction's masking of redacted evidence, which correct-records
            // re-applies with today's register — and the deadline only added one.
            var after = await EventHashes(database);
            var remasked = (await Strings(database, "select e.seq_id from peelcases.mt_events e join peelcases.mt_doc_evidence d on d.id = e.stream_id " +
                "where jsonb_typeof(d.data->'redacted') = 'object' and e.type <> 'evidence_redacted'")).Select(long.Parse).ToHashSet();
            Assert.All(hashes.Where(h => !remasked.Contains(h.Key)), h => Assert.Equal(h.Value, after[h.Key]));
            Assert.Equal(hashes.Count + appended + 1, after.Count);
            output.WriteLine($"{name}: upgrade checked in {clock.ElapsedMilliseconds} ms");
        }
        finally
        {
            await app.Postgres.DropDatabaseAsync(database);
        }
    }

    private static void EveryStoredNameResolvesThroughTheConfiguration(IAlbaHost host, StoredDump dump)
    {
        var events = (EventGraph)host.Services.GetRequiredService<IDocumentStore>().Options.Events;
        foreach (var e in StoredNames.Events)
            Assert.Equal(e.Alias, events.EventMappingFor(e.Type).EventTypeName);
        foreach (var kind in dump.Distinct("mt_streams", "type"))
            Assert.Equal(kind, events.AggregateAliasFor(StoredNames.Records.Single(r => r.Value == kind).Key));

        var handlers = ((WolverineRuntime)host.Services.GetRequiredService<IWolverineRuntime>()).Handlers;
        foreach (var messageType in dump.Distinct("wolverine_incoming_envelopes", "message_type"))
            Assert.True(handlers.TryFindMessageType(messageType, out _), $"Wolverine does not know the stored message type '{messageType}'.");
        // Every message the service handles carries a pinned name, so the next move of a type cannot orphan its rows.
        Assert.All(handlers.Chains.Select(c => c.MessageType).Where(t => t.Assembly == typeof(StoredNames).Assembly),
            t => Assert.True(t.GetCustomAttributes(typeof(Wolverine.Attributes.MessageIdentityAttribute), false).Length == 1, $"{t.FullName} has no [MessageIdentity]."));
    }

    private static async Task EveryStreamLoads(IDocumentStore store, StoredDump dump)
    {
        await using var session = store.QuerySession();
        var streams = await session.Events.QueryAllRawEvents().Select(e => e.StreamId).Distinct().ToListAsync();
        foreach (var id in streams)
        {
            var state = await session.Events.FetchStreamStateAsync(id);
            var events = await session.Events.FetchStreamAsync(id);
            Assert.Equal(state!.Version, events.Count);
            Assert.All(events, e => Assert.Equal(StoredNames.EventForAlias(e.EventTypeName), e.Data.GetType()));
        }
        foreach (var inspection in await session.Query<Inspection>().ToListAsync())
        {
            Assert.True(await FrameworkVersions.LoadAsync(session, inspection.FrameworkId, inspection.FrameworkVersion, CancellationToken.None) is not null,
                $"Inspection {inspection.Id} no longer resolves framework {inspection.FrameworkId} version {inspection.FrameworkVersion}.");
            var folded = await session.Events.AggregateStreamAsync<Inspection>(inspection.Id);
            var key = $"Inspection:{inspection.Id}";
            Assert.Equal(LeavingOutIntendedChanges(dump, new() { [key] = JsonSerializer.Serialize(inspection) })[key],
                LeavingOutIntendedChanges(dump, new() { [key] = JsonSerializer.Serialize(folded) })[key]);
        }
    }

    /// <summary>
    /// Trails, time travel, diffs, lists and grade histories answer as they did on the version that
    /// wrote the dump (StoredHistory/NAME.answers.json.gz, written by that version with
    /// PEELCASES_CAPTURE_STORED_ANSWERS=1). New properties may appear; nothing said may change.
    /// </summary>
    private async Task AnswersAreAsStored(IAlbaHost host, IDocumentStore store, StoredDump dump)
    {
        var file = Path.Combine(StoredDump.Folder, $"{dump.Name}.answers.json.gz");
        if (Environment.GetEnvironmentVariable(CaptureVariable) == "1" && !File.Exists(file))
        {
            var captured = new JsonObject();
            foreach (var url in await QuestionsToAsk(store)) captured[url] = await Ask(host, url);
            await using var write = new GZipStream(File.Create(file), CompressionLevel.SmallestSize);
            await write.WriteAsync(System.Text.Encoding.UTF8.GetBytes(captured.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n"));
        }
        Assert.True(File.Exists(file), $"{file} is missing: write it with {CaptureVariable}=1 on the version that wrote the dump.");
        await using var read = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        var stored = (await JsonNode.ParseAsync(read))!.AsObject();
        var differences = new List<string>();
        foreach (var (url, answer) in stored)
        {
            foreach (var change in IntendedAnswerChanges) change.Apply(answer!);
            differences.AddRange(JsonSubset.Differences(answer, await Ask(host, url), url));
        }
        Assert.True(differences.Count == 0, $"{differences.Count} stored answers changed:\n{string.Join('\n', differences.Take(30))}");
        output.WriteLine($"{dump.Name}: {stored.Count} stored answers unchanged");
    }

    private static async Task<List<string>> QuestionsToAsk(IDocumentStore store)
    {
        await using var session = store.QuerySession();
        var urls = new List<string>();
        var inspections = await session.Query<Inspection>().ToListAsync();
        foreach (var i in inspections.OrderBy(i => i.ForceId).ThenBy(i => i.Year))
        {
            var at = $"/inspections/{i.Id}";
            urls.AddRange([at, $"{at}/evidence", $"{at}/findings?includeWithdrawn=true", $"{at}/events?pageSize=500", $"{at}/diff?fromVersion=1&toVersion={i.Version}"]);
            for (var v = 1; v <= i.Version; v++) urls.Add($"{at}/as-of?version={v}");
            foreach (var q in i.Questions)
                urls.AddRange([$"{at}/questions/{q.Code}/trail", $"{at}/questions/{q.Code}/as-of?version={(i.Version + 1) / 2}", $"{at}/questions/{q.Code}/as-of?version={i.Version}"]);
        }
        foreach (var force in inspections.Select(i => i.ForceId).Distinct().Order()) urls.Add($"/forces/{force}/grade-history");
        foreach (var (cycle, code) in inspections.SelectMany(i => i.Questions.Select(q => (i.Cycle, q.Code))).Distinct().Order())
            urls.Add($"/moderation/comparison?cycle={Uri.EscapeDataString(cycle)}&question={code}");
        return urls;
    }

    private async Task<JsonObject> Ask(IAlbaHost host, string url)
    {
        var result = await host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithBearerToken(app.TokenFor(TestUser.Lead));
            s.IgnoreStatusCode();
        });
        var body = JsonNode.Parse(result.ReadAsText());
        if (body is JsonObject problem) problem.Remove("traceId");
        return new JsonObject { ["status"] = result.Context.Response.StatusCode, ["body"] = body };
    }

    private static async Task<string> Page(IAlbaHost host, string url, string accept) =>
        (await host.Scenario(s => s.Get.Url(url).Accepts(accept))).ReadAsText();

    private async Task TheScheduledDeadlineFiresOnce(IAlbaHost host, IDocumentStore store, string database, TestClock serviceClock)
    {
        await using var before = store.QuerySession();
        var open = await before.Query<Inspection>().Where(i => i.FactualAccuracy != null && i.FactualAccuracy.ClosedAt == null).ToListAsync();
        var check = Assert.Single(open);
        // The check never closes before its deadline by the service's clock (CheckDeadlineRules).
        if (serviceClock.GetUtcNow() < check.FactualAccuracy!.Deadline) serviceClock.Set(check.FactualAccuracy.Deadline);

        // Stored for the queue of its type (dumps before ADR 0014's partitions reached the deadline), it is received there
        // and passed on to its inspection's partition (Host/ServiceSetup), where the handler runs: two executions. Stored
        // for the partition itself, as later versions schedule it: one.
        var storedFor = Assert.Single(await Strings(database, "select received_at from peelcases.wolverine_incoming_envelopes where status = 'Scheduled'"));
        var executions = storedFor.StartsWith("local://inspection-workflow", StringComparison.Ordinal) ? 1 : 2;
        var fired = Stopwatch.StartNew();
        await host.TrackActivity().Timeout(TimeSpan.FromSeconds(60))
            .WaitForExecutionOf<CloseFactualAccuracyCheck>(executions)
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(_ =>
                Sql(database, "update peelcases.wolverine_incoming_envelopes set execution_time = now() where status = 'Scheduled'")));
        output.WriteLine($"The stored deadline fired {fired.ElapsedMilliseconds} ms after it fell due");

        await using var session = store.QuerySession();
        var closed = await session.LoadAsync<Inspection>(check.Id);
        Assert.NotNull(closed!.FactualAccuracy!.ClosedAt);
        Assert.Single(await session.Events.FetchStreamAsync(check.Id), e => e.Data is FactualAccuracyCheckClosed);
        Assert.Equal(0L, await Scalar(database, "select count(*) from peelcases.wolverine_incoming_envelopes where status = 'Scheduled'"));
    }

    private static async Task<Dictionary<long, string>> EventHashes(string database)
    {
        // The columns the b977b06 schema has, so a later column added by db-apply does not count as a rewrite.
        const string sql = """
            select seq_id, md5(row(id, stream_id, version, data, bdata, type, "timestamp", tenant_id, mt_dotnet_type,
                                   correlation_id, causation_id, headers, user_name, is_archived)::text)
            from peelcases.mt_events order by seq_id
            """;
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var hashes = new Dictionary<long, string>();
        while (await reader.ReadAsync()) hashes[reader.GetInt64(0)] = reader.GetString(1);
        return hashes;
    }

    private static async Task Sql(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> Strings(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetValue(0).ToString()!);
        return values;
    }

    private static async Task<long> Scalar(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
