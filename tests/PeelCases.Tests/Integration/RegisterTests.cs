using PeelCases.Findings;
using Alba;
using PeelCases.Import;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;
using PeelCases.Tests.Support;

namespace PeelCases.Tests.Integration;

/// <summary>Causes of concern and areas for improvement followed across cycles: the register, the next inspection, its page.</summary>
public sealed class RegisterTests(AppFixture app) : GradingTestBase(app)
{
    private static readonly TestUser Admin = new("ada.admin", [Roles.Administrator]);

    [Fact]
    public async Task A_2017_cause_of_concern_is_followed_to_achieved_in_2018_19_and_the_2018_19_page_shows_its_status()
    {
        await Post<ImportReport>("/history/imports", ImportTests.Durham(f3In2016: Grade.Good, f3In2017: Grade.Inadequate), Admin);
        var register = await Get<List<RegisterItem>>("/forces/durham/register", TestUser.Lead);
        var concern = register.Single(i => i is { Cycle: "2017", QuestionCode: "F3", Kind: FindingKind.CauseOfConcern, RecommendationNumber: null });
        Assert.Equal(FollowUpStatus.Open, concern.Status);
        // Its recommendation, to act within six months, falls due six months after the report was published.
        Assert.Equal(concern.PublishedOn.AddMonths(6), register.Single(i => i.FindingId == concern.FindingId && i.RecommendationNumber == 1).DueOn);

        // The 2018/19 inspection carries over F2, the question that replaced 2017's F3: it sees the open cause of concern there.
        var later = await BuildAsync("durham", "peel-2018-19", "2018/19", 2018, new QuestionPlan("F2", QuestionScope.CarryOver));
        var earlier = Assert.Single(await Get<List<EarlierFinding>>($"/inspections/{later.Id}/earlier-findings", TestUser.Lead), e => e.Item.RecommendationNumber is null);
        Assert.Equal(("F2", concern.FindingId, false), (earlier.Question, earlier.Item.FindingId, earlier.RecordedHere));

        var finding = await Get<Finding>($"/inspections/{concern.InspectionId}/findings/{concern.FindingId}", TestUser.Lead);
        var url = $"/inspections/{concern.InspectionId}/findings/{concern.FindingId}/follow-ups";
        App.Clock.Advance(TimeSpan.FromMinutes(1)); // the notes are recorded after the later inspection's last version
        var achieved = new FollowUpFinding(null, FollowUpStatus.Achieved, "The force has responded positively and achieved it in full.", later.Id,
            new DateOnly(2018, 10, 1), finding.Version);
        await Problem(HttpMethod.Post, url, achieved, TestUser.Inspector, 403);
        await Problem(HttpMethod.Post, url, achieved with { RecommendationNumber = 9 }, TestUser.Lead, 404);
        await Problem(HttpMethod.Post, url, achieved with { EffectiveOn = new DateOnly(2018, 10, 2) }, TestUser.Lead, 400);
        finding = await Post<Finding>(url, achieved, TestUser.Lead);
        finding = await Post<Finding>(url, new FollowUpFinding(1, FollowUpStatus.Achieved, "This recommendation is complete.", later.Id, new DateOnly(2018, 10, 1), finding.Version), TestUser.Lead);

        register = await Get<List<RegisterItem>>("/forces/durham/register", TestUser.Lead);
        Assert.All(register.Where(i => i.FindingId == concern.FindingId), i => Assert.Equal((FollowUpStatus.Achieved, later.Id), (i.Status, i.RecordedIn)));
        // As it stood before: open.
        Assert.Equal(FollowUpStatus.Open, (await Get<List<RegisterItem>>("/forces/durham/register?on=2018-09-30", TestUser.Lead))
            .Single(i => i.FindingId == concern.FindingId && i.RecommendationNumber is null).Status);
        Assert.DoesNotContain(await Get<List<RegisterItem>>("/register?status=Open&cycle=2017", TestUser.Moderator), i => i.FindingId == concern.FindingId);
        Assert.True(Assert.Single(await Get<List<EarlierFinding>>($"/inspections/{later.Id}/earlier-findings", TestUser.Lead), e => e.Item.RecommendationNumber is null).RecordedHere);
        // The question as it stood at its last version, before the notes were recorded: open, nothing recorded here; and now.
        var asOf = $"/inspections/{later.Id}/questions/F2/as-of";
        var then = (await Get<PeelCases.Audit.QuestionAsOf>($"{asOf}?version={later.Version}", TestUser.Moderator)).EarlierFindings;
        Assert.Equal([(null, FollowUpStatus.Open, false), (1, FollowUpStatus.Open, false)],
            then.Select(e => (e.Item.RecommendationNumber, e.Item.Status, e.RecordedHere)).ToArray());
        Assert.All((await Get<PeelCases.Audit.QuestionAsOf>(asOf, TestUser.Moderator)).EarlierFindings,
            e => Assert.Equal((FollowUpStatus.Achieved, true), (e.Item.Status, e.RecordedHere)));
        // The question's trail shows the follow-up of the earlier finding it looked at again.
        var trail = await Get<PeelCases.Audit.GradeTrailView>($"/inspections/{later.Id}/questions/F2/trail", TestUser.Moderator);
        Assert.Contains(trail.EarlierFindings!, e => e.Item.FindingId == concern.FindingId && e.Item.Status == FollowUpStatus.Achieved && e.RecordedHere);

        var page = (await App.Host.Scenario(s =>
        {
            s.Get.Url("/reports/durham/peel-2018-19/efficiency").Accepts("text/markdown");
            s.WithBearerToken(App.TokenFor(TestUser.Lead));
        })).ReadAsText();
        Assert.Contains("However, Durham Constabulary had one cause of concern in our 2017 inspection. This was:", page);
        Assert.Contains("The force has achieved this in full.", page);
    }

    [Fact]
    public async Task A_2021_22_inspection_looks_again_at_the_2018_19_areas_for_improvement_its_areas_took_up_and_says_why()
    {
        static PublishedQuestion Q(string code, Grade grade, FindingKind kind) => new(code, QuestionScope.Detailed, grade, new DateOnly(2019, 3, 4),
            $"The summary the report gives for {code}.", [new PublishedFinding(kind, "Area for improvement", $"The force should improve on {code}.")]);
        var report = await Post<ImportReport>("/history/imports", new PublishedRecord("HMICFRS PEEL 2018/19, North Wales Police",
        [
            new(null, "north-wales", "peel-2018-19", null, new(2018, 10, 8), new(2018, 10, 19),
                [Q("E1", Grade.Good, FindingKind.Strength), Q("E2", Grade.RequiresImprovement, FindingKind.AreaForImprovement),
                 Q("E3", Grade.RequiresImprovement, FindingKind.AreaForImprovement), Q("E4", Grade.Good, FindingKind.AreaForImprovement)],
                [new PublishedPillar("effectiveness", Grade.Good, new DateOnly(2019, 3, 11), "North Wales is good at effectiveness.")],
                new(2019, 5, 2), "https://example.org/peel-2018/north-wales/effectiveness"),
        ]), Admin);
        Assert.Empty(report.Refused);

        // The revised 2021/22 framework (fieldwork from May 2022): areas, not the pillars' questions, and no grade carried across.
        var starts = new DateOnly(2022, 5, 9);
        var later = await ScheduleAsync(new ScheduleInspection(null, "north-wales", "2021/22", "peel-2021-22", ["PC", "IC", "PV", "MO"], "lena.lead",
            starts, starts.AddDays(11), Commands.Team));
        var earlier = await Get<List<EarlierFinding>>($"/inspections/{later.Id}/earlier-findings", TestUser.Lead);
        // E2 (investigating crime and reducing re-offending) under both areas that took it up; E3 under protecting vulnerable people;
        // E4 (serious and organised crime) under none, since it left PEEL's areas in the revision; E1 had no area for improvement.
        Assert.Equal([("IC", "E2"), ("MO", "E2"), ("PV", "E3")], earlier.Select(e => (e.Question, e.Item.QuestionCode)).Order().ToArray());
        Assert.All(earlier, e => Assert.Contains("progress against causes of concern and areas for improvement", e.Why));
        Assert.Contains("reducing re-offending", earlier.Single(e => e.Question == "MO").Why);

        // The lead inspector says where it stands from the 2021/22 inspection; the register and the question follow.
        var item = earlier.Single(e => e.Question == "PV").Item;
        var url = $"/inspections/{item.InspectionId}/findings/{item.FindingId}";
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await Post<Finding>($"{url}/follow-ups", new FollowUpFinding(null, FollowUpStatus.InProgress, "Risk assessments are better but not yet consistent.",
            later.Id, DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime), (await Get<Finding>(url, TestUser.Lead)).Version), TestUser.Lead);
        var now = Assert.Single(await Get<List<EarlierFinding>>($"/inspections/{later.Id}/earlier-findings", TestUser.Lead), e => e.Question == "PV");
        Assert.Equal((FollowUpStatus.InProgress, true), (now.Item.Status, now.RecordedHere));
        Assert.Contains(await Get<List<RegisterItem>>("/forces/north-wales/register", TestUser.Lead),
            i => i.FindingId == item.FindingId && i.Status == FollowUpStatus.InProgress && i.RecordedIn == later.Id);

        // E2 is looked at again under two areas, but the report (here its draft) says where it stands once, under the first.
        var e2 = earlier.First(e => e.Question == "IC").Item;
        var e2Url = $"/inspections/{e2.InspectionId}/findings/{e2.FindingId}";
        await Post<Finding>($"{e2Url}/follow-ups", new FollowUpFinding(null, FollowUpStatus.Addressed, "Investigations are supervised.",
            later.Id, DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime), (await Get<Finding>(e2Url, TestUser.Lead)).Version), TestUser.Lead);
        Assert.Equal(2, (await Get<List<EarlierFinding>>($"/inspections/{later.Id}/earlier-findings", TestUser.Lead)).Count(e => e.Item.FindingId == e2.FindingId && e.RecordedHere));
        var draft = (await App.Host.Scenario(s =>
        {
            s.Get.Url("/reports/north-wales/peel-2021-22").Accepts("text/markdown");
            s.WithBearerToken(App.TokenFor(TestUser.Lead));
        })).ReadAsText();
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(draft, "The force should improve on E2"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(draft, "The force should improve on E3"));
    }

    [Fact]
    public async Task An_accelerated_cause_of_concern_is_raised_in_fieldwork_published_before_the_report_and_carried_into_it_and_the_register()
    {
        var view = await ScheduleAsync(Commands.Schedule(questions: ["E3"]));
        view = await StartFieldworkAsync(await ScopeAsync(view, "E3", QuestionScope.Detailed));
        var evidence = await RecordAsync(view.Id);
        var finding = await DraftAsync(view.Id, "E3", evidence.Id, FindingKind.CauseOfConcern, "Answering emergency calls",
            [new RecommendationInput("Answer every emergency call.", new RecommendationDeadline(DeadlineKind.Immediately))]);
        var url = $"/inspections/{view.Id}/findings/{finding.Id}/acceleration";
        var page = $"/reports/cumbria/accelerated/{finding.Id}";

        await Problem(HttpMethod.Post, url, new AccelerateCauseOfConcern("Calls unanswered.", finding.Version), TestUser.Inspector, 403);
        finding = await Post<Finding>(url, new AccelerateCauseOfConcern("Emergency calls go unanswered: a risk to public safety.", finding.Version), TestUser.Lead);
        Assert.Null(finding.Accelerated!.PublishedOn);
        await Send(HttpMethod.Get, page, null, null, 404); // not public until the HMI publishes it
        await Problem(HttpMethod.Post, $"{url}/publication", new PublishAcceleratedCauseOfConcern(new DateOnly(2018, 10, 1), finding.Version), TestUser.Lead, 403);
        await Problem(HttpMethod.Post, $"{url}/publication", new PublishAcceleratedCauseOfConcern(new DateOnly(2018, 10, 2), finding.Version), TestUser.Hmi, 400);
        finding = await Post<Finding>($"{url}/publication", new PublishAcceleratedCauseOfConcern(new DateOnly(2018, 10, 1), finding.Version), TestUser.Hmi);

        var published = (await App.Host.Scenario(s => { s.Get.Url(page).Accepts("text/markdown"); })).ReadAsText();
        Assert.Contains("# Cumbria Constabulary: accelerated cause of concern", published);
        Assert.Contains("Published 01/10/2018", published);
        Assert.Contains("We recommend that the force should immediately:", published);
        Assert.DoesNotContain("public safety", published); // the reason for accelerating is internal
        await Send(HttpMethod.Get, $"/reports/kent/accelerated/{finding.Id}", null, null, 404);
        // The force's public list of reports links to it, ahead of the report itself.
        var listed = (await App.Host.Scenario(s => s.Get.Url("/reports/cumbria").Accepts("text/markdown"))).ReadAsText();
        Assert.Contains($"- [Answering emergency calls]({page}): published 01/10/2018", listed);

        // In the register from its own publication, ahead of the report, and followed up like any other.
        var item = (await Get<List<RegisterItem>>("/forces/cumbria/register", TestUser.Lead)).Single(i => i.FindingId == finding.Id && i.RecommendationNumber is null);
        Assert.Equal((new DateOnly(2018, 10, 1), FollowUpStatus.Open), (item.PublishedOn, item.Status));
        await Post<Finding>($"/inspections/{view.Id}/findings/{finding.Id}/follow-ups",
            new FollowUpFinding(null, FollowUpStatus.InProgress, "The force has added call handlers.", null, new DateOnly(2018, 10, 1), finding.Version), TestUser.Lead);
        // And in the report, saying it was published ahead of it.
        var report = (await App.Host.Scenario(s =>
        {
            s.Get.Url("/reports/cumbria/peel-2018-19/effectiveness?draft=true").Accepts("text/markdown");
            s.WithBearerToken(App.TokenFor(TestUser.Lead));
        })).ReadAsText();
        Assert.Contains("We published this cause of concern on 1 October 2018, ahead of this report.", report);
    }
    [Fact]
    public async Task An_accelerated_cause_of_concern_stands_as_a_later_inspection_followed_it_up_once_that_report_is_published()
    {
        // 2023–25: leadership's cause of concern published ahead of the report.
        var view = await ScheduleAsync(Commands.Schedule("humberside", "peel-2023-25", "2023-25", null, "LF"));
        view = await StartFieldworkAsync(await ScopeAsync(view, "LF", QuestionScope.Detailed));
        var evidence = await RecordAsync(view.Id, Commands.Evidence(on: Commands.FieldworkStarts.AddYears(5).AddDays(1), questions: ["LF"]));
        var concern = await DraftAsync(view.Id, "LF", evidence.Id, FindingKind.CauseOfConcern, "Managing the workforce",
            [new RecommendationInput("Fill every supervisor's post.", new RecommendationDeadline(DeadlineKind.Immediately))]);
        var url = $"/inspections/{view.Id}/findings/{concern.Id}";
        concern = await Post<Finding>($"{url}/acceleration", new AccelerateCauseOfConcern("Investigations go unsupervised.", concern.Version), TestUser.Lead);
        var today = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);
        concern = await Post<Finding>($"{url}/acceleration/publication", new PublishAcceleratedCauseOfConcern(today, concern.Version), TestUser.Hmi);
        var page = $"/reports/humberside/accelerated/{concern.Id}";

        // 2025–27: the next inspection's first question looks at it again, and its lead inspector says it is addressed.
        var later = await BuildAsync("humberside", "peel-2025-27", "2025-27", 2026, new QuestionPlan("Q1", QuestionScope.Detailed, Grade.Good));
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await Post<Finding>($"{url}/follow-ups", new FollowUpFinding(null, FollowUpStatus.Addressed, "Every post is filled.", later.Id, today,
            (await Get<Finding>(url, TestUser.Lead)).Version), TestUser.Lead);
        string Standing(string markdown) => markdown.Split('\n').SingleOrDefault(l => l.StartsWith("Where it stands:")) ?? "";
        // Until the later report is published, that is the later team's working note: the page says nothing of it.
        Assert.Equal("", Standing((await App.Host.Scenario(s => s.Get.Url(page).Accepts("text/markdown"))).ReadAsText()));

        later = await SummariseAsync(later);
        later = await Step(later, "sign-off", new InspectionStep(later.Version), TestUser.Hmi);
        later = await Step(later, "factual-accuracy-check", new InspectionStep(later.Version), TestUser.Lead);
        await Send(HttpMethod.Post, $"/inspections/{later.Id}/factual-accuracy-check/no-further-comments", null,
            TestUser.Liaison with { Id = "humberside.liaison", ForceId = "humberside" }, 200);
        later = await Step(await View(later.Id), "factual-accuracy-check/closure", new InspectionStep((await View(later.Id)).Version), TestUser.Lead);
        await Step(later, "publication", new Publishing.PublishReport(today, later.Version), TestUser.Hmi);
        Assert.Equal($"Where it stands: {PeelCases.Reporting.ReportPages.StatusLine(FollowUpStatus.Addressed)} (from {today:dd/MM/yyyy})",
            Standing((await App.Host.Scenario(s => s.Get.Url(page).Accepts("text/markdown"))).ReadAsText()));
    }
}
