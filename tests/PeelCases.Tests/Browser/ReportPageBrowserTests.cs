using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PeelCases.Demo;
using PeelCases.Inspections;
using PeelCases.ReferenceData;
using PeelCases.Tests.Support;

namespace PeelCases.Tests.Browser;

/// <summary>
/// Report pages in a real browser: axe-core finds no accessibility violation (WCAG 2.2 A and AA rules) on screen
/// or in print, the page's own Content-Security-Policy refuses nothing the page needs, and the stylesheet applies.
/// </summary>
public sealed class ReportPageBrowserTests(AppFixture app) : GradingTestBase(app)
{
    [Fact]
    public async Task The_published_Cumbria_page_is_axe_clean_on_screen_and_in_print_under_its_own_policy()
    {
        await new DemoData().Populate(App.Store, CancellationToken.None);
        await using var browser = await Support.Browser.LaunchAsync();

        var opened = await browser.OpenAsync(App.Host, CumbriaReference.Url);

        Assert.Equal(200, opened.Status);
        await AssertReadable(opened);
        // The stylesheet (served from the site, as the policy allows) applies.
        Assert.Equal("Arial, sans-serif", await opened.Page.EvaluateAsync<string>("getComputedStyle(document.body).fontFamily"));
        await opened.Page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.Equal("11pt", await opened.Page.EvaluateAsync<string>("(() => { const s = getComputedStyle(document.body).fontSize; return Math.round(parseFloat(s) * 0.75) + 'pt'; })()"));
        await AssertReadable(opened);
    }

    [Fact]
    public async Task An_integrated_draft_with_its_table_of_area_grades_is_axe_clean()
    {
        var view = await BuildAsync("surrey", "peel-2021-22", "2021/22", 2022,
            new("VS", QuestionScope.Ungraded), new("CD", QuestionScope.Detailed, Grade.Adequate), new("PC", QuestionScope.Detailed, Grade.Good));
        await SummariseAsync(view);
        await using var browser = await Support.Browser.LaunchAsync();

        var opened = await browser.OpenAsync(App.Host, "/reports/surrey/peel-2021-22", App.TokenFor(TestUser.Lead));

        Assert.Equal(200, opened.Status);
        Assert.Equal("DRAFT — not published. For people entitled to see the draft only.", (await opened.Page.GetByRole(AriaRole.Alert).InnerTextAsync()).Trim());
        Assert.Equal(["Area", "Grade"], await opened.Page.Locator("table thead th").AllInnerTextsAsync());
        await AssertReadable(opened);
    }

    private static async Task AssertReadable(OpenPage opened)
    {
        var result = await opened.Page.RunAxe(Accessibility.Wcag);
        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Select(n => n.Html))}")));
        Assert.True(result.Passes.Length > 10, $"axe ran only {result.Passes.Length} passing rules");
        Assert.True(opened.ConsoleErrors.Count == 0, string.Join("\n", opened.ConsoleErrors));
    }
}
