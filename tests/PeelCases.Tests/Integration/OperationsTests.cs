using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Npgsql;
using PeelCases.Testing;
using PeelCases.Tests.Support;
using Xunit.Abstractions;
using PeelCases.Fieldwork;
using PeelCases.Host;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Tests.Integration;

/// <summary>
/// The service as real processes on loopback: two nodes sharing one database, a node killed
/// with SIGKILL in the middle of work, and PostgreSQL going away under load. Figures are
/// written to the test output (and to docs/operations.md by hand).
/// </summary>
[Collection(AppCollection.Name), Trait("Category", "Process")]
public sealed class OperationsTests(AppFixture app, ITestOutputHelper output)
{
    private static readonly string ServiceDll = ServiceCli.Dll;
    private static readonly string Lead = Token("ops.lead", PeelCases.Kernel.Roles.LeadInspector);
    private static readonly string Inspector = Token("ops.inspector", PeelCases.Kernel.Roles.Inspector);

    private static string Token(string user, string role) => PeelCases.Host.DevTokens.Mint(
        new PeelCases.Host.AuthOptions { SigningKey = AppFixture.SigningKey }, user, [role], DateTimeOffset.UtcNow);

    private static Task<ServerProcess> Node(string database, int port, string name) =>
        ServerProcess.StartAsync(ServiceDll, [], port, new Dictionary<string, string>
        {
            ["ConnectionStrings__peelcases"] = new NpgsqlConnectionStringBuilder(database) { ApplicationName = name }.ConnectionString,
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Auth__SigningKey"] = AppFixture.SigningKey,
            ["Serilog__MinimumLevel__Default"] = "Warning",
        }, "/forces", Lead);

    private static async Task<InspectionView> Inspection(HttpClient client, string force)
    {
        var response = await client.PostAsJsonAsync("/inspections", new ScheduleInspection(null, force, "2018/19", "peel-2018-19", ["E1", "E2"], "ops.lead",
            new DateOnly(2018, 10, 8), new DateOnly(2018, 10, 19), ["ops.inspector"]), AppFixture.Json);
        return (await response.Content.ReadFromJsonAsync<InspectionView>(AppFixture.Json))!;
    }

    private static HttpRequestMessage Evidence(Guid inspection, Guid id) => new(HttpMethod.Post, $"/inspections/{inspection}/evidence")
    {
        Content = JsonContent.Create(new RecordEvidence(id, EvidenceMethod.Observation, null, new DateOnly(2018, 10, 9), $"Observation {id}", "Observation", ["E1"]), options: AppFixture.Json),
        Headers = { Authorization = new("Bearer", Inspector) },
    };

    [Fact]
    public async Task Two_nodes_share_the_work_and_the_survivor_takes_over_the_projections_after_a_kill()
    {
        var database = await app.Postgres.CreateDatabaseAsync("peelcases_two_nodes");
        var a = await Node(database, PgTools.FreePort(), "node-a");
        var b = await Node(database, PgTools.FreePort(), "node-b");
        try
        {
            // Work through both nodes: carry-over scopings go through the workflow, and the force grade history projection runs on one node.
            var forces = PeelCases.ReferenceData.Forces.All.Take(10).Select(f => f.Id).ToList();
            foreach (var (force, i) in forces.Select((f, i) => (f, i)))
            {
                var client = i % 2 == 0 ? a.Client : b.Client;
                var view = await Inspection(client, force);
                (await client.PostAsJsonAsync($"/inspections/{view.Id}/questions/E1/scope", new ScopeQuestion(QuestionScope.CarryOver, null, view.QuestionVersion("E1")), AppFixture.Json)).EnsureSuccessStatusCode();
            }
            var holder = await ProjectionNode(database);
            output.WriteLine($"Projections ran on {holder}.");
            var (killed, survivor) = holder == "node-b" ? (b, a) : (a, b);

            await killed.KillAsync();
            var clock = Stopwatch.StartNew();
            // More work after the kill, on the survivor only.
            foreach (var force in PeelCases.ReferenceData.Forces.All.Skip(10).Take(5).Select(f => f.Id))
            {
                var view = await Inspection(survivor.Client, force);
                (await survivor.Client.PostAsJsonAsync($"/inspections/{view.Id}/questions/E1/scope", new ScopeQuestion(QuestionScope.CarryOver, null, view.QuestionVersion("E1")), AppFixture.Json)).EnsureSuccessStatusCode();
            }
            var expected = PeelCases.ReferenceData.Forces.All.Take(15).Select(f => f.Id).Order().ToList();
            List<string> histories;
            do
            {
                histories = await Strings(database, "select id from peelcases.mt_doc_forcegradehistory order by id");
                if (histories.SequenceEqual(expected)) break;
                await Task.Delay(200); // another process's daemon: nothing here to subscribe to
            } while (clock.Elapsed < TimeSpan.FromSeconds(90));
            output.WriteLine($"Read models complete {clock.Elapsed.TotalSeconds:0.0} s after the kill (now on {await ProjectionNode(database)}).");
            Assert.Equal(expected, histories);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"Takeover took {clock.Elapsed.TotalSeconds:0.0} s.");

            // Nothing processed twice: each carry-over scoping got exactly one answer from the workflow.
            var answers = await Strings(database, "select stream_id::text from peelcases.mt_events where type = 'carry_over_needs_decision'");
            Assert.Equal(15, answers.Count);
            Assert.Equal(15, answers.Distinct().Count());
        }
        finally
        {
            await a.DisposeAsync();
            await b.DisposeAsync();
            await app.Postgres.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task A_node_killed_with_workflow_messages_pending_has_them_handled_once_by_the_survivor_within_15_s()
    {
        // Whether the kill lands while workflow messages are still pending is a race with another process: on a fast run
        // every scoping was acknowledged and answered before it landed (one run in five after waiting for the eighth
        // acknowledgement, and once after waiting for the first, 2026-12-07). Such a run measured no takeover, so it is
        // made again on a fresh database, at most three times; the third must have something pending.
        for (var attempt = 1; ; attempt++)
        {
            var database = await app.Postgres.CreateDatabaseAsync("peelcases_takeover");
            var a = await Node(database, PgTools.FreePort(), "node-a");
            var b = await Node(database, PgTools.FreePort(), "node-b");
            try
            {
                var inspections = new List<InspectionView>();
                foreach (var force in PeelCases.ReferenceData.Forces.All.Take(40).Select(f => f.Id)) inspections.Add(await Inspection(b.Client, force));
                // Forty carry-over scopings at node A at once, each answered by the workflow; A dies at the first
                // acknowledgement, with workflow messages accepted (in its durable inbox) but not yet handled.
                var acknowledged = 0;
                var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var sends = inspections.Select(view => Task.Run(async () =>
                {
                    try
                    {
                        using var response = await a.Client.PostAsJsonAsync($"/inspections/{view.Id}/questions/E1/scope",
                            new ScopeQuestion(QuestionScope.CarryOver, null, view.QuestionVersion("E1")), AppFixture.Json);
                        if (response.IsSuccessStatusCode && Interlocked.Increment(ref acknowledged) >= 1) enough.TrySetResult();
                    }
                    catch (HttpRequestException) { }
                    catch (TaskCanceledException) { }
                })).ToList();
                await enough.Task.WaitAsync(TimeSpan.FromSeconds(60));
                await a.KillAsync();
                var clock = Stopwatch.StartNew();
                await Task.WhenAll(sends);
                var pending = long.Parse((await Strings(database, "select count(*) from peelcases.wolverine_incoming_envelopes where status = 'Incoming'"))[0]);
                var scoped = (await Strings(database, "select stream_id::text from peelcases.mt_events where type = 'question_scoped'")).Count;
                if (pending == 0 && attempt < 3)
                {
                    output.WriteLine($"Attempt {attempt}: all {acknowledged} scopings were answered before the kill landed; again on a fresh database.");
                    continue;
                }

                List<string> answers;
                long left;
                do
                {
                    answers = await Strings(database, "select stream_id::text from peelcases.mt_events where type = 'carry_over_needs_decision'");
                    left = long.Parse((await Strings(database, "select count(*) from peelcases.wolverine_incoming_envelopes where status = 'Incoming'"))[0]);
                    if (answers.Count >= scoped && left == 0) break;
                    await Task.Delay(100); // another process's durability agent: nothing here to subscribe to
                } while (clock.Elapsed < TimeSpan.FromSeconds(90));
                output.WriteLine($"Attempt {attempt}: killed with {pending} workflow message(s) pending ({acknowledged} scopings acknowledged, {scoped} recorded); " +
                                 $"all answered {clock.Elapsed.TotalSeconds:0.0} s after the kill.");
                Assert.True(pending > 0, "Nothing was pending when the node died in three attempts: the test measured no takeover.");
                Assert.Equal(scoped, answers.Count);
                Assert.Equal(answers.Count, answers.Distinct().Count()); // none handled twice
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"Takeover took {clock.Elapsed.TotalSeconds:0.0} s.");
                return;
            }
            finally
            {
                await a.DisposeAsync();
                await b.DisposeAsync();
                await app.Postgres.DropDatabaseAsync(database);
            }
        }
    }

    [Fact]
    public async Task A_node_kept_busy_on_two_cores_is_not_ejected_and_handles_nothing_twice()
    {
        var database = await app.Postgres.CreateDatabaseAsync("peelcases_busy");
        var a = await Node(database, PgTools.FreePort(), "node-a");
        var b = await Node(database, PgTools.FreePort(), "node-b");
        try
        {
            var inspection = await Inspection(a.Client, "cumbria");
            var scopings = new List<InspectionView>();
            foreach (var force in PeelCases.ReferenceData.Forces.All.Where(f => f.Id != "cumbria").Take(20).Select(f => f.Id)) scopings.Add(await Inspection(b.Client, force));
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(25)); // longer than a node's stale timeout, three times over
            // Sixteen clients keep node A's two cores busy while workflow work goes through it.
            var load = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                    try { using var _ = await a.Client.SendAsync(Evidence(inspection.Id, Guid.NewGuid())); }
                    catch (HttpRequestException) { }
                    catch (TaskCanceledException) { }
            })).ToList();
            var nodesSeen = new List<int>();
            var scoped = 0;
            while (!stop.IsCancellationRequested)
            {
                nodesSeen.Add(int.Parse((await Strings(database, "select count(*) from peelcases.wolverine_nodes"))[0]));
                if (scoped < scopings.Count)
                {
                    var view = scopings[scoped++];
                    await a.Client.PostAsJsonAsync($"/inspections/{view.Id}/questions/E1/scope", new ScopeQuestion(QuestionScope.CarryOver, null, view.QuestionVersion("E1")), AppFixture.Json);
                }
                await Task.Delay(250); // sampling the node table while the load runs
            }
            await Task.WhenAll(load);
            output.WriteLine($"Nodes seen while A was busy: {string.Join(",", nodesSeen.Distinct())} over {nodesSeen.Count} samples.");
            Assert.All(nodesSeen, n => Assert.Equal(2, n));
            var ejections = await Strings(database, "select count(*) from peelcases.wolverine_node_records where event_name ilike '%eject%' or event_name ilike '%dormant%'");
            Assert.Equal("0", ejections[0]);

            var clock = Stopwatch.StartNew();
            List<string> answers;
            do
            {
                answers = await Strings(database, "select stream_id::text from peelcases.mt_events where type = 'carry_over_needs_decision'");
                if (answers.Count >= scopings.Count) break;
                await Task.Delay(100); // another process's workflow
            } while (clock.Elapsed < TimeSpan.FromSeconds(30));
            Assert.Equal(scopings.Count, answers.Count);
            Assert.Equal(answers.Count, answers.Distinct().Count());
        }
        finally
        {
            await a.DisposeAsync();
            await b.DisposeAsync();
            await app.Postgres.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task A_node_killed_while_inspectors_record_loses_no_acknowledged_write_and_resends_record_nothing_twice()
    {
        var database = await app.Postgres.CreateDatabaseAsync("peelcases_kill");
        var port = PgTools.FreePort();
        var node = await Node(database, port, "node-kill");
        try
        {
            var inspection = await Inspection(node.Client, "cumbria");
            foreach (var q in new[] { "E1", "E2" })
                inspection = (await (await node.Client.PostAsJsonAsync($"/inspections/{inspection.Id}/questions/{q}/scope",
                    new ScopeQuestion(QuestionScope.Detailed, null, inspection.QuestionVersion(q)), AppFixture.Json)).Content.ReadFromJsonAsync<InspectionView>(AppFixture.Json))!;
            var sent = new ConcurrentBag<Guid>();
            var acknowledged = new ConcurrentBag<Guid>();
            var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var stop = new CancellationTokenSource();
            var clients = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var id = Guid.NewGuid();
                    sent.Add(id);
                    try
                    {
                        using var response = await node.Client.SendAsync(Evidence(inspection.Id, id));
                        if (response.IsSuccessStatusCode) acknowledged.Add(id);
                        if (acknowledged.Count >= 200) loaded.TrySetResult();
                    }
                    catch (HttpRequestException) { }
                    catch (TaskCanceledException) { }
                }
            })).ToList();
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(60)); // the crash comes once the load has built up
            await node.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(clients);
            output.WriteLine($"Killed with {acknowledged.Count} writes acknowledged out of {sent.Count} sent.");

            node = await Node(database, port, "node-kill");
            var stored = (await Strings(database, $"select id::text from peelcases.mt_doc_evidence where inspection_id = '{inspection.Id}'")).Select(Guid.Parse).ToHashSet();
            Assert.DoesNotContain(acknowledged, id => !stored.Contains(id));

            // Clients retry everything they sent: each piece of evidence ends up recorded exactly once.
            foreach (var id in sent)
            {
                using var response = await node.Client.SendAsync(Evidence(inspection.Id, id));
                Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{id}: {response.StatusCode}");
            }
            var events = await Strings(database, $"select stream_id::text from peelcases.mt_events where type = 'evidence_recorded' and data->>'inspectionId' = '{inspection.Id}'");
            Assert.Equal(sent.Distinct().Count(), events.Count);
            Assert.Equal(events.Count, events.Distinct().Count());
            var overview = (await node.Client.GetFromJsonAsync<InspectionView>($"/inspections/{inspection.Id}", AppFixture.Json))!;
            Assert.Equal(events.Count, overview.EvidenceCount);
        }
        finally
        {
            await node.DisposeAsync();
            await app.Postgres.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task With_PostgreSQL_down_the_service_is_not_ready_answers_503_and_recovers_by_itself()
    {
        // A server of its own, so that stopping it disturbs no other test.
        var dir = Path.Combine(Path.GetTempPath(), $"peelcases-outage-{Guid.NewGuid():N}");
        var server = await PgScript("throwaway", dir);
        var database = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Timeout = 3, CommandTimeout = 5 }.ConnectionString;
        var node = await Node(database, PgTools.FreePort(), "node-outage");
        try
        {
            var inspection = await Inspection(node.Client, "kent");
            Assert.Equal(HttpStatusCode.OK, (await node.Client.GetAsync("/health/ready")).StatusCode);

            await PgScript("stop", dir);
            var down = Stopwatch.StartNew();
            HttpStatusCode ready;
            // Polling another process's readiness: there is nothing to subscribe to.
            while ((ready = (await node.Client.GetAsync("/health/ready")).StatusCode) == HttpStatusCode.OK && down.Elapsed < TimeSpan.FromSeconds(30))
                await Task.Delay(20);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready);
            using (var write = await node.Client.SendAsync(Evidence(inspection.Id, Guid.NewGuid())))
                Assert.Equal(HttpStatusCode.ServiceUnavailable, write.StatusCode);
            using (var read = await node.Client.GetAsync($"/inspections/{inspection.Id}"))
                Assert.Equal(HttpStatusCode.ServiceUnavailable, read.StatusCode);

            await PgScript("throwaway", dir);
            var up = Stopwatch.StartNew();
            while ((ready = (await node.Client.GetAsync("/health/ready")).StatusCode) != HttpStatusCode.OK && up.Elapsed < TimeSpan.FromSeconds(60))
                await Task.Delay(20);
            output.WriteLine($"Not ready within {down.Elapsed.TotalSeconds:0.0} s of the outage; ready again {up.Elapsed.TotalSeconds:0.0} s after PostgreSQL returned.");
            Assert.Equal(HttpStatusCode.OK, ready);
            using var after = await node.Client.SendAsync(Evidence(inspection.Id, Guid.NewGuid()));
            Assert.Equal(HttpStatusCode.Created, after.StatusCode);
            // The request log records the status sent: 5xx alerting must see 503s as 503s, not as 500s.
            Assert.Contains(node.Log, l => l.Contains($"POST /inspections/{inspection.Id}/evidence responded 503"));
            Assert.DoesNotContain(node.Log, l => l.Contains("responded 500"));
        }
        finally
        {
            await node.DisposeAsync();
            await PgScript("stop", dir);
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static async Task<string> PgScript(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(TestPostgres.RepositoryRoot(), "deploy", "local", "pg.sh"));
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return stdout.Trim();
    }

    /// <summary>Which node's connection holds the projection daemon's lock.</summary>
    private static async Task<string> ProjectionNode(string database) =>
        (await Strings(database, "select distinct a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid where l.locktype = 'advisory' and a.application_name like 'node-%' order by 1")).FirstOrDefault() ?? "none";

    private static async Task<List<string>> Strings(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetValue(0).ToString()!);
        return values;
    }
}
