using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using Marten;
using Marten.Events;
using PeelCases.Tests.Support;
using PeelCases.Audit;
using PeelCases.Demo;
using PeelCases.Fieldwork;
using PeelCases.Findings;
using PeelCases.Host;
using PeelCases.Inspections;
using PeelCases.Kernel;

namespace PeelCases.Tests.Integration;

public sealed class SecurityTests(AppFixture app) : InspectionTestBase(app)
{
    private const string Public = "public", SignedIn = "signed-in";
    private static readonly string[] Inspectorate = Roles.Inspectorate;
    private static readonly string[] Lead = [Roles.LeadInspector];
    private static readonly string[] Team = [Roles.Inspector, Roles.LeadInspector];

    /// <summary>Who may call what. An endpoint missing here fails the matrix test: every new endpoint needs a rule.</summary>
    private static readonly Dictionary<string, string[]> Rules = new()
    {
        ["GET /forces"] = [SignedIn], ["GET /forces/{forceId}"] = [SignedIn],
        ["GET /frameworks"] = [SignedIn], ["GET /frameworks/{frameworkId}"] = [SignedIn], ["GET /frameworks/{frameworkId}/versions/{version}"] = [SignedIn],
        ["GET /reports/{forceId}/{cycle}/{pillar}"] = [Public], ["GET /reports/{forceId}/{cycle}"] = [Public], ["GET /assets/report.css"] = [Public],
        ["POST /inspections"] = Lead,
        ["GET /inspections"] = Inspectorate, ["GET /inspections/{inspectionId}"] = Inspectorate,
        ["POST /inspections/{inspectionId}/team"] = Lead, ["POST /inspections/{inspectionId}/tranche"] = Lead,
        ["POST /inspections/{inspectionId}/questions/{questionCode}/scope"] = Lead,
        ["POST /inspections/{inspectionId}/fieldwork/start"] = Lead, ["POST /inspections/{inspectionId}/fieldwork/complete"] = Lead,
        ["POST /inspections/{inspectionId}/evidence"] = Team, ["GET /inspections/{inspectionId}/evidence"] = Inspectorate,
        ["GET /inspections/{inspectionId}/evidence/{evidenceId}"] = Inspectorate,
        ["POST /inspections/{inspectionId}/evidence/{evidenceId}/amendments"] = Team,
        ["POST /inspections/{inspectionId}/evidence/{evidenceId}/redaction"] = [Roles.LeadInspector, Roles.Administrator],
        ["POST /inspections/{inspectionId}/findings"] = Team, ["GET /inspections/{inspectionId}/findings"] = Inspectorate,
        ["GET /inspections/{inspectionId}/findings/{findingId}"] = Inspectorate,
        ["POST /inspections/{inspectionId}/findings/{findingId}/revisions"] = Team,
        ["POST /inspections/{inspectionId}/findings/{findingId}/withdrawal"] = Team,
        ["POST /inspections/{inspectionId}/findings/{findingId}/redaction"] = [Roles.LeadInspector, Roles.Administrator],
        ["POST /inspections/{inspectionId}/questions/{questionCode}/redaction"] = [Roles.LeadInspector, Roles.Administrator],
        ["POST /inspections/{inspectionId}/pillars/{pillarCode}/redaction"] = [Roles.LeadInspector, Roles.Administrator],
        ["POST /inspections/{inspectionId}/factual-accuracy-check/challenges/{challengeId}/redaction"] = [Roles.LeadInspector, Roles.Administrator],
        ["POST /inspections/{inspectionId}/findings/{findingId}/recommendations/{number}/status"] = Lead,
        ["POST /inspections/{inspectionId}/questions/{questionCode}/qa-submission"] = Team,
        ["POST /inspections/{inspectionId}/questions/{questionCode}/qa-review"] = [Roles.QaReviewer],
        ["POST /inspections/{inspectionId}/questions/{questionCode}/grade-proposals"] = Lead,
        ["POST /inspections/{inspectionId}/questions/{questionCode}/moderation"] = [Roles.Moderator],
        ["POST /inspections/{inspectionId}/questions/{questionCode}/holder"] = Inspectorate,
        ["POST /inspections/{inspectionId}/holder"] = Inspectorate,
        ["POST /inspections/{inspectionId}/questions/{questionCode}/lines-of-enquiry"] = Lead,
        ["POST /inspections/{inspectionId}/questions/{questionCode}/lines-of-enquiry/{number}/conclusion"] = Team,
        ["POST /inspections/{inspectionId}/questions/{questionCode}/lines-of-enquiry/{number}/revision"] = Lead,
        ["POST /inspections/{inspectionId}/questions/{questionCode}/award"] = [Roles.Moderator, Roles.Hmi],
        ["POST /inspections/{inspectionId}/questions/{questionCode}/carry-over"] = Lead,
        ["POST /inspections/{inspectionId}/questions/{questionCode}/carry-over/dispute"] = Lead,
        ["POST /history/imports"] = [Roles.Administrator],
        ["GET /inspections/{inspectionId}/draft-checks"] = Inspectorate,
        ["POST /inspections/{inspectionId}/draft-checks/{flagId}/dismissal"] = [Roles.LeadInspector, Roles.Moderator],
        ["POST /inspections/{inspectionId}/questions/{questionCode}/summary"] = Lead,
        ["POST /inspections/{inspectionId}/pillars/{pillarCode}/summary"] = Lead,
        ["POST /inspections/{inspectionId}/pillars/{pillarCode}/grade-proposals"] = Lead,
        ["POST /inspections/{inspectionId}/pillars/{pillarCode}/moderation"] = [Roles.Moderator],
        ["POST /inspections/{inspectionId}/pillars/{pillarCode}/award"] = [Roles.Moderator, Roles.Hmi],
        ["POST /inspections/{inspectionId}/sign-off"] = [Roles.Hmi],
        ["POST /inspections/{inspectionId}/hmi-observations"] = [Roles.Hmi],
        ["POST /inspections/{inspectionId}/factual-accuracy-check"] = Lead,
        ["POST /inspections/{inspectionId}/factual-accuracy-check/challenges"] = [Roles.ForceLiaison],
        ["POST /inspections/{inspectionId}/factual-accuracy-check/no-further-comments"] = [Roles.ForceLiaison],
        ["POST /inspections/{inspectionId}/factual-accuracy-check/closure"] = Lead,
        ["POST /inspections/{inspectionId}/factual-accuracy-check/challenges/{challengeId}/resolution"] = Lead,
        ["POST /inspections/{inspectionId}/publication"] = [Roles.Hmi],
        ["POST /inspections/{inspectionId}/pcc-response"] = Lead,
        ["GET /forces/{forceId}/grade-history"] = Inspectorate,
        ["GET /forces/{forceId}/monitoring"] = Inspectorate, ["GET /forces/{forceId}/register"] = Inspectorate, ["GET /register"] = Inspectorate,
        ["GET /inspections/{inspectionId}/earlier-findings"] = Inspectorate, ["POST /inspections/{inspectionId}/findings/{findingId}/follow-ups"] = Lead,
        ["POST /inspections/{inspectionId}/findings/{findingId}/acceleration"] = Lead,
        ["POST /inspections/{inspectionId}/findings/{findingId}/acceleration/publication"] = [Roles.Hmi],
        ["GET /reports/{forceId}/accelerated/{findingId}"] = [Public], ["GET /reports/{forceId}"] = [Public], ["POST /forces/{forceId}/monitoring"] = [Roles.Hmi], ["POST /forces/{forceId}/monitoring/improvement-plan"] = [Roles.Hmi], ["POST /forces/{forceId}/monitoring/redaction"] = [Roles.LeadInspector, Roles.Administrator], ["GET /board"] = Inspectorate,
        ["GET /moderation/queue"] = Inspectorate, ["GET /moderation/comparison"] = Inspectorate, ["GET /moderation/proposers"] = Inspectorate,
        ["GET /moderation/pillars"] = Inspectorate,
        ["GET /inspections/{inspectionId}/questions/{questionCode}/trail"] = Inspectorate,
        ["GET /inspections/{inspectionId}/as-of"] = Inspectorate,
        ["GET /inspections/{inspectionId}/questions/{questionCode}/as-of"] = Inspectorate,
        ["GET /inspections/{inspectionId}/diff"] = Inspectorate, ["GET /inspections/{inspectionId}/events"] = Inspectorate,
    };

    private async Task<List<(string Method, string Path, JsonObject Operation)>> Endpoints()
    {
        var doc = JsonNode.Parse((await App.Host.Scenario(s => s.Get.Url("/openapi/v1.json"))).ReadAsText())!;
        return doc["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()
            .Select(o => (o.Key.ToUpperInvariant(), p.Key, o.Value!.AsObject()))).ToList();
    }

    private static string Fill(string path, Guid inspectionId, Guid recordId) => path
        .Replace("{inspectionId}", inspectionId.ToString()).Replace("{evidenceId}", recordId.ToString())
        .Replace("{findingId}", recordId.ToString()).Replace("{challengeId}", recordId.ToString())
        .Replace("{questionCode}", "Q4").Replace("{pillarCode}", "effectiveness").Replace("{number}", "1")
        .Replace("{forceId}", "kent").Replace("{frameworkId}", "peel-2021-22").Replace("{cycle}", "peel-2021-22").Replace("{pillar}", "effectiveness");

    private async Task<int> Call(string method, string url, string? body, TestUser? user) =>
        (await App.Host.Scenario(s =>
        {
            if (method == "GET") s.Get.Url(url);
            else s.Post.RawJson(body ?? "{}").ToUrl(url);
            if (user is not null) s.WithBearerToken(App.TokenFor(user));
            s.IgnoreStatusCode();
        })).Context.Response.StatusCode;

    [Fact]
    public async Task Every_endpoint_answers_every_role_as_its_rule_says()
    {
        var endpoints = await Endpoints();
        var unruled = endpoints.Select(e => $"{e.Method} {e.Path}").Where(k => !Rules.ContainsKey(k)).ToList();
        Assert.True(unruled.Count == 0, $"Endpoints without an authorization rule in this test: {string.Join(", ", unruled)}");
        Assert.True(endpoints.Count >= 45, $"Only {endpoints.Count} endpoints found in the OpenAPI document.");

        var users = Roles.All.Select(r => new TestUser($"{r}.user", [r], r == Roles.ForceLiaison ? "kent" : null)).ToList();
        var failures = new List<string>();
        foreach (var (method, path, _) in endpoints)
        {
            var rule = Rules[$"{method} {path}"];
            // An unknown inspection: whoever gets past authorization meets a 404 or a 400, and nothing is written.
            var url = Fill(path, Guid.NewGuid(), Guid.NewGuid());
            var anonymous = await Call(method, url, null, null);
            if (rule.Contains(Public) ? anonymous is 401 or 403 or >= 500 : anonymous != 401)
                failures.Add($"{method} {path} anonymous → {anonymous}");
            foreach (var user in users)
            {
                var status = await Call(method, url, null, user);
                var allowed = rule.Contains(Public) || rule.Contains(SignedIn) || rule.Contains(user.Roles[0]);
                if (allowed ? status is 401 or 403 or >= 500 : status != 403)
                    failures.Add($"{method} {path} {user.Roles[0]} → {status} (expected {(allowed ? "past authorization" : "403")})");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(0, await TotalEvents());
    }

    [Fact]
    public async Task Every_route_sends_the_one_security_policy_and_nothing_shown_to_a_signed_in_caller_is_cached()
    {
        await new DemoData().Populate(App.Store, CancellationToken.None);
        var routes = (await Endpoints()).Select(e => (e.Method, Url: Fill(e.Path, DemoData.Kent2021, Guid.NewGuid())))
            .Concat([("GET", "/api"), ("GET", "/openapi/v1.json"), ("GET", "/health/live"), ("GET", "/no-such-page"), ("GET", CumbriaReference.Url)]).ToList();
        var failures = new List<string>();
        var nonces = new HashSet<string>();
        foreach (var (method, url) in routes)
            foreach (var user in new[] { null, TestUser.Lead })
            {
                var result = await App.Host.Scenario(s =>
                {
                    if (method == "GET") s.Get.Url(url);
                    else s.Post.Json(new { }).ToUrl(url);
                    if (user is not null) s.WithBearerToken(App.TokenFor(user));
                    s.IgnoreStatusCode();
                });
                var headers = result.Context.Response.Headers;
                var csp = headers.ContentSecurityPolicy.ToString();
                var nonce = System.Text.RegularExpressions.Regex.Match(csp, "script-src 'nonce-([^']+)'").Groups[1].Value;
                nonces.Add(nonce);
                var problems = new List<string>();
                if (!csp.StartsWith("default-src 'none'; script-src 'nonce-", StringComparison.Ordinal) || nonce.Length < 16) problems.Add($"CSP '{csp}'");
                if (!csp.Contains("frame-ancestors 'none'")) problems.Add("no frame-ancestors");
                if (headers.XContentTypeOptions != "nosniff") problems.Add("no nosniff");
                if (headers["Referrer-Policy"] != "no-referrer") problems.Add("no Referrer-Policy");
                if (user is not null && headers.CacheControl != "no-store") problems.Add($"Cache-Control '{headers.CacheControl}' for a signed-in caller");
                if (problems.Count > 0) failures.Add($"{method} {url} as {user?.Id ?? "anonymous"}: {string.Join(", ", problems)}");
            }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(routes.Count * 2, nonces.Count); // a fresh nonce on every response
    }

    /// <summary>NUL, ESC, BEL, DEL, a C1 control and a right-to-left override: what no text field may hold.</summary>
    public static readonly string[] Unsafe = [@"\u0000", @"\u001b", @"\u0007", @"\u007f", @"\u0085", @"\u202e", "\u202e"];

    [Fact]
    public async Task Unsafe_characters_in_any_text_field_or_query_value_of_any_endpoint_are_a_400_naming_the_field_and_write_nothing()
    {
        await new DemoData().Populate(App.Store, CancellationToken.None);
        var evidence = (await Get<List<Evidence>>($"/inspections/{DemoData.Kent2021}/evidence", TestUser.Lead))[0].Id;
        var before = await TotalEvents();
        var everyone = new TestUser("all.roles", Roles.All.ToArray(), "kent");
        var doc = JsonNode.Parse((await App.Host.Scenario(s => s.Get.Url("/openapi/v1.json"))).ReadAsText())!;
        var failures = new List<string>();
        var checkedFields = 0;

        async Task Expect400(string method, string url, string? body, string field)
        {
            var result = await App.Host.Scenario(s =>
            {
                if (method == "GET") s.Get.Url(url);
                else s.Post.RawJson(body!).ToUrl(url);
                s.WithBearerToken(App.TokenFor(everyone));
                s.IgnoreStatusCode();
            });
            checkedFields++;
            var status = result.Context.Response.StatusCode;
            var problem = status == 400 ? JsonSerializer.Deserialize<ProblemBody>(result.ReadAsText(), AppFixture.Json) : null;
            if (problem?.Errors?.ContainsKey(field) != true)
                failures.Add($"{method} {url} {(body is null ? "" : body.Length > 60 ? body[..60] : body)} → {status}, errors: {string.Join(",", problem?.Errors?.Keys.ToList() ?? [])}");
        }

        foreach (var (method, path, operation) in await Endpoints())
        {
            var url = Fill(path, DemoData.Kent2021, evidence);
            foreach (var query in (operation["parameters"]?.AsArray() ?? []).Where(p => p!["in"]!.GetValue<string>() == "query"))
            {
                var name = query!["name"]!.GetValue<string>();
                foreach (var c in new[] { "%00", "%1B", "%E2%80%AE" })
                    await Expect400(method, $"{url}?{name}=a{c}b", method == "GET" ? null : "{}", name);
            }
            if (method != "POST") continue;
            foreach (var name in StringProperties(operation, doc))
                foreach (var c in Unsafe)
                    await Expect400(method, url, $"{{\"{name}\": \"a{c}b\", \"expectedVersion\": 1}}", name);
            // A body that does not say what it is is not read as JSON.
            var untyped = await App.Host.Scenario(s =>
            {
                s.Post.Url(url);
                s.ConfigureHttpContext(c =>
                {
                    c.Request.Body = new MemoryStream("{}"u8.ToArray());
                    c.Request.ContentLength = 2;
                    c.Request.ContentType = null;
                });
                s.WithBearerToken(App.TokenFor(everyone));
                s.IgnoreStatusCode();
            });
            if (untyped.Context.Response.StatusCode is not (415 or 404)) failures.Add($"POST {path} without Content-Type → {untyped.Context.Response.StatusCode}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(checkedFields > 200, $"only {checkedFields} fields checked");
        Assert.Equal(before, await TotalEvents());
    }

    private static IEnumerable<string> StringProperties(JsonObject operation, JsonNode doc)
    {
        var reference = operation["requestBody"]?["content"]?["application/json"]?["schema"]?["$ref"]?.GetValue<string>();
        if (reference is null) yield break;
        var schema = doc["components"]!["schemas"]![reference.Split('/')[^1]]!;
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
            if (property!["type"]?.ToJsonString().Contains("string") == true && property["format"] is null && property["enum"] is null)
                yield return name;
    }

    [Fact]
    public async Task A_NUL_character_in_an_address_or_a_body_is_a_400_and_writes_nothing()
    {
        var inspection = await ScheduleAsync();
        var before = await TotalEvents();
        var query = await Problem(HttpMethod.Get, "/inspections?force=a%00b", null, TestUser.Lead, 400);
        Assert.Contains("NUL", query.Detail);
        await Send(HttpMethod.Post, $"/inspections/{inspection.Id}/evidence", Commands.Evidence(summary: "Names a\u0000victim."), TestUser.Inspector, 400);
        Assert.Equal(before, await TotalEvents());
    }

    [Fact]
    public async Task Malformed_payloads_on_every_write_endpoint_are_never_a_500_and_write_nothing()
    {
        await new DemoData().Populate(App.Store, CancellationToken.None);
        var evidence = (await Get<List<Evidence>>($"/inspections/{DemoData.Kent2021}/evidence", TestUser.Lead))[0].Id;
        var before = await TotalEvents();
        var everyone = new TestUser("all.roles", Roles.All.ToArray(), "kent");
        var doc = JsonNode.Parse((await App.Host.Scenario(s => s.Get.Url("/openapi/v1.json"))).ReadAsText())!;
        var failures = new List<string>();

        foreach (var (method, path, operation) in (await Endpoints()).Where(e => e.Method == "POST"))
        {
            var url = Fill(path, DemoData.Kent2021, evidence);
            foreach (var body in Payloads(operation, doc))
            {
                var status = await Call(method, url, body, everyone);
                if (status is not (400 or 404 or 409 or 413 or 415))
                    failures.Add($"POST {path} with {(body.Length > 80 ? body[..80] + "…" : body)} → {status}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await TotalEvents());
    }

    /// <summary>Broken JSON, wrong shapes, and for each property of the command: a wrong type, a huge value, a bad enum.</summary>
    private static IEnumerable<string> Payloads(JsonObject operation, JsonNode doc)
    {
        yield return "{";
        yield return "null";
        yield return "[]";
        yield return "\"text\"";
        yield return "{\"expectedVersion\": \"soon\"}";
        yield return "{\"x\": \"" + new string('a', (int)RequestLimits.MaxBodyBytes + 10) + "\"}";
        var reference = operation["requestBody"]?["content"]?["application/json"]?["schema"]?["$ref"]?.GetValue<string>();
        if (reference is null) yield break;
        var schema = doc["components"]!["schemas"]![reference.Split('/')[^1]]!;
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            var type = property!["type"]?.ToJsonString() ?? "";
            var isString = type.Contains("string");
            yield return $"{{\"{name}\": {(isString ? "12345" : "\"not-a-number\"")}, \"expectedVersion\": 1}}";
            if (isString) yield return $"{{\"{name}\": \"{new string('x', 30_000)}\", \"expectedVersion\": 1}}";
            // A NUL character, which PostgreSQL's jsonb cannot hold: refused as invalid JSON, nothing written.
            if (isString) yield return $"{{\"{name}\": \"a\\u0000b\", \"expectedVersion\": 1}}";
            yield return $"{{\"{name}\": {{\"nested\": [1, 2, {{}}]}}, \"expectedVersion\": 1}}";
            if (property["enum"] is not null || property["$ref"] is not null)
            {
                yield return $"{{\"{name}\": 1, \"expectedVersion\": 1}}";
                yield return $"{{\"{name}\": \"NotAValue\", \"expectedVersion\": 1}}";
            }
        }
    }

    [Fact]
    public async Task Inspectors_work_only_on_inspections_whose_team_they_are_on()
    {
        var view = await ScheduleAsync(Commands.Schedule(questions: ["E3"]) with { Team = ["sara.inspector"] });
        var refused = await Problem(HttpMethod.Post, $"/inspections/{view.Id}/evidence", Commands.Evidence(), TestUser.Inspector, 403);
        Assert.Contains("not on the team", refused.Detail);
        await RecordAsync(view.Id, user: TestUser.SecondInspector);
        await RecordAsync(view.Id, user: TestUser.Lead);

        view = await Step(view, "team", new ChangeTeam(["ian.inspector"], ["sara.inspector"], view.Version), TestUser.Lead);
        Assert.Equal(["lena.lead", "ian.inspector"], view.Team);
        await RecordAsync(view.Id, user: TestUser.Inspector);
        await Problem(HttpMethod.Post, $"/inspections/{view.Id}/evidence", Commands.Evidence(), TestUser.SecondInspector, 403);
        await Problem(HttpMethod.Post, $"/inspections/{view.Id}/team", new ChangeTeam(["x"], null, view.Version), TestUser.Inspector, 403);
    }

    [Fact]
    public async Task Redaction_removes_personal_data_everywhere_and_the_trail_says_who_did_it_and_why()
    {
        var view = await ScheduleAsync(Commands.Schedule(questions: ["E3"]));
        var secret = "Jane Doe of 12 Acacia Avenue described the assault.";
        var evidence = await RecordAsync(view.Id, Commands.Evidence(summary: secret) with { Sensitive = true });
        await Post<Evidence>($"/inspections/{view.Id}/evidence/{evidence.Id}/amendments",
            new AmendEvidence(evidence.Content.Method, evidence.Content.SampleSize, evidence.Content.CollectedOn, secret + " She was 34.",
                evidence.Content.Source, evidence.Content.QuestionCodes, true, "age added", 1), TestUser.Inspector);

        await Problem(HttpMethod.Post, $"/inspections/{view.Id}/evidence/{evidence.Id}/redaction", new { reason = "x", expectedVersion = 2 }, TestUser.Inspector, 403);
        var redacted = await Post<Evidence>($"/inspections/{view.Id}/evidence/{evidence.Id}/redaction",
            new { reason = "Subject access request: victim's personal data", expectedVersion = 2 }, new TestUser("dpo.admin", [Roles.Administrator]));
        Assert.Equal("[redacted]", redacted.Content.Summary);
        Assert.All(redacted.EarlierVersions, v => Assert.Equal("[redacted]", v.Content.Summary));
        Assert.Equal(("dpo.admin", "Subject access request: victim's personal data"), (redacted.Redacted!.By, redacted.Redacted.Reason));

        await using var session = App.Store.QuerySession();
        var stored = await session.QueryAsync<string>("select data::text from peelcases.mt_events where stream_id = ?", evidence.Id);
        Assert.Equal(3, stored.Count);
        Assert.DoesNotContain(stored, d => d.Contains("Acacia"));
        var history = await Get<EventPage>($"/inspections/{view.Id}/events", TestUser.Moderator);
        Assert.DoesNotContain("Acacia", JsonSerializer.Serialize(history));
        var step = history.Events.Single(e => e.EventType == "EvidenceRedacted");
        Assert.Equal("dpo.admin", step.Actor);
        Assert.Contains("Subject access request", step.Description);
        Assert.DoesNotContain("Acacia", JsonSerializer.Serialize(await Get<QuestionAsOf>($"/inspections/{view.Id}/questions/E3/as-of?version=1", TestUser.Moderator)));
        await Problem(HttpMethod.Post, $"/inspections/{view.Id}/evidence/{evidence.Id}/redaction", new { reason = "again", expectedVersion = 2 }, TestUser.Lead, 409);
    }

    [Fact]
    public async Task Redaction_holds_through_amendments_and_redactions_in_any_order_and_a_rebuild_gives_the_live_record()
    {
        var view = await ScheduleAsync(Commands.Schedule(questions: ["E3"]));
        var admin = new TestUser("dpo.admin", [Roles.Administrator]);
        var evidence = await RecordAsync(view.Id, Commands.Evidence(summary: "Interview with Jane Doe of 12 Acacia Avenue.") with { Sensitive = true });
        var url = $"/inspections/{view.Id}/evidence/{evidence.Id}";
        AmendEvidence Amend(Evidence e, string summary, string reason) =>
            new(e.Content.Method, e.Content.SampleSize, e.Content.CollectedOn, summary, e.Content.Source, e.Content.QuestionCodes, true, reason, e.Version);

        evidence = await Post<Evidence>($"{url}/amendments", Amend(evidence, "Interview with Jane Doe, born 1 May 1990.", "added DOB for Jane Doe"), TestUser.Inspector);
        evidence = await Post<Evidence>($"{url}/redaction", new RedactEvidence("Subject access request", evidence.Version), admin);
        Assert.Equal("[redacted]", evidence.EarlierVersions[0].SupersededBecause);
        // After a redaction the evidence can still be corrected; what the correction adds is redactable again.
        evidence = await Post<Evidence>($"{url}/amendments", Amend(evidence, "Interview with John Roe, her neighbour.", "named the neighbour John Roe"), TestUser.Inspector);
        Assert.Equal("Interview with John Roe, her neighbour.", evidence.Content.Summary);
        evidence = await Post<Evidence>($"{url}/redaction", new RedactEvidence("The neighbour asked for erasure", evidence.Version), admin);
        Assert.Equal(("[redacted]", "The neighbour asked for erasure"), (evidence.Content.Summary, evidence.Redacted!.Reason));
        // Nothing left to remove: a resend appends nothing.
        var before = await TotalEvents();
        Assert.Equal(evidence.Version, (await Post<Evidence>($"{url}/redaction", new RedactEvidence("again", evidence.Version), admin)).Version);
        Assert.Equal(before, await TotalEvents());

        var secrets = new[] { "Jane", "Acacia", "1990", "John Roe", "DOB" };
        await using (var session = App.Store.QuerySession())
        {
            var stored = string.Join("\n", await session.QueryAsync<string>("select data::text from peelcases.mt_events where stream_id = ?", evidence.Id));
            var document = string.Join("\n", await session.QueryAsync<string>("select data::text from peelcases.mt_doc_evidence where id = ?", evidence.Id));
            Assert.All(secrets, secret => Assert.DoesNotContain(secret, stored + document));
            Assert.Contains("Subject access request", stored); // the redactions' own reasons stay
        }
        foreach (var read in new[] { url, $"/inspections/{view.Id}/evidence", $"/inspections/{view.Id}/events", $"/inspections/{view.Id}/questions/E3/trail",
                     $"/inspections/{view.Id}/questions/E3/as-of?version=1", $"/inspections/{view.Id}/diff?fromVersion=1" })
        {
            var text = (await Send(HttpMethod.Get, read, null, TestUser.Lead, 200)).ReadAsText();
            Assert.All(secrets, secret => Assert.DoesNotContain(secret, text));
        }

        await App.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30)); // the async read models, caught up
        var live = await ReadModels.SnapshotAsync(App.Store);
        await ReadModels.RebuildAllAsync(App.Host);
        Assert.Equal(live, await ReadModels.SnapshotAsync(App.Store));
    }

    [Fact]
    public async Task A_finding_is_redacted_with_its_revisions_and_notes_and_stays_redactable_after_a_revision()
    {
        var view = await ScheduleAsync(Commands.Schedule(questions: ["E3"]));
        view = await StartFieldworkAsync(await ScopeAsync(view, "E3", QuestionScope.Detailed));
        var admin = new TestUser("dpo.admin", [Roles.Administrator]);
        var evidence = await RecordAsync(view.Id);
        var finding = await Post<Finding>($"/inspections/{view.Id}/findings", new DraftFinding(Guid.NewGuid(), "E3", "Victim care",
            FindingKind.CauseOfConcern, "Jane Doe waited nine hours for a response.", [evidence.Id],
            [new RecommendationInput("Call Jane Doe back within a day.", new RecommendationDeadline(DeadlineKind.Immediately))]), TestUser.Inspector, 201);
        var url = $"/inspections/{view.Id}/findings/{finding.Id}";
        finding = await Post<Finding>($"{url}/revisions", new ReviseFinding("Victim care", FindingKind.CauseOfConcern, "A victim waited nine hours.",
            [evidence.Id], [new RecommendationInput("Call victims back within a day.", new RecommendationDeadline(DeadlineKind.Immediately))],
            "removed Jane Doe's name", finding.Version), TestUser.Inspector);

        await Problem(HttpMethod.Post, $"{url}/redaction", new RedactFinding("x", finding.Version), TestUser.Inspector, 403);
        finding = await Post<Finding>($"{url}/redaction", new RedactFinding("Victim's erasure request", finding.Version), admin);
        Assert.Equal(("[redacted]", "[redacted]", "[redacted]"), (finding.Content.Text, finding.EarlierVersions[0].Content.Text, finding.EarlierVersions[0].SupersededBecause));
        Assert.Equal(FindingKind.CauseOfConcern, finding.Content.Kind);
        finding = await Post<Finding>($"{url}/revisions", new ReviseFinding("Victim care", FindingKind.CauseOfConcern, "Mrs Doe waited nine hours.",
            [evidence.Id], [new RecommendationInput("Call victims back within a day.", new RecommendationDeadline(DeadlineKind.Immediately))], "reworded", finding.Version), TestUser.Inspector);
        finding = await Post<Finding>($"{url}/redaction", new RedactFinding("The revision named her", finding.Version), admin);

        await using (var session = App.Store.QuerySession())
        {
            var stored = string.Join("\n", await session.QueryAsync<string>("select data::text from peelcases.mt_events where stream_id = ?", finding.Id))
                         + await session.QueryAsync<string>("select data::text from peelcases.mt_doc_finding where id = ?", finding.Id).ContinueWith(t => string.Concat(t.Result));
            Assert.DoesNotContain("Doe", stored);
            Assert.Contains("Victim's erasure request", stored);
        }
        await App.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30)); // the async read models, caught up
        var live = await ReadModels.SnapshotAsync(App.Store);
        await ReadModels.RebuildAllAsync(App.Host);
        Assert.Equal(live, await ReadModels.SnapshotAsync(App.Store));
    }

    [Fact]
    public async Task Sensitive_evidence_never_reaches_a_force_liaison_or_the_public()
    {
        await new DemoData().Populate(App.Store, CancellationToken.None);
        var sensitive = (await Get<List<Evidence>>($"/inspections/{DemoData.Cumbria2018}/evidence", TestUser.Lead)).Single(e => e.Content.Sensitive);
        var liaison = TestUser.Liaison;
        foreach (var url in new[]
        {
            $"/inspections/{DemoData.Cumbria2018}/evidence", $"/inspections/{DemoData.Cumbria2018}/evidence/{sensitive.Id}",
            $"/inspections/{DemoData.Cumbria2018}/events", $"/inspections/{DemoData.Cumbria2018}/questions/E3/trail",
            $"/inspections/{DemoData.Cumbria2018}/as-of?version=3", $"/inspections/{DemoData.Cumbria2018}/diff?fromVersion=1",
            $"/inspections/{DemoData.Cumbria2018}/questions/E3/as-of?version=3",
        })
        {
            await Problem(HttpMethod.Get, url, null, liaison, 403);
            await Problem(HttpMethod.Get, url, null, null, 401);
        }
        var report = (await App.Host.Scenario(s => s.Get.Url("/reports/cumbria/peel-2018-19/effectiveness"))).ReadAsText();
        Assert.DoesNotContain(sensitive.Content.Summary[..40], report);
    }
}
