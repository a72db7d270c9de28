using System.Diagnostics;
using System.IO.Compression;
using System.Net.Http.Json;
using Npgsql;
using PeelCases.Testing;
using static PeelCases.Benchmarks.Harness;
using PeelCases.FactualAccuracy;
using PeelCases.Fieldwork;
using PeelCases.HmiSignOff;
using PeelCases.Host;
using PeelCases.Findings;
using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.Moderation;
using PeelCases.Monitoring;
using PeelCases.QualityAssurance;
using PeelCases.ReferenceData;

namespace PeelCases.Benchmarks;

/// <summary>
/// Writes a stored-history dump the way the b977b06 one was written: the service, as a process
/// on a fresh database, loads the demo data and is driven through its own API to leave four
/// 2021/22 inspections at different stages (fieldwork, through QA, ready for sign-off, in the
/// factual accuracy check with its deadline scheduled) and one of 2018/19 with its pillar moderated and
/// its text redacted; then pg_dump, gzipped.
///   PeelCases.Benchmarks history-dump OUT.sql.gz      (./deploy/local/history-dump.sh runs it)
/// </summary>
public static class HistoryDump
{
    private static readonly DateOnly Starts = new(2021, 10, 4);

    public static async Task<int> RunAsync(string server, string output)
    {
        var database = $"peelcases_history_{DateTime.UtcNow:yyyyMMddHHmmss}";
        await Exec(server, $"create database \"{database}\"");
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        try
        {
            await using (var service = await ServerProcess.StartAsync(Benchmarks.ServiceDll, [], PgTools.FreePort(), new Dictionary<string, string>
            {
                ["ConnectionStrings__peelcases"] = connection,
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["PeelCases__DemoData"] = "true",
                // The small demo set: the dumps hold the records the upgrade test compares, not the generated history.
                ["PeelCases__DemoHistory"] = "false",
                ["Serilog__MinimumLevel__Default"] = "Warning",
            }, "/health/ready", null))
            {
                var api = new Api(service.Client);
                await api.Inspection("essex", InspectionStage.Fieldwork);
                await api.Inspection("surrey", InspectionStage.Reporting);
                await api.Inspection("dorset", InspectionStage.SignOff);
                await api.Inspection("norfolk", InspectionStage.FactualAccuracyCheck);
                await api.PillarInspection("essex");
                await Settled(connection);
            }
            await PgDump(connection, output);
            Console.WriteLine($"Wrote {output}");
            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await Exec(server, $"drop database if exists \"{database}\" with (force)");
        }
    }

    /// <summary>The API as the inspection team uses it, each call as the role that makes it.</summary>
    private sealed class Api(HttpClient client)
    {
        private static readonly string[] Questions = ["Q1", "Q3"];

        // The demo identities (deploy/local/token.sh), so the record reads like the demo's.
        private static readonly Dictionary<string, string> Users = new()
        {
            ["lead-inspector"] = "lena.lead", ["inspector"] = "ian.inspector", ["qa-reviewer"] = "quinn.qa",
            ["moderator"] = "mo.moderator", ["hmi"] = "hannah.hmi", ["administrator"] = "ada.admin",
        };

        public async Task Inspection(string force, InspectionStage goal)
        {
            var view = await Send<InspectionView>("/inspections", new ScheduleInspection(null, force, "2021/22", "peel-2021-22", Questions,
                "lena.lead", Starts, Starts.AddDays(11), ["ian.inspector", "sara.inspector"]), "lead-inspector");
            foreach (var q in Questions) view = await Step(view, $"questions/{q}/scope", v => new ScopeQuestion(QuestionScope.Detailed, null, v), "lead-inspector");
            view = await Step(view, "tranche", v => new AssignTranche("Tranche 1", goal == InspectionStage.FactualAccuracyCheck ? "Batch 2" : null, v), "lead-inspector");
            view = await Step(view, "fieldwork/start", v => new InspectionStep(v), "lead-inspector");
            var findings = new Dictionary<string, Guid>();
            var recorded = new List<Guid>();
            foreach (var q in Questions)
            {
                var evidence = await Send<Evidence>($"/inspections/{view.Id}/evidence", new RecordEvidence(Guid.NewGuid(), EvidenceMethod.CaseFileReview, 10,
                    Starts.AddDays(1), $"{force}: 8 of 10 files for {q} showed a completed risk assessment.", "Crime files", [q]), "inspector");
                recorded.Add(evidence.Id);
                if (goal == InspectionStage.Fieldwork) continue;
                findings[q] = (await Send<Finding>($"/inspections/{view.Id}/findings", new DraftFinding(Guid.NewGuid(), q, "Responding to the public",
                    FindingKind.Strength, $"The force answers calls for {q} promptly.", [evidence.Id]), "inspector")).Id;
            }
            if (goal == InspectionStage.Fieldwork)
            {
                // A cause of concern published ahead of the report, followed up, and the force moved to Engage over it (2026-12-02 shapes).
                var today = PeelCases.Kernel.UkTime.Today(DateTimeOffset.UtcNow); // the service judges days in UK time
                var concern = await Send<Finding>($"/inspections/{view.Id}/findings", new DraftFinding(Guid.NewGuid(), Questions[0], "Answering emergency calls",
                    FindingKind.CauseOfConcern, $"{force}: emergency calls wait too long.", [recorded[0]],
                    [new RecommendationInput("Answer every emergency call within ten seconds.", new RecommendationDeadline(DeadlineKind.Immediately))]), "inspector");
                var at = $"/inspections/{view.Id}/findings/{concern.Id}";
                concern = await Send<Finding>($"{at}/acceleration", new AccelerateCauseOfConcern("A risk to public safety.", concern.Version), "lead-inspector");
                concern = await Send<Finding>($"{at}/acceleration/publication", new PublishAcceleratedCauseOfConcern(today, concern.Version), "hmi");
                await Send<Finding>($"{at}/follow-ups", new FollowUpFinding(null, FollowUpStatus.InProgress, "The force has added call handlers.", null, today, concern.Version), "lead-inspector");
                await Send<object>($"/forces/{force}/monitoring", new ChangeMonitoringStage(MonitoringStage.Engage, "Emergency calls go unanswered.", [concern.Id], today.AddDays(60), 0), "hmi");
                // The improvement plan the force sent (2026-12-08 shape).
                await Send<object>($"/forces/{force}/monitoring/improvement-plan",
                    new RecordImprovementPlan(today, "More call handlers and a weekly audit of emergency calls.", $"{force} improvement plan v1", 1), "hmi");
                // Personal data removed from the monitoring record (2026-12-08 shape): the move's reason and the plan's words masked.
                await Send<object>($"/forces/{force}/monitoring/redaction", new RedactText("The plan names a caller.", 2), "administrator");
                // A finding drafted and withdrawn: who withdrew it and when are on its document (2026-12-07 shape).
                var dropped = await Send<Finding>($"/inspections/{view.Id}/findings", new DraftFinding(Guid.NewGuid(), Questions[1], "Neighbourhood policing",
                    FindingKind.AreaForImprovement, $"{force}: neighbourhood officers are often moved to response.", [recorded[1]]), "inspector");
                await Send<Finding>($"/inspections/{view.Id}/findings/{dropped.Id}/withdrawal", new WithdrawFinding("Covered by the cause of concern.", dropped.Version), "lead-inspector");
                // A question held by a named person (2026-12-07 shape).
                await Step(await Get(view.Id), $"questions/{Questions[1]}/holder", v => new HandQuestion("ian.inspector", v), "lead-inspector");
                // Key lines of enquiry, one concluded on the evidence it cites, the other's words corrected (2026-12-07 shapes).
                await Step(await Get(view.Id), $"questions/{Questions[1]}/lines-of-enquiry",
                    v => new SetLineOfEnquiry("The force management statement says neighbourhood officers are moved to response: how often?", EnquiryBasis.ForceManagementStatement, v), "lead-inspector");
                await Step(await Get(view.Id), $"questions/{Questions[1]}/lines-of-enquiry",
                    v => new SetLineOfEnquiry("Are repeat callers identified?", EnquiryBasis.Data, v), "lead-inspector");
                await Step(await Get(view.Id), $"questions/{Questions[1]}/lines-of-enquiry/1/conclusion",
                    v => new ConcludeLineOfEnquiry(EnquiryOutcome.Answered, "In 3 of 5 shifts, by the workforce survey.", v, [recorded[1]]), "inspector");
                await Step(await Get(view.Id), $"questions/{Questions[1]}/lines-of-enquiry/2/revision",
                    v => new ReviseLineOfEnquiry("Are repeat callers identified on every call?", EnquiryBasis.Data, "Every call, not a sample.", v), "lead-inspector");
                return;
            }
            view = await Step(view, "fieldwork/complete", v => new InspectionStep(v), "lead-inspector");
            foreach (var q in Questions)
            {
                view = await Step(view, $"questions/{q}/qa-submission", v => new InspectionStep(v), "inspector");
                view = await Step(view, $"questions/{q}/qa-review", v => new ReviewFindings(QaOutcome.Accept, null, v), "qa-reviewer");
            }
            if (goal == InspectionStage.Reporting) return;
            foreach (var q in Questions)
            {
                view = await Step(view, $"questions/{q}/grade-proposals", v => new ProposeGrade(Grade.Adequate, "Consistent with the findings.", [findings[q]], v), "lead-inspector");
                view = await Until(view, v => v.Questions.Single(x => x.Code == q).Stage == QuestionStage.Moderation);
                view = await Step(view, $"questions/{q}/moderation", v => new ModerateGrade(Grade.Adequate, null, v), "moderator");
                view = await Step(view, $"questions/{q}/award", v => new InspectionStep(v), "hmi");
            }
            view = await Until(view, v => v.Stage == InspectionStage.SignOff);
            if (goal == InspectionStage.SignOff)
            {
                // The HMI takes the sign-off (2026-12-07 shape).
                await Step(view, "holder", v => new HandInspection(null, v), "hmi");
                return;
            }
            // The public summaries the report prints, then sign-off.
            foreach (var q in Questions)
                view = await Step(view, $"questions/{q}/summary", v => new WriteQuestionSummary($"The force's work on question {q}, as the report describes it.", v), "lead-inspector");
            foreach (var p in view.Pillars)
                view = await Step(view, $"pillars/{p.Code}/summary", v => new WritePillarSummary($"The force's {p.Name.ToLowerInvariant()}, as the report describes it.", v), "lead-inspector");
            view = await Step(view, "hmi-observations", v => new WriteHmiObservations($"HM Inspector's observations on {force}.", v), "hmi");
            view = await Step(view, "sign-off", v => new InspectionStep(v), "hmi");
            view = await Step(view, "factual-accuracy-check", v => new InspectionStep(v), "lead-inspector");

            // A challenge from the force, answered; then personal data redacted from each kind of record (2026-12-02 shapes).
            var challenge = Guid.NewGuid();
            await Send<object>($"/inspections/{view.Id}/factual-accuracy-check/challenges", new RaiseChallenge(challenge, $"{force}: the Q1 figure names the wrong month.", null), "force-liaison", force);
            view = await Step(await Get(view.Id), $"factual-accuracy-check/challenges/{challenge}/resolution", v => new ResolveChallenge(true, "Month corrected.", v), "lead-inspector");
            view = await Step(view, $"factual-accuracy-check/challenges/{challenge}/redaction", v => new RedactText("Erasure request from the force.", v), "administrator");
            view = await Step(view, "questions/Q3/redaction", v => new RedactText("Erasure request.", v), "administrator");
            await Send<object>($"/inspections/{view.Id}/factual-accuracy-check/no-further-comments", new { }, "force-liaison", force);
            await Send<Evidence>($"/inspections/{view.Id}/evidence/{recorded[0]}/redaction", new RedactEvidence("Names a victim.", 1), "administrator");
            await Send<Finding>($"/inspections/{view.Id}/findings/{findings["Q1"]}/redaction", new RedactFinding("Names a victim.", 1), "administrator");
        }

        /// <summary>
        /// A 2018/19 inspection of one question, whose effectiveness pillar is proposed, moderated with a reason and then has
        /// its text redacted, left awaiting its award (2026-12-07 shapes: PillarGradeModerated, PillarTextRedacted).
        /// </summary>
        public async Task PillarInspection(string force)
        {
            var starts = new DateOnly(2018, 10, 8);
            var view = await Send<InspectionView>("/inspections", new ScheduleInspection(null, force, "2018/19", "peel-2018-19", ["E3"],
                "lena.lead", starts, starts.AddDays(11), ["ian.inspector"]), "lead-inspector");
            view = await Step(view, "questions/E3/scope", v => new ScopeQuestion(QuestionScope.Detailed, null, v), "lead-inspector");
            view = await Step(view, "fieldwork/start", v => new InspectionStep(v), "lead-inspector");
            var evidence = await Send<Evidence>($"/inspections/{view.Id}/evidence", new RecordEvidence(Guid.NewGuid(), EvidenceMethod.CaseFileReview, 10,
                starts.AddDays(1), $"{force}: 9 of 10 domestic abuse files showed a completed risk assessment.", "Crime files", ["E3"]), "inspector");
            var finding = await Send<Finding>($"/inspections/{view.Id}/findings", new DraftFinding(Guid.NewGuid(), "E3", "Protecting vulnerable people",
                FindingKind.Strength, "The force assesses risk well.", [evidence.Id]), "inspector");
            view = await Step(await Get(view.Id), "fieldwork/complete", v => new InspectionStep(v), "lead-inspector");
            view = await Step(view, "questions/E3/qa-submission", v => new InspectionStep(v), "inspector");
            view = await Step(view, "questions/E3/qa-review", v => new ReviewFindings(QaOutcome.Accept, null, v), "qa-reviewer");
            view = await Step(view, "questions/E3/grade-proposals", v => new ProposeGrade(Grade.Good, "Consistent with the findings.", [finding.Id], v), "lead-inspector");
            view = await Until(view, v => v.Questions.Single().Stage == QuestionStage.Moderation);
            view = await Step(view, "questions/E3/moderation", v => new ModerateGrade(Grade.Good, null, v), "moderator");
            view = await Step(view, "questions/E3/award", v => new InspectionStep(v), "hmi");
            view = await Step(view, "pillars/effectiveness/grade-proposals", v => new ProposePillarGrade(Grade.Outstanding, "A named officer praised the force.", v), "lead-inspector");
            view = await Step(view, "pillars/effectiveness/moderation", v => new ModerateGrade(Grade.Good, "It stands on E3, which is good.", v), "moderator");
            // The summary's grade word disagrees with the moderated grade; the flag is dismissed (a dismissal naming its pillar).
            view = await Step(view, "pillars/effectiveness/summary", v => new WritePillarSummary("The force is outstanding, a named officer told us.", v), "lead-inspector");
            var flag = (await Get<DraftCheckView>($"/inspections/{view.Id}/draft-checks")).Flags.Single();
            view = await Step(view, $"draft-checks/{flag.Id}/dismissal", v => new DismissDraftFlag("The officer's words, kept as said.", v), "lead-inspector");
            await Step(view, "pillars/effectiveness/redaction", v => new RedactText("Erasure request.", v), "administrator");
        }

        /// <summary>A step at the version last read; when it changed meanwhile (409), reload and send again, as a person would.</summary>
        private async Task<InspectionView> Step(InspectionView view, string path, Func<long, object> body, string role)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await Send<InspectionView>($"/inspections/{view.Id}/{path}", body(VersionFor(view, path)), role);
                    return await Get(view.Id);
                }
                catch (StaleVersion) when (attempt < 10)
                {
                    await Task.Delay(50 * attempt);
                    view = await Get(view.Id);
                }
            }
        }

        /// <summary>A question-level step sends the question's version, any other the inspection's.</summary>
        private static long VersionFor(InspectionView view, string path) =>
            path.StartsWith("questions/", StringComparison.Ordinal) ? view.Questions.Single(q => q.Code == path.Split('/')[1]).Version : view.Version;

        private sealed class StaleVersion(string message) : Exception(message);

        /// <summary>Waits for the workflow to answer: a separate process, so there is nothing to subscribe to but the record.</summary>
        private async Task<InspectionView> Until(InspectionView view, Func<InspectionView, bool> done)
        {
            var clock = Stopwatch.StartNew();
            while (!done(view))
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException($"The workflow did not move inspection {view.Id} on within 30 s.");
                await Task.Delay(50);
                view = await Get(view.Id);
            }
            return view;
        }

        private Task<InspectionView> Get(Guid id) => Get<InspectionView>($"/inspections/{id}");

        private async Task<T> Get<T>(string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new("Bearer", Token(Users["lead-inspector"], "lead-inspector"));
            using var response = await client.SendAsync(request);
            return (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<T>(Json))!;
        }

        private async Task<T> Send<T>(string path, object body, string role, string? force = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, body.GetType(), options: Json) };
            request.Headers.Authorization = new("Bearer", force is null ? Token(Users[role], role)
                : DevTokens.Mint(new AuthOptions { SigningKey = DevelopmentSigningKey }, $"{force}.liaison", [role], DateTimeOffset.UtcNow, force));
            using var response = await client.SendAsync(request);
            if (response.StatusCode == System.Net.HttpStatusCode.Conflict && (await response.Content.ReadAsStringAsync()).Contains("Stale version"))
                throw new StaleVersion(path);
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"POST {path} as {role}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return (await response.Content.ReadFromJsonAsync<T>(Json))!;
        }
    }

    /// <summary>
    /// Waits until the service has done everything the writes set off — the async projections
    /// caught up with the last event, no workflow message waiting — so the dump is a consistent
    /// state to upgrade from. The service is another process: the database is all there is to watch.
    /// </summary>
    private static async Task Settled(string connection)
    {
        const string sql = """
            select (select coalesce(max(seq_id), 0) from peelcases.mt_events)
                 - (select coalesce(min(last_seq_id), 0) from peelcases.mt_event_progression where name <> 'HighWaterMark'),
                   (select count(*) from peelcases.wolverine_incoming_envelopes where status = 'Incoming')
            """;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using var db = new NpgsqlConnection(connection);
            await db.OpenAsync();
            await using var command = new NpgsqlCommand(sql, db);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            var (behind, waiting) = (reader.GetInt64(0), reader.GetInt64(1));
            if (behind <= 0 && waiting == 0) return;
            if (clock.Elapsed > TimeSpan.FromSeconds(60))
                throw new TimeoutException($"The service had not settled after 60 s: projections {behind} events behind, {waiting} workflow messages waiting.");
            await Task.Delay(100);
        }
    }

    private static async Task PgDump(string connection, string output)
    {
        var c = new NpgsqlConnectionStringBuilder(connection);
        var start = new ProcessStartInfo(PgTools.Find("pg_dump")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--no-owner", "--no-privileges", "-h", c.Host!, "-p", c.Port.ToString(), "-U", c.Username!, c.Database! }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        await using (var file = File.Create(output))
        await using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize))
            await process.StandardOutput.BaseStream.CopyToAsync(gzip);
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"pg_dump failed ({process.ExitCode}): {errors}");
    }

    private static async Task Exec(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
