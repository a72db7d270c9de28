using Microsoft.Playwright;
using PeelCases.Demo;
using PeelCases.Tests.Support;

namespace PeelCases.Tests.Browser;

/// <summary>
/// Every route the console serves, with the demo data, in Chromium: axe-core finds no serious or critical violation,
/// the browser refuses nothing under the nonce-based policy (no console error), and each page's screenshot is saved
/// under artifacts/console.
/// </summary>
public sealed class ConsoleAccessibilityTests(AppFixture app) : ConsoleTestBase(app)
{
    [Fact]
    public async Task Every_console_route_is_axe_clean_under_the_services_policy()
    {
        await new DemoData().Populate(App.Store, CancellationToken.None);
        var kent = DemoData.Kent2021;
        var cumbria = DemoData.Cumbria2018;
        await using var browser = await Support.Browser.LaunchAsync();

        var signIn = await browser.OpenAsync(App.Host, "/console/sign-in");
        Assert.Equal(200, signIn.Status);
        await AssertAccessibleAsync(signIn, "sign-in");

        var lead = await SignInAsync(browser, TestUser.Lead);
        foreach (var (path, name) in new[]
                 {
                     ("/console/board", "board"),
                     ("/console/board?cycle=2021%2F22&sort=newest", "board-filtered"),
                     ($"/console/inspections/{kent}", "inspection"),
                     ($"/console/inspections/{kent}/questions/Q3", "question-fieldwork"),
                     ($"/console/inspections/{cumbria}/questions/E3", "question-awarded"),
                     ($"/console/inspections/{cumbria}/questions/E3?on=2018-11-01", "question-as-it-stood"),
                     ($"/console/inspections/{cumbria}/questions/E3?compareFrom=1", "question-what-changed"),
                     ($"/console/inspections/{cumbria}/questions/E1", "question-carried-over"),
                     ("/console/moderation", "moderation-queue"),
                     ("/console/moderation/comparison", "moderation-comparison-empty"),
                     ("/console/moderation/comparison?cycle=2018%2F19&question=E3", "moderation-comparison"),
                     ("/console/moderation/proposers?cycle=2018%2F19", "moderation-proposers"),
                     ($"/console/inspections/{kent}/report", "report-preview"),
                     ("/console/forces/cumbria", "force"),
                     ("/console/forces?open=true", "forces-open"),
                     ("/console/inspections/new", "schedule"),
                     ("/console/inspections/new?forceId=norfolk&framework=peel-2021-22%401", "schedule-questions"),
                     ($"/console/inspections/{Guid.NewGuid()}", "not-found"),
                 })
        {
            var status = await lead.GoAsync(path);
            Assert.True(status == (name == "not-found" ? 404 : 200), $"{path}: {status}");
            await AssertAccessibleAsync(lead, name, status);
        }

        // A refusal: the form comes back with the service's messages as a GOV.UK error summary.
        await lead.GoAsync($"/console/inspections/{kent}/questions/Q3");
        await SubmitAsync(lead.Page, "Record evidence (Q3)");
        Assert.Equal(1, await lead.Page.Locator(".govuk-error-summary").CountAsync());
        await AssertAccessibleAsync(lead, "refused-action", 400);

        // A check open with a challenge awaiting its answer: the liaison's forms and the lead inspector's.
        var check = await InCheckAsync("cumbria");
        await Send(HttpMethod.Post, $"/inspections/{check.Id}/factual-accuracy-check/challenges",
            new PeelCases.FactualAccuracy.RaiseChallenge(Guid.NewGuid(), "The draft gives the wrong date for the new control room.", null), TestUser.Liaison, 200);
        await lead.GoAsync("/console/checks");
        Assert.Equal(1, await lead.Page.Locator($"form[action='/console/checks/{check.Id}/actions/ResolveChallenge']").CountAsync());
        await AssertAccessibleAsync(lead, "checks-inspectorate");

        var liaison = await SignInAsync(browser, TestUser.Liaison);
        await liaison.GoAsync("/console/checks");
        Assert.Equal(1, await liaison.Page.Locator($"form[action='/console/checks/{check.Id}/actions/RaiseChallenge']").CountAsync());
        await AssertAccessibleAsync(liaison, "checks");
        Assert.Equal(403, await liaison.GoAsync("/console/board"));
        await AssertAccessibleAsync(liaison, "forbidden", 403);
    }
}
