using System.Net;
using Alba;
using Microsoft.Playwright;
using PeelCases.Findings;
using PeelCases.Inspections;
using PeelCases.ReferenceData;
using PeelCases.Tests.Support;

namespace PeelCases.Tests.Browser;

/// <summary>
/// Who sees and does what through the console: the API's own policies and team rules, a cookie that never opens the JSON
/// API, anti-forgery on every form, and refusals shown as the service's own message with nothing recorded.
/// </summary>
public sealed class ConsoleAccessTests(AppFixture app) : ConsoleTestBase(app)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_force_liaison_sees_only_their_own_forces_check_and_no_inspectorate_page(bool javaScript)
    {
        var cumbria = await InCheckAsync("cumbria");
        var durham = await InCheckAsync("durham");
        await using var browser = await Support.Browser.LaunchAsync();

        var liaison = await SignInAsync(browser, TestUser.Liaison, javaScript);

        Assert.EndsWith("/console/sign-in", liaison.Page.Url); // signed in; the redirect chain ended on the checks page
        var checks = await liaison.Page.Locator("main").InnerTextAsync();
        Assert.Contains("Cumbria Constabulary, 2021/22", checks);
        Assert.DoesNotContain("Durham", checks);
        Assert.Equal(403, await liaison.GoAsync("/console/board"));
        Assert.Equal(403, await liaison.GoAsync($"/console/inspections/{cumbria.Id}"));
        // The draft: their own force's during its check, never another force's.
        Assert.Equal(200, await liaison.GoAsync($"/console/inspections/{cumbria.Id}/report"));
        Assert.Equal(404, await liaison.GoAsync($"/console/inspections/{durham.Id}/report"));
    }

    [Fact]
    public async Task The_console_cookie_is_secure_http_only_and_same_site_lax_and_never_opens_the_JSON_API()
    {
        await using var browser = await Support.Browser.LaunchAsync();
        var lead = await SignInAsync(browser, TestUser.Lead);

        var cookies = await lead.Page.Context.CookiesAsync();
        var session = Assert.Single(cookies, c => c.Name.EndsWith("peelcases-console"));
        Assert.True(session.Secure);
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, session.SameSite);

        var header = string.Join("; ", cookies.Select(c => $"{c.Name}={c.Value}"));
        await App.Host.Scenario(s =>
        {
            s.Get.Url("/inspections");
            s.WithRequestHeader("Cookie", header);
            s.StatusCodeShouldBe(HttpStatusCode.Unauthorized);
        });
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_person_signs_in_through_the_identity_provider_and_has_the_roles_and_force_it_gives(bool javaScript)
    {
        await InCheckAsync("cumbria");
        await using var browser = await Support.Browser.LaunchAsync();

        var lead = await ThroughProviderAsync(browser, "lena.lead", javaScript);
        Assert.Contains("Signed in as lena.lead (Lead inspector)", await lead.Page.Locator(".moj-identity-bar").InnerTextAsync());
        Assert.Equal("Board", (await lead.Page.Locator("h1").InnerTextAsync()).Trim());

        var liaison = await ThroughProviderAsync(browser, "cumbria.liaison", javaScript, start: "/console/checks");
        Assert.Contains("Cumbria Constabulary, 2021/22", await liaison.Page.Locator("main").InnerTextAsync());
        Assert.Equal(403, await liaison.GoAsync("/console/board"));
    }

    [Fact]
    public async Task An_answer_from_the_identity_provider_that_does_not_check_out_signs_no_one_in()
    {
        await using var browser = await Support.Browser.LaunchAsync();

        var opened = await ThroughProviderAsync(browser, "lena.lead", javaScript: true, anotherClient: true);

        Assert.Contains("Signing in through your organisation's account did not succeed", await opened.Page.Locator(".govuk-error-summary").InnerTextAsync());
        Assert.DoesNotContain(await opened.Page.Context.CookiesAsync(), c => c.Name.EndsWith("peelcases-console"));
        Assert.Equal(200, await opened.GoAsync("/console/board")); // the sign-in page again, not the board
        Assert.Equal(0, await opened.Page.Locator(".moj-identity-bar").CountAsync());
    }

    /// <summary>From a console page to the provider's page, who they are, and back: the authorization-code flow end to end.</summary>
    private async Task<OpenPage> ThroughProviderAsync(Support.Browser browser, string user, bool javaScript, bool anotherClient = false, string start = "/console/board")
    {
        var opened = await browser.OpenAsync(App.Host, start, javaScript: javaScript);
        await opened.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in with your organisation's account" }).ClickAsync();
        await opened.Page.WaitForLoadStateAsync();
        Assert.Equal("Test identity provider", await opened.Page.TitleAsync());
        await opened.Page.GetByLabel(user).CheckAsync();
        if (anotherClient) await opened.Page.GetByLabel("Issue the token for another client").CheckAsync();
        await SubmitAsync(opened.Page, "Continue");
        return opened;
    }

    [Fact]
    public async Task A_form_posted_without_its_anti_forgery_token_is_refused_and_records_nothing()
    {
        var view = await ScheduleAsync(Commands.Schedule(questions: ["E3"]));
        await using var browser = await Support.Browser.LaunchAsync();
        var lead = await SignInAsync(browser, TestUser.Lead);
        var header = string.Join("; ", (await lead.Page.Context.CookiesAsync()).Select(c => $"{c.Name}={c.Value}"));
        var before = (await EventsOf(view.Id)).Count;

        await App.Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string> { ["expectedVersion"] = view.Version.ToString(), ["returnTo"] = $"/console/inspections/{view.Id}" })
                .ToUrl($"/console/inspections/{view.Id}/actions/StartFieldwork");
            s.ConfigureHttpContext(c => c.Request.Scheme = "https");
            s.WithRequestHeader("Cookie", header);
            s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
        });

        Assert.Equal(before, (await EventsOf(view.Id)).Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_stale_version_is_shown_as_an_error_summary_with_the_services_message_and_a_way_to_reload(bool javaScript)
    {
        var view = await ScopeAsync(await ScheduleAsync(Commands.Schedule(questions: ["E3"])), "E3", QuestionScope.Detailed);
        await using var browser = await Support.Browser.LaunchAsync();
        var lead = await SignInAsync(browser, TestUser.Lead, javaScript);
        await lead.GoAsync($"/console/inspections/{view.Id}");
        // Someone else changes the inspection after the page was read.
        await Step(view, "team", new ChangeTeam(["ian.inspector"], ["sara.inspector"], view.Version), TestUser.Lead);
        var before = (await EventsOf(view.Id)).Count;

        await lead.Page.GetByRole(AriaRole.Button, new() { Name = "Start fieldwork" }).ClickAsync();
        await lead.Page.WaitForLoadStateAsync();

        var summary = lead.Page.Locator(".govuk-error-summary");
        Assert.Contains("inspection", (await summary.InnerTextAsync()).ToLowerInvariant());
        Assert.Equal("Reload the page to see the record as it stands now", (await summary.GetByRole(AriaRole.Link).Last.InnerTextAsync()).Trim());
        Assert.StartsWith("Error: ", await lead.Page.TitleAsync());
        Assert.Equal(before, (await EventsOf(view.Id)).Count);
    }

    [Fact]
    public async Task An_action_the_role_may_not_take_is_refused_with_403_by_the_APIs_own_policy()
    {
        var view = await ScheduleAsync(Commands.Schedule(questions: ["E3"]));
        await using var browser = await Support.Browser.LaunchAsync();
        var qa = await SignInAsync(browser, TestUser.QaReviewer);
        await qa.GoAsync($"/console/inspections/{view.Id}");
        Assert.Equal(0, await qa.Page.GetByRole(AriaRole.Button, new() { Name = "Start fieldwork" }).CountAsync());
        var token = await qa.Page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var header = string.Join("; ", (await qa.Page.Context.CookiesAsync()).Select(c => $"{c.Name}={c.Value}"));

        var refused = await App.Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token!, ["expectedVersion"] = view.Version.ToString(), ["returnTo"] = $"/console/inspections/{view.Id}",
            }).ToUrl($"/console/inspections/{view.Id}/actions/StartFieldwork");
            s.ConfigureHttpContext(c => c.Request.Scheme = "https");
            s.WithRequestHeader("Cookie", header);
            s.StatusCodeShouldBe(HttpStatusCode.Forbidden);
        });

        Assert.Contains("Your role may not do this.", refused.ReadAsText());
        Assert.Equal(InspectionStage.Planning, (await View(view.Id)).Stage);
    }

    [Fact]
    public async Task Text_written_into_the_record_is_shown_as_text_and_never_runs()
    {
        const string hostile = "Officers said <script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\"> & [click](javascript:alert(1))";
        var view = await ScopeAsync(await ScheduleAsync(Commands.Schedule(questions: ["E3"])), "E3", QuestionScope.Detailed);
        view = await StartFieldworkAsync(view);
        var evidence = await RecordAsync(view.Id, Commands.Evidence(summary: hostile, questions: ["E3"]));
        await Post<Finding>($"/inspections/{view.Id}/findings",
            new DraftFinding(Guid.NewGuid(), "E3", hostile, FindingKind.Strength, hostile, [evidence.Id]), TestUser.Inspector, 201);
        await using var browser = await Support.Browser.LaunchAsync();
        var lead = await SignInAsync(browser, TestUser.Lead);

        await lead.GoAsync($"/console/inspections/{view.Id}/questions/E3");

        Assert.Contains(hostile, await lead.Page.Locator("main").InnerTextAsync());
        Assert.Equal(0, await lead.Page.Locator("main script, main img").CountAsync());
        Assert.Null(await lead.Page.EvaluateAsync<int?>("window.__pwned"));
    }

    [Fact]
    public async Task The_force_liaison_challenges_the_draft_and_the_lead_inspector_answers_and_closes_the_check_through_the_console()
    {
        var view = await InCheckAsync("cumbria");
        await using var browser = await Support.Browser.LaunchAsync();
        var liaison = await SignInAsync(browser, TestUser.Liaison);
        await liaison.GoAsync("/console/checks");
        ILocator Form(OpenPage opened, string operation) => opened.Page.Locator($"form[action='/console/checks/{view.Id}/actions/{operation}']");
        async Task SendAsync(OpenPage opened, string operation)
        {
            await Form(opened, operation).GetByRole(AriaRole.Button).ClickAsync();
            await opened.Page.WaitForLoadStateAsync(LoadState.Load);
        }

        // An empty challenge is refused with the API's own words, linked to the field, and nothing is recorded.
        await SendAsync(liaison, "RaiseChallenge");
        Assert.Equal(1, await liaison.Page.Locator($".govuk-error-summary a[href='#RaiseChallenge-{view.Id}-text']").CountAsync());
        Assert.StartsWith("Error: ", await liaison.Page.TitleAsync());
        Assert.Empty((await CheckAsync(view.Id)).Challenges);

        // The challenge names the finding it is about, chosen by its kind and heading.
        var finding = Assert.Single(await Get<List<Finding>>($"/inspections/{view.Id}/findings", TestUser.Lead));
        var named = PeelCases.WebConsole.ConsoleText.Finding(finding);
        await Form(liaison, "RaiseChallenge").GetByLabel("The finding it is about, if it is about one").SelectOptionAsync(new SelectOptionValue { Label = named });
        await Form(liaison, "RaiseChallenge").GetByLabel("Challenge a fact in the draft: what it says, and what is correct")
            .FillAsync("The draft says 62 % of calls were answered in time; the force's figure is 68 %.");
        await SendAsync(liaison, "RaiseChallenge");
        Assert.Equal("Challenge a fact in the draft: done.", await NoticeAsync(liaison.Page));
        Assert.Contains($"{named} — The draft says 62 % of calls were answered in time; the force's figure is 68 %. (raised by",
            await liaison.Page.Locator("main").InnerTextAsync());
        Assert.Equal(0, await Form(liaison, "ResolveChallenge").CountAsync()); // a liaison does not answer their own challenge
        await SendAsync(liaison, "ConfirmNoFurtherComments");
        Assert.Equal("Confirm the force has no further comments: done.", await NoticeAsync(liaison.Page));
        Assert.Equal(0, await Form(liaison, "CloseFactualAccuracyCheckEarly").CountAsync());

        var lead = await SignInAsync(browser, TestUser.Lead);
        await lead.GoAsync("/console/checks");
        Assert.Equal(0, await Form(lead, "RaiseChallenge").CountAsync());
        await Form(lead, "ResolveChallenge").GetByLabel("Accept it: the draft will be corrected").CheckAsync();
        await Form(lead, "ResolveChallenge").GetByLabel("Reason, which the force will read").FillAsync("Agreed: the force's figure is from the audited return.");
        await SendAsync(lead, "ResolveChallenge");
        Assert.Equal("Answer the challenge: done.", await NoticeAsync(lead.Page));
        await SendAsync(lead, "CloseFactualAccuracyCheckEarly");
        Assert.Equal("Close the check early: done.", await NoticeAsync(lead.Page));

        var check = await CheckAsync(view.Id);
        var challenge = Assert.Single(check.Challenges);
        Assert.Equal((true, "Agreed: the force's figure is from the audited return.", TestUser.Liaison.Id, finding.Id),
            (challenge.Accepted, challenge.Reason, challenge.RaisedBy, challenge.FindingId));
        Assert.Equal(TestUser.Liaison.Id, check.NoFurtherComments!.By);
        Assert.NotNull(check.ClosedAt);
    }

    [Fact]
    public async Task The_lead_inspector_removes_a_callers_name_from_a_challenge_and_its_answer_on_the_checks_page()
    {
        const string person = "Mr John Example";
        var view = await InCheckAsync("cumbria");
        var challengeId = Guid.NewGuid();
        await Send(HttpMethod.Post, $"/inspections/{view.Id}/factual-accuracy-check/challenges",
            new FactualAccuracy.RaiseChallenge(challengeId, $"{person}'s case was closed on 3 May, not 5 May.", null), TestUser.Liaison, 200);
        view = await View(view.Id);
        await Step(view, $"factual-accuracy-check/challenges/{challengeId}/resolution", new FactualAccuracy.ResolveChallenge(true, $"{person}'s case date corrected.", view.Version), TestUser.Lead);
        await using var browser = await Support.Browser.LaunchAsync();
        ILocator Form(OpenPage opened) =>
            opened.Page.Locator($"form[action='/console/checks/{view.Id}/actions/RedactChallenge']:has(input[name=challengeId][value='{challengeId}'])");

        var liaison = await SignInAsync(browser, TestUser.Liaison);
        await liaison.GoAsync("/console/checks");
        Assert.Equal(0, await Form(liaison).CountAsync()); // the lead inspector's or an administrator's

        var lead = await SignInAsync(browser, TestUser.Lead);
        await lead.GoAsync("/console/checks");
        var page = lead.Page;
        await page.Locator("details", new() { Has = Form(lead) }).Locator("summary").ClickAsync();
        Assert.Contains("It cannot be undone.", await Form(lead).InnerTextAsync());
        await Form(lead).GetByRole(AriaRole.Button).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal(1, await page.Locator($".govuk-error-summary a[href='#RedactChallenge-{challengeId}-reason']").CountAsync());
        Assert.Contains(person, Assert.Single((await CheckAsync(view.Id)).Challenges).Text); // nothing removed
        await AssertAccessibleAsync(lead, "checks-redaction-refused", 400);

        await Form(lead).GetByLabel("Why (kept with the redaction: say whose data and why, not the data itself)").FillAsync("A member of the public named in a challenge (request 2026-140).");
        await Form(lead).GetByRole(AriaRole.Button).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal("Remove personal data: done.", await NoticeAsync(page));
        var main = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain(person, main);
        Assert.Contains($"[redacted] (raised by {TestUser.Liaison.Id}", main);
        Assert.Contains($"Personal data removed by {TestUser.Lead.Id} on", main);
        Assert.Equal(0, await Form(lead).CountAsync()); // nothing left to remove
        // The force's liaison reads that personal data was removed, never the inspectorate's reason.
        await liaison.GoAsync("/console/checks");
        var seen = await liaison.Page.Locator("main").InnerTextAsync();
        Assert.Contains("Personal data removed on", seen);
        Assert.DoesNotContain("request 2026-140", seen);
        Assert.DoesNotContain(person, seen);
        await AssertAccessibleAsync(liaison, "checks-challenge-redacted");

        // Who raised and answered it, and the outcome, stay; no stored event of the inspection still holds the name.
        var challenge = Assert.Single((await CheckAsync(view.Id)).Challenges);
        Assert.Equal(("[redacted]", "[redacted]", true, TestUser.Liaison.Id), (challenge.Text, challenge.Reason, challenge.Accepted, challenge.RaisedBy));
        Assert.All(await EventsOf(view.Id), e => Assert.DoesNotContain("John Example", System.Text.Json.JsonSerializer.Serialize(e.Data, e.Data.GetType())));
        Assert.All(lead.ConsoleErrors, e => Assert.Matches(@"status of 400\b", e));
    }

    private async Task<FactualAccuracyCheck> CheckAsync(Guid inspectionId)
    {
        await using var session = App.Store.QuerySession();
        return (await session.LoadAsync<Inspection>(inspectionId))!.FactualAccuracy!;
    }
}
