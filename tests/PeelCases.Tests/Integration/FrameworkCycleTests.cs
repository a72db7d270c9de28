using PeelCases.Audit;
using PeelCases.FactualAccuracy;
using PeelCases.Grading;
using PeelCases.HmiSignOff;
using PeelCases.Findings;
using PeelCases.Inspections;
using PeelCases.Moderation;
using PeelCases.Publishing;
using PeelCases.ReferenceData;
using PeelCases.Reporting;
using Alba;
using PeelCases.Tests.Support;
using Wolverine.Tracking;

namespace PeelCases.Tests.Integration;

/// <summary>
/// The pillars of 2017 as separate inspections, and judgments that follow a question into the
/// cycle that replaced it through a lineage mapping stated in the data.
/// </summary>
public sealed class FrameworkCycleTests(AppFixture app) : GradingTestBase(app)
{
    [Fact]
    public async Task A_2017_efficiency_inspection_is_graded_and_published_on_its_own_date()
    {
        var view = await BuildAsync("durham", "peel-2017", "2017", 2017,
            new("F1", QuestionScope.Detailed, Grade.Outstanding), new("F2", QuestionScope.Detailed, Grade.Outstanding), new("F3", QuestionScope.Detailed, Grade.Good));
        Assert.Equal(2, view.FrameworkVersion);
        Assert.Equal([1, 2, 3], view.Questions.Select(q => q.Number));
        var pillar = Assert.Single(view.Pillars);
        Assert.Equal(("efficiency", "How efficient is the force at keeping people safe and reducing crime?"), (pillar.Code, pillar.HeadlineQuestion));

        await PublishAsync(view, "efficiency", Grade.Outstanding, new DateOnly(2017, 11, 9));

        var page = await PageAsync("/reports/durham/peel-2017/efficiency");
        Assert.Equal(new DateOnly(2017, 11, 9), page.LastUpdated);
        Assert.Equal("Outstanding", page.OverallGrade);
    }

    [Fact]
    public async Task A_forces_2017_pillars_are_inspections_of_their_own_each_page_with_its_own_date()
    {
        var efficiency = await BuildAsync("gwent", "peel-2017", "2017", 2017, new QuestionPlan("F2", QuestionScope.Detailed, Grade.Good));
        var effectiveness = await BuildAsync("gwent", "peel-2017", "2017", 2017, new QuestionPlan("E3", QuestionScope.Detailed, Grade.RequiresImprovement));
        Assert.NotEqual(efficiency.Id, effectiveness.Id);
        var overlap = await Problem(HttpMethod.Post, "/inspections", Commands.Schedule(force: "gwent", framework: "peel-2017", cycle: "2017", questions: ["E1"]) with
            { FieldworkStarts = new DateOnly(2017, 9, 11), FieldworkEnds = new DateOnly(2017, 9, 22) }, TestUser.Lead, 409);
        Assert.Contains($"Gwent Police already has an inspection of effectiveness for cycle 2017 ({effectiveness.Id})", overlap.Detail);

        await PublishAsync(efficiency, "efficiency", Grade.Good, new DateOnly(2017, 11, 9));
        await PublishAsync(effectiveness, "effectiveness", Grade.RequiresImprovement, new DateOnly(2018, 3, 22));
        Assert.Equal((new DateOnly(2017, 11, 9), "Good"), await DateAndGrade("/reports/gwent/peel-2017/efficiency"));
        Assert.Equal((new DateOnly(2018, 3, 22), "Requires improvement"), await DateAndGrade("/reports/gwent/peel-2017/effectiveness"));
        await Problem(HttpMethod.Get, "/reports/gwent/peel-2017/legitimacy", null, null, 404);
    }

    [Fact]
    public async Task A_2021_22_inspection_after_the_revision_assesses_areas_with_an_ungraded_one_holding_a_graded_topic()
    {
        // Fieldwork in October 2022: the framework as revised in March 2022 applies.
        var view = await BuildAsync("surrey", "peel-2021-22", "2021/22", 2022,
            new("VS", QuestionScope.Ungraded), new("CD", QuestionScope.Detailed, Grade.Adequate), new("PC", QuestionScope.Detailed, Grade.Good));
        Assert.Equal(2, view.FrameworkVersion);
        Assert.Empty(view.Pillars);
        var (vs, cd) = (view.Questions.Single(q => q.Code == "VS"), view.Questions.Single(q => q.Code == "CD"));
        Assert.Equal((false, QuestionStage.Ungraded, (Grade?)null), (vs.Graded, vs.Stage, vs.Grade));
        Assert.Equal((true, QuestionStage.Awarded, (Grade?)Grade.Adequate), (cd.Graded, cd.Stage, cd.Grade));
        Assert.Equal(InspectionStage.SignOff, view.Stage); // no pillar and no overall grade to wait for
        var framework2021 = await Get<AssessmentFramework>("/frameworks/peel-2021-22/versions/2", TestUser.Lead);

        // The integrated report opens with its judgments: the areas assessed and graded, the table, the ungraded victim-service
        // area, and the statement that these grades cannot be compared with earlier years'. No pillar and no overall grade.
        var draft = System.Text.Json.JsonSerializer.Deserialize<ReportPage>((await App.Host.Scenario(s =>
        {
            s.Get.Url("/reports/surrey/peel-2021-22").Accepts("application/json");
            s.WithBearerToken(App.TokenFor(TestUser.Lead));
        })).ReadAsText(), AppFixture.Json)!;
        var overall = draft.Overall!;
        Assert.Equal("Our inspection assessed how good Surrey Police is in 3 areas of policing. We make graded judgments in 2 of these 3 as follows:", overall.Assessed);
        Assert.Equal([new AreaGrade("Recording data about crime", "Adequate"), new AreaGrade(framework2021.FindQuestion("PC")!.Text, "Good")], overall.Grades);
        Assert.Equal(["We also inspected how effective a service Surrey Police gives to victims of crime. We don’t make a graded judgment in this overall area."], overall.Ungraded);
        Assert.Equal("Important changes to PEEL", overall.ChangesHeading);
        Assert.Contains(overall.Changes, c => c.StartsWith("However, these changes mean that it isn’t possible to make direct comparisons", StringComparison.Ordinal));
        Assert.Null(draft.OverallGrade);

        // The page opens with the HMI's own words: sign-off waits for them and names them.
        foreach (var q in view.Questions.Where(q => q.Summary is null))
            view = await Step(view, $"questions/{q.Code}/summary", new WriteQuestionSummary($"What we found on question {q.Code}.", view.QuestionVersion(q.Code)), TestUser.Lead);
        var waiting = await Problem(HttpMethod.Post, $"/inspections/{view.Id}/sign-off", new InspectionStep(view.Version), TestUser.Hmi, 409);
        Assert.Contains("needs the public summary of HM Inspector’s observations", waiting.Detail);
        await Problem(HttpMethod.Post, $"/inspections/{view.Id}/hmi-observations", new WriteHmiObservations("Words.", view.Version), TestUser.Lead, 403);
        view = await Step(view, "hmi-observations", new WriteHmiObservations("I am pleased with the progress Surrey Police has made.", view.Version), TestUser.Hmi);
        var html = (await App.Host.Scenario(s =>
        {
            s.Get.Url("/reports/surrey/peel-2021-22").Accepts("text/html");
            s.WithBearerToken(App.TokenFor(TestUser.Lead));
        })).ReadAsText();
        var text = System.Net.WebUtility.HtmlDecode(html);
        Assert.True(text.IndexOf("<h2>HM Inspector’s observations</h2>", StringComparison.Ordinal) is var at and > 0
                    && text.IndexOf("<p>I am pleased with the progress Surrey Police has made.</p>", StringComparison.Ordinal) > at, text);
        await Step(view, "sign-off", new InspectionStep(view.Version), TestUser.Hmi);

        Assert.Equal("VS", framework2021.FindQuestion("CD")!.WithinCode);
        Assert.Equal(GradeScales.FivePoint, framework2021.Scale);
        await Problem(HttpMethod.Post, $"/inspections/{view.Id}/questions/VS/grade-proposals",
            new ProposeGrade(Grade.Good, "r", [Guid.NewGuid()], view.QuestionVersion("VS")), TestUser.Lead, 409);

        // Before March 2022 the first version applied; either can be asked for by number.
        var early = await Post<InspectionView>("/inspections", Commands.Schedule(force: "kent", framework: "peel-2021-22", cycle: "2021/22", questions: ["Q1"]) with
            { FieldworkStarts = new DateOnly(2021, 10, 4), FieldworkEnds = new DateOnly(2021, 10, 15) }, TestUser.Lead, 201);
        Assert.Equal(1, early.FrameworkVersion);
        var chosen = await Post<InspectionView>("/inspections", Commands.Schedule(force: "essex", framework: "peel-2021-22", cycle: "2021/22", questions: ["PC"]) with
            { FieldworkStarts = new DateOnly(2021, 10, 4), FieldworkEnds = new DateOnly(2021, 10, 15), FrameworkVersion = 2 }, TestUser.Lead, 201);
        Assert.Equal(2, chosen.FrameworkVersion);
        Assert.Contains("frameworkVersion", (await Problem(HttpMethod.Post, "/inspections", Commands.Schedule(force: "dorset", framework: "peel-2021-22", cycle: "2021/22", questions: ["PC"]) with
            { FrameworkVersion = 7 }, TestUser.Lead, 400)).Errors!.Keys);
    }

    private async Task<(DateOnly?, string?)> DateAndGrade(string url)
    {
        var page = await PageAsync(url);
        return (page.LastUpdated, page.OverallGrade);
    }

    private async Task<ReportPage> PageAsync(string url) =>
        System.Text.Json.JsonSerializer.Deserialize<ReportPage>(
            (await App.Host.Scenario(s => s.Get.Url(url).Accepts("application/json"))).ReadAsText(), AppFixture.Json)!;

    /// <summary>The pillar graded and awarded, then sign-off, the factual accuracy check (its deadline reached and fired) and publication.</summary>
    private async Task PublishAsync(InspectionView view, string pillar, Grade grade, DateOnly on)
    {
        view = await Step(view, $"pillars/{pillar}/grade-proposals", new ProposePillarGrade(grade, "As the questions' grades show.", view.Version), TestUser.Lead);
        view = await Step(view, $"pillars/{pillar}/moderation", new ModerateGrade(grade, null, view.Version), TestUser.Moderator);
        view = await Step(view, $"pillars/{pillar}/award", new InspectionStep(view.Version), TestUser.Hmi);
        Assert.Equal(InspectionStage.SignOff, view.Stage);
        view = await SummariseAsync(view);
        view = await Step(view, "sign-off", new InspectionStep(view.Version), TestUser.Hmi);
        view = await Step(view, "factual-accuracy-check", new InspectionStep(view.Version), TestUser.Lead);
        App.Clock.Set(view.FactualAccuracy!.Deadline);
        await App.Host.InvokeMessageAndWaitAsync(new CloseFactualAccuracyCheck(view.Id, view.FactualAccuracy!.Deadline));
        view = await View(view.Id);
        await Tracked(() => Post<InspectionView>($"/inspections/{view.Id}/publication", new PublishReport(on, view.Version), TestUser.Hmi));
    }

    [Fact]
    public async Task A_2018_19_question_carries_over_the_2017_judgment_of_the_question_it_replaced_through_a_stated_mapping()
    {
        var in2017 = await BuildAsync("durham", "peel-2017", "2017", 2017, new QuestionPlan("F3", QuestionScope.Detailed, Grade.Good));
        var view = await BuildAsync("durham", "peel-2018-19", "2018/19", 2018, new QuestionPlan("F2", QuestionScope.CarryOver));

        var f2 = Assert.Single(view.Questions);
        Assert.Equal((QuestionStage.CarriedOver, Grade.Good, in2017.Id, "F3"), (f2.Stage, f2.Grade, f2.CarriedOverFrom!.InspectionId, f2.CarriedOverFrom.QuestionCode));
        var trail = await Get<GradeTrailView>($"/inspections/{view.Id}/questions/F2/trail", TestUser.Lead);
        var carried = trail.Steps.Single(s => s.EventType == nameof(JudgmentCarriedOver));
        Assert.Contains("the question it replaced: The same question under a new wording", carried.Description);
        // The trail ends in the award of the question it replaced.
        Assert.Equal((in2017.Id, "F3"), (trail.CarriedOverFrom!.InspectionId, trail.CarriedOverFrom.QuestionCode));
        Assert.Equal(nameof(GradeAwarded), trail.CarriedOverFrom.Steps[^1].EventType);
    }

    [Fact]
    public async Task Where_two_earlier_judgments_could_stand_the_lead_inspector_chooses_instead_of_the_workflow_guessing()
    {
        await BuildAsync("durham", "peel-2017", "2017", 2017,
            new("F1", QuestionScope.Detailed, Grade.Good), new("F2", QuestionScope.Detailed, Grade.Outstanding));
        var view = await BuildAsync("durham", "peel-2018-19", "2018/19", 2018, new QuestionPlan("F1", QuestionScope.CarryOver));

        var f1 = Assert.Single(view.Questions);
        Assert.Null(f1.CarriedOverFrom);
        Assert.Contains("Several earlier judgments could stand for F1: F1 (Good, 2017); F2 (Outstanding, 2017).", f1.CarryOverProblem);

        view = await Step(view, "questions/F1/carry-over", new CarryOverByHand("F2", view.QuestionVersion("F1")), TestUser.Lead);
        f1 = Assert.Single(view.Questions);
        Assert.Equal((Grade.Outstanding, "F2", (string?)null), (f1.Grade, f1.CarriedOverFrom!.QuestionCode, f1.CarryOverProblem));
        await Problem(HttpMethod.Post, $"/inspections/{view.Id}/questions/F1/carry-over", new CarryOverByHand("F2", view.QuestionVersion("F1")), TestUser.Lead, 409);
    }

    [Fact]
    public async Task A_carried_over_judgment_the_team_disputes_shows_both_grades_and_the_moderator_upholds_one()
    {
        var in2017 = await BuildAsync("gwent", "peel-2017", "2017", 2017, new QuestionPlan("F3", QuestionScope.Detailed, Grade.Good));
        var view = await BuildAsync("gwent", "peel-2018-19", "2018/19", 2018, new QuestionPlan("F2", QuestionScope.CarryOver));

        view = await Step(view, "questions/F2/carry-over/dispute",
            new DisputeCarriedOverJudgment(Grade.RequiresImprovement, "The force has since cut its demand planning team.", view.QuestionVersion("F2")), TestUser.Lead);
        var f2 = Assert.Single(view.Questions);
        Assert.Equal((QuestionStage.Moderation, (Grade?)null, Grade.RequiresImprovement, in2017.Id),
            (f2.Stage, f2.Grade, f2.Proposed!.Grade, f2.DisputedCarryOver!.InspectionId));
        var queued = (await Get<List<ModerationItem>>("/moderation/queue", TestUser.Moderator)).Single(i => i.InspectionId == view.Id);
        Assert.Equal((Grade.RequiresImprovement, Grade.Good), (queued.ProposedGrade, queued.DisputedCarryOver!.Grade));

        await Problem(HttpMethod.Post, $"/inspections/{view.Id}/questions/F2/moderation",
            new ModerateGrade(Grade.Outstanding, "Neither.", view.QuestionVersion("F2")), TestUser.Moderator, 400);
        view = await ModerateAsync(view, "F2", Grade.Good, "The 2017 judgment still stands: the planning work continues under another team.");
        f2 = Assert.Single(view.Questions);
        Assert.Equal((QuestionStage.CarriedOver, Grade.Good, in2017.Id), (f2.Stage, f2.Grade, f2.CarriedOverFrom!.InspectionId));

        // The trail shows the carry-over, the team's grade, the moderator's decision, and then the 2017 award.
        var trail = await Get<GradeTrailView>($"/inspections/{view.Id}/questions/F2/trail", TestUser.Lead);
        Assert.Equal([nameof(JudgmentCarriedOver), nameof(CarriedOverJudgmentDisputed), nameof(GradeModerated)],
            trail.Steps.Select(s => s.EventType).Where(t => t is nameof(JudgmentCarriedOver) or nameof(CarriedOverJudgmentDisputed) or nameof(GradeModerated)));
        Assert.Contains("intends Requires improvement", trail.Steps.Single(s => s.EventType == nameof(CarriedOverJudgmentDisputed)).Description);
        Assert.Contains("upheld the Good carried over from 2017 over the team's Requires improvement", trail.Steps[^1].Description);
        Assert.Equal(nameof(GradeAwarded), trail.CarriedOverFrom!.Steps[^1].EventType);
        await Problem(HttpMethod.Post, $"/inspections/{view.Id}/questions/F2/carry-over/dispute",
            new DisputeCarriedOverJudgment(Grade.Inadequate, "Again.", view.QuestionVersion("F2")), TestUser.Lead, 409);
    }

    [Fact]
    public async Task When_the_moderator_chooses_the_teams_grade_it_is_awarded_and_the_trail_still_shows_the_earlier_judgment()
    {
        await BuildAsync("dyfed-powys", "peel-2017", "2017", 2017, new QuestionPlan("F3", QuestionScope.Detailed, Grade.Good));
        var view = await BuildAsync("dyfed-powys", "peel-2018-19", "2018/19", 2018, new QuestionPlan("F2", QuestionScope.CarryOver));

        view = await Step(view, "questions/F2/carry-over/dispute",
            new DisputeCarriedOverJudgment(Grade.RequiresImprovement, "Planning has not kept pace with demand since 2017.", view.QuestionVersion("F2")), TestUser.Lead);
        view = await ModerateAsync(view, "F2", Grade.RequiresImprovement, "The team's evidence shows the change.");
        view = await AwardAsync(view, "F2");

        var f2 = Assert.Single(view.Questions);
        Assert.Equal((QuestionStage.Awarded, Grade.RequiresImprovement, (JudgmentReference?)null), (f2.Stage, f2.Grade, f2.CarriedOverFrom));
        var trail = await Get<GradeTrailView>($"/inspections/{view.Id}/questions/F2/trail", TestUser.Lead);
        Assert.Equal(nameof(GradeAwarded), trail.Steps[^1].EventType);
        Assert.Equal("F3", trail.CarriedOverFrom!.QuestionCode);
    }

    [Fact]
    public async Task Hand_written_text_that_disagrees_with_the_record_is_flagged_and_sign_off_waits_until_it_is_dismissed_with_a_reason()
    {
        await CumbriaHistoryAsync();
        var view = await BuildAsync("cumbria", "peel-2018-19", "2018/19", 2018,
            new("E1", QuestionScope.CarryOver), new("E2", QuestionScope.CarryOver), new("E3", QuestionScope.Detailed, Grade.Good));
        view = await Step(view, "pillars/effectiveness/grade-proposals", new ProposePillarGrade(Grade.Good, "Every question is good.", view.Version), TestUser.Lead);
        view = await Step(view, "pillars/effectiveness/moderation", new ModerateGrade(Grade.Good, null, view.Version), TestUser.Moderator);
        view = await Step(view, "pillars/effectiveness/award", new InspectionStep(view.Version), TestUser.Hmi);
        // The pillar summary names the wrong year for question 2's judgment, which was awarded in 2017.
        view = await Step(view, "pillars/effectiveness/summary", new WritePillarSummary(
            "Cumbria Constabulary is good at reducing crime. In 2016 we judged the constabulary to be good at investigating crime.", view.Version), TestUser.Lead);
        view = await SummariseAsync(view);

        var checks = await Get<DraftCheckView>($"/inspections/{view.Id}/draft-checks", TestUser.Moderator);
        var flag = Assert.Single(checks.Flags);
        Assert.Equal((1, "In 2016 we judged the constabulary to be good at investigating crime"), (checks.Open, flag.Said));
        Assert.Contains("awarded in 2017", flag.RecordSays);
        var refused = await Problem(HttpMethod.Post, $"/inspections/{view.Id}/sign-off", new InspectionStep(view.Version), TestUser.Hmi, 409);
        Assert.Contains("waits for the draft checks", refused.Detail);

        await Problem(HttpMethod.Post, $"/inspections/{view.Id}/draft-checks/{flag.Id}/dismissal", new DismissDraftFlag("x", view.Version), TestUser.Inspector, 403);
        view = await Step(view, $"draft-checks/{flag.Id}/dismissal", new DismissDraftFlag("Checked with the HMI: the 2016 inspection is meant.", view.Version), TestUser.Moderator);
        Assert.Equal(0, (await Get<DraftCheckView>($"/inspections/{view.Id}/draft-checks", TestUser.Lead)).Open);
        view = await Step(view, "sign-off", new InspectionStep(view.Version), TestUser.Hmi);
        var events = (await Get<EventPage>($"/inspections/{view.Id}/events?type=DraftFlagDismissed", TestUser.Moderator)).Events;
        Assert.Contains("Checked with the HMI", Assert.Single(events).Description);
    }
}
