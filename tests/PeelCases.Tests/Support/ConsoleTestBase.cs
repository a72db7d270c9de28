using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PeelCases.ReferenceData;
using PeelCases.Inspections;

namespace PeelCases.Tests.Support;

/// <summary>The console in a real browser: sign in as one of the demo team, read pages, act through forms, check accessibility.</summary>
public abstract class ConsoleTestBase(AppFixture app) : GradingTestBase(app)
{
    /// <summary>Signs in through the development sign-in page, in a browser context of its own.</summary>
    protected async Task<OpenPage> SignInAsync(Browser browser, TestUser user, bool javaScript = true, string start = "/console/sign-in")
    {
        var opened = await browser.OpenAsync(App.Host, start, javaScript: javaScript);
        await opened.Page.GetByLabel(new Regex($"\\({Regex.Escape(user.Id)}\\)")).CheckAsync();
        await opened.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await opened.Page.WaitForLoadStateAsync();
        return opened;
    }

    /// <summary>Clicks a form's button and waits for the page that answers it.</summary>
    protected static async Task SubmitAsync(IPage page, string button)
    {
        // The click waits for the navigation it starts to commit (redirect included); then the new page loads.
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>The success banner the console shows after an action.</summary>
    protected static async Task<string> NoticeAsync(IPage page) =>
        (await page.Locator(".govuk-notification-banner--success .govuk-notification-banner__heading").InnerTextAsync()).Trim();

    /// <summary>An inspection of the force in its factual accuracy check (2021/22, one graded question).</summary>
    protected async Task<InspectionView> InCheckAsync(string force)
    {
        var view = await BuildAsync(force, "peel-2021-22", "2021/22", 2021, new QuestionPlan("Q4", QuestionScope.Detailed, Grade.Good));
        view = await SummariseAsync(view);
        view = await Step(view, "sign-off", new InspectionStep(view.Version), TestUser.Hmi);
        // Opened on the test clock: the deadline message, due at once by the machine's clock, finds the deadline not
        // reached by the service's and waits (CheckDeadlineRules), so the check stays open through the test.
        return await Step(view, "factual-accuracy-check", new InspectionStep(view.Version), TestUser.Lead);
    }

    /// <summary>No serious or critical axe violation (WCAG 2.2 A and AA, best practice), no console error, and a screenshot under artifacts/console.</summary>
    protected static async Task AssertAccessibleAsync(OpenPage opened, string screenshot, int status = 200)
    {
        var result = await opened.Page.RunAxe(Accessibility.Wcag);
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{opened.Page.Url}: " + string.Join("\n", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => n.Html))}")));
        Assert.True(result.Passes.Length > 10, $"axe ran only {result.Passes.Length} passing rules");
        // A 403 or 404 page's own status is the one error the browser logs for it.
        var errors = opened.ConsoleErrors.Where(e => status == 200 || !e.Contains($"status of {status}")).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var directory = Path.Combine(Artifacts, "console");
        Directory.CreateDirectory(directory);
        await opened.Page.ScreenshotAsync(new() { Path = Path.Combine(directory, screenshot + ".png"), FullPage = true });
    }

    /// <summary>artifacts/ at the top of the repository (the tests run from their bin folder).</summary>
    private static string Artifacts
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PeelCases.sln"))) dir = dir.Parent;
            return Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "artifacts");
        }
    }
}
