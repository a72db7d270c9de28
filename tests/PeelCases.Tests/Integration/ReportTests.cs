using System.Net;
using System.Text.RegularExpressions;
using PeelCases.Tests.Support;
using PeelCases.Demo;
using PeelCases.Fieldwork;
using PeelCases.Findings;
using PeelCases.Inspections;
using PeelCases.Publishing;
using PeelCases.Reporting;

namespace PeelCases.Tests.Integration;

public sealed class ReportTests(AppFixture app) : GradingTestBase(app)
{
    private const string CumbriaUrl = CumbriaReference.Url;

    private async Task<string> Page(string url, string accept, TestUser? user = null, int status = 200)
    {
        var result = await App.Host.Scenario(s =>
        {
            s.Get.Url(url).Accepts(accept);
            if (user is not null) s.WithBearerToken(App.TokenFor(user));
            s.StatusCodeShouldBe(status);
        });
        return result.ReadAsText();
    }

    private async Task<ReportPage> Model(string url, TestUser? user = null) =>
        System.Text.Json.JsonSerializer.Deserialize<ReportPage>(await Page(url, "application/json", user), AppFixture.Json)!;

    [Fact]
    public async Task The_Cumbria_page_follows_the_reference_report_with_the_year_of_question_2_corrected()
    {
        await new DemoData().Populate(App.Store, CancellationToken.None);
        CumbriaReference.AssertMatches(await Page(CumbriaUrl, "text/markdown"), await Model(CumbriaUrl), await Page(CumbriaUrl, "text/html"));
    }

    [Fact]
    public async Task A_force_lists_its_published_reports_for_the_public_newest_first_and_nothing_unpublished()
    {
        await new DemoData().Populate(App.Store, CancellationToken.None);
        var markdown = await Page("/reports/cumbria", "text/markdown");
        Assert.StartsWith("# Cumbria Constabulary: PEEL reports", markdown);
        var links = Regex.Matches(markdown, @"^- \[([^\]]+)\]\(([^)]+)\): published (\S+)", RegexOptions.Multiline).Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value)).ToList();
        // The demo's three effectiveness reports, as their own pages are addressed; 2018/19's first.
        Assert.Equal(("PEEL 2018/19: Effectiveness", CumbriaUrl, "02/05/2019"), links[0]);
        Assert.Contains(links, l => l.Item1 == "PEEL 2017: Effectiveness" && l.Item2 == "/reports/cumbria/peel-2017/effectiveness");
        Assert.Contains(links, l => l.Item1 == "PEEL 2016: Effectiveness" && l.Item2 == "/reports/cumbria/peel-2016/effectiveness");
        foreach (var (_, href, _) in links) await Page(href, "text/html"); // each one is there, to anyone

        var html = await Page("/reports/cumbria", "text/html");
        Assert.Contains($"<a href=\"{CumbriaUrl}\">PEEL 2018/19: Effectiveness</a>", html);
        var model = System.Text.Json.JsonSerializer.Deserialize<ForceReportsPage>(await Page("/reports/cumbria", "application/json"), AppFixture.Json)!;
        Assert.Equal(links.Count, model.Reports.Count);
        // An inspection not yet published is not listed: the force says it has nothing published. An unknown force is 404.
        await ScheduleAsync(Commands.Schedule(force: "norfolk", questions: ["E3"]));
        Assert.Contains("No reports have been published yet.", await Page("/reports/norfolk", "text/html"));
        await Page("/reports/nowhere", "text/html", status: 404);
    }

    [Fact]
    public async Task A_page_reads_and_prints_without_inline_style_or_script_under_its_own_policy_with_headings_in_order()
    {
        await new DemoData().Populate(App.Store, CancellationToken.None);
        var result = await App.Host.Scenario(s => s.Get.Url(CumbriaUrl).Accepts("text/html"));
        var html = result.ReadAsText();
        Assert.Matches("^default-src 'none'; script-src 'nonce-[^']+' 'strict-dynamic'; style-src 'self'; ", result.Context.Response.Headers.ContentSecurityPolicy.ToString());
        Assert.Contains("<html lang=\"en-GB\">", html);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/assets/report.css\"", html);
        Assert.DoesNotContain("<style", html);
        Assert.DoesNotContain(" style=", html);
        Assert.DoesNotContain("<script", html);
        // Headings never skip a level: h1, then h2, then h3 …
        var levels = System.Text.RegularExpressions.Regex.Matches(html, "<h([1-6])>").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(1, levels[0]);
        Assert.All(levels.Zip(levels.Skip(1)), pair => Assert.True(pair.Second <= pair.First + 1, $"h{pair.First} is followed by h{pair.Second}"));

        var css = await App.Host.Scenario(s => s.Get.Url("/assets/report.css"));
        Assert.Equal("text/css; charset=utf-8", css.Context.Response.ContentType);
        Assert.Contains("@media print", css.ReadAsText());
    }

    [Fact]
    public async Task Unpublished_reports_are_404_to_the_public_and_a_marked_draft_to_those_entitled()
    {
        await new DemoData().Populate(App.Store, CancellationToken.None);
        await Page("/reports/kent/peel-2021-22", "text/html", null, 404);
        await Page("/reports/kent/peel-2021-22", "text/html", TestUser.Liaison with { ForceId = "kent" }, 404);
        var draft = await Page("/reports/kent/peel-2021-22", "text/html", TestUser.Inspector);
        Assert.Contains("DRAFT — not published", draft);
        Assert.Contains("<h1>Kent Police</h1>", draft);
        Assert.Contains("How good is the force at responding to the public?", draft);
        await Page("/reports/kent/peel-2021-22/effectiveness", "text/html", TestUser.Inspector, 404);
        await Page("/reports/cumbria/peel-2018-19/legitimacy", "text/html", null, 404);
        await Page("/reports/cumbria/2018", "text/html", null, 404);
        await Page($"{CumbriaUrl}?version=7", "text/html", null, 404);
        await Page($"{CumbriaUrl}?draft=true", "text/html", null, 404);
        var draftPage = await Page($"{CumbriaUrl}?draft=true", "text/html", TestUser.Moderator);
        Assert.Contains("DRAFT", draftPage);
        Assert.DoesNotContain("PEEL reports</a>", draftPage); // a draft leads to nothing public
    }

    [Fact]
    public async Task Hostile_finding_text_renders_as_text()
    {
        var view = await ScheduleAsync(Commands.Schedule(force: "gwent", questions: ["E3"]));
        view = await StartFieldworkAsync(await ScopeAsync(view, "E3", QuestionScope.Detailed));
        var evidence = await RecordAsync(view.Id, Commands.Evidence(questions: ["E3"]));
        await Post<Finding>($"/inspections/{view.Id}/findings", new DraftFinding(Guid.NewGuid(), "E3", "<b onmouseover=alert(1)>Heading</b>",
            FindingKind.Strength, "Officers said <script>alert('x')</script> & [click](javascript:alert(1)) **loudly**", [evidence.Id]), TestUser.Inspector, 201);

        var html = await Page("/reports/gwent/peel-2018-19/effectiveness", "text/html", TestUser.Lead);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<b onmouseover", html);
        Assert.Contains("&lt;script&gt;", html);
        var markdown = await Page("/reports/gwent/peel-2018-19/effectiveness", "text/markdown", TestUser.Lead);
        Assert.Contains("&lt;script&gt;", markdown);
        Assert.Contains("\\[click\\](javascript:alert(1)) \\*\\*loudly\\*\\*", markdown);
    }

    [Fact]
    public async Task Publishing_again_adds_a_version_and_the_old_one_stays_as_it_was()
    {
        await new DemoData().Populate(App.Store, CancellationToken.None);
        var finding = (await Get<List<Finding>>($"/inspections/{DemoData.Cumbria2018}/findings?question=E3", TestUser.Lead))
            .First(f => f.Content.Heading == "Responding to incidents");
        var corrected = "Corrected after publication: the constabulary responds to incidents quickly enough to keep people safe.";
        await Post<Finding>($"/inspections/{DemoData.Cumbria2018}/findings/{finding.Id}/revisions",
            new ReviseFinding(finding.Content.Heading, finding.Content.Kind, corrected, finding.Content.CitedEvidenceIds, null, "Factual correction", 1),
            TestUser.Inspector);

        // Until it is published again, the published page does not change.
        Assert.DoesNotContain(corrected, await Page(CumbriaUrl, "text/markdown"));

        var view = await View(DemoData.Cumbria2018);
        await Tracked(() => Post<InspectionView>($"/inspections/{view.Id}/publication", new PublishReport(new DateOnly(2019, 6, 10), view.Version), TestUser.Hmi));
        var latest = await Model(CumbriaUrl);
        Assert.Equal((2, new DateOnly(2019, 6, 10)), (latest.Version, latest.LastUpdated));
        Assert.Contains(corrected, latest.Questions[2].Sections.Single(s => s.Heading == "Responding to incidents").Paragraphs);
        Assert.Equal([1, 2], latest.Versions.Select(v => v.Version));

        var first = await Model($"{CumbriaUrl}?version=1");
        Assert.Equal((1, new DateOnly(2019, 5, 2)), (first.Version, first.LastUpdated));
        Assert.DoesNotContain(corrected, first.Questions[2].Sections.SelectMany(s => s.Paragraphs));
        Assert.StartsWith("As part of our inspection we reviewed", first.Questions[2].Sections.Single(s => s.Heading == "Responding to incidents").Paragraphs[0]);
    }
}
