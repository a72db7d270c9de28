using PeelCases.Findings;
using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.ReferenceData;
using PeelCases.Tests.Support;
using Marten;
using Marten.Events;

namespace PeelCases.Tests.Integration;

public sealed class GradingTests(AppFixture app) : GradingTestBase(app)
{
    [Fact]
    public async Task Cumbria_2018_19_effectiveness_comes_out_as_the_reference_report_says()
    {
        var (in2016, in2017) = await CumbriaHistoryAsync();
        var view = await BuildAsync("cumbria", "peel-2018-19", "2018/19", 2018,
            new("E1", QuestionScope.CarryOver),
            new("E2", QuestionScope.CarryOver),
            new("E3", QuestionScope.Detailed, Grade.Good),
            new("E4", QuestionScope.CarryOver),
            new("E5", QuestionScope.Ungraded));
        view = await Post<InspectionView>($"/inspections/{view.Id}/pillars/effectiveness/grade-proposals",
            new ProposePillarGrade(Grade.Good, "Cumbria Constabulary is good at reducing crime and keeping people safe.", view.Version), TestUser.Lead);
        view = await Post<InspectionView>($"/inspections/{view.Id}/pillars/effectiveness/award", new AwardPillarGrade(view.Version), TestUser.Moderator);

        QuestionView Q(string code) => view.Questions.Single(q => q.Code == code);
        // Q1: the 2017 inspection carried it too; the reference resolves to where it was awarded.
        Assert.Equal((Grade.Good, in2016.Id, 2016, "E1"), (Q("E1").Grade, Q("E1").CarriedOverFrom!.InspectionId, Q("E1").CarriedOverFrom!.Year, Q("E1").CarriedOverFrom!.QuestionCode));
        Assert.Equal((Grade.Good, in2017.Id, 2017), (Q("E2").Grade, Q("E2").CarriedOverFrom!.InspectionId, Q("E2").CarriedOverFrom!.Year));
        Assert.Equal((Grade.Good, in2017.Id, 2017), (Q("E4").Grade, Q("E4").CarriedOverFrom!.InspectionId, Q("E4").CarriedOverFrom!.Year));
        Assert.Equal(Grade.Good, Q("E3").Awarded!.Grade);
        Assert.Null(Q("E3").CarriedOverFrom);
        Assert.Equal(1, Q("E3").Findings[FindingKind.Strength]);
        var e3Finding = Assert.Single(await Get<List<Finding>>($"/inspections/{view.Id}/findings?question=E3", TestUser.Moderator));
        Assert.Single(e3Finding.Content.CitedEvidenceIds);
        Assert.Equal((true, null, 1), (Q("E5").Settled is false, Q("E5").Grade, Q("E5").Findings[FindingKind.Strength]));
        Assert.Equal(Grade.Good, Assert.Single(view.Pillars).Awarded!.Grade);
        Assert.All(view.Questions.Where(q => q.Graded), q => Assert.True(q.Settled));

        // The carried-over judgment refers to the earlier award; it restates no grade typed by hand.
        await using var session = App.Store.QuerySession();
        var carried = (await session.Events.FetchStreamAsync(view.Id)).Select(e => e.Data).OfType<JudgmentCarriedOver>().ToList();
        Assert.Equal(["E1", "E2", "E4"], carried.Select(c => c.QuestionCode));
        Assert.Equal([2016, 2017, 2017], carried.Select(c => c.From.Year));

        await App.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var history = await Get<ForceGradeHistory>("/forces/cumbria/grade-history", TestUser.Moderator);
        var in2018 = history.Entries.Where(e => e.Cycle == "2018/19").ToList();
        Assert.Equal(["E1", "E2", "E3", "E4", "effectiveness"], in2018.Select(e => e.Code));
        Assert.Equal(["Carried over from 2016", "Carried over from 2017", "Awarded", "Carried over from 2017", "Awarded"], in2018.Select(e => e.Basis));
        Assert.Equal(10, history.Entries.Count); // 2016: 1, 2017: 4, 2018/19: 4 questions and the pillar
    }

    [Fact]
    public async Task Carrying_over_with_nothing_earlier_is_refused_with_the_reason()
    {
        var view = await BuildAsync("kent", "peel-2018-19", "2018/19", 2018, new QuestionPlan("E2", QuestionScope.CarryOver, CarryOverNow: false));
        var problem = await Problem(HttpMethod.Post, $"/inspections/{view.Id}/questions/E2/carry-over", new CarryOverJudgment(view.Version), TestUser.Lead, 409);
        Assert.Contains("No earlier inspection of Kent Police", problem.Detail);
    }

    [Fact]
    public async Task Carrying_over_across_frameworks_without_lineage_is_refused()
    {
        await CumbriaHistoryAsync();
        var view = await BuildAsync("cumbria", "peel-2021-22", "2021/22", 2021, new QuestionPlan("Q3", QuestionScope.CarryOver, CarryOverNow: false));
        var refused = await Problem(HttpMethod.Post, $"/inspections/{view.Id}/questions/Q3/carry-over", new CarryOverJudgment(view.Version), TestUser.Lead, 409);
        Assert.Contains("not comparable", refused.Detail);
    }

    [Fact]
    public async Task An_earlier_question_left_unsettled_is_passed_over_for_the_award_before_it()
    {
        await BuildAsync("cumbria", "peel-2016", "2016", 2016, new QuestionPlan("E1", QuestionScope.Detailed, Grade.RequiresImprovement));
        await BuildAsync("cumbria", "peel-2017", "2017", 2017, new QuestionPlan("E1", QuestionScope.Detailed));
        var view = await BuildAsync("cumbria", "peel-2018-19", "2018/19", 2018, new QuestionPlan("E1", QuestionScope.CarryOver));
        Assert.Equal((Grade.RequiresImprovement, 2016), (view.Questions[0].Grade, view.Questions[0].CarriedOverFrom!.Year));
    }

    [Fact]
    public async Task Grades_follow_the_scale_and_scope_of_the_question()
    {
        var view = await BuildAsync("cumbria", "peel-2018-19", "2018/19", 2018,
            new("E1", QuestionScope.CarryOver, CarryOverNow: false), new("E3", QuestionScope.Detailed), new("E5", QuestionScope.Ungraded));
        var e3 = Assert.Single(await Get<List<Finding>>($"/inspections/{view.Id}/findings?question=E3", TestUser.Lead));
        var e5 = Assert.Single(await Get<List<Finding>>($"/inspections/{view.Id}/findings?question=E5", TestUser.Lead));
        async Task<ProblemBody> Refused(string q, Grade grade, Guid finding, int status) => await Problem(HttpMethod.Post,
            $"/inspections/{view.Id}/questions/{q}/grade-proposals", new ProposeGrade(grade, "r", [finding], view.Version), TestUser.Lead, status);

        Assert.Contains("not on the 4-point scale", (await Refused("E3", Grade.Adequate, e3.Id, 400)).Detail);
        Assert.Contains("ungraded", (await Refused("E5", Grade.Good, e5.Id, 409)).Detail);
        Assert.Contains("Re-scope it as Detailed", (await Refused("E1", Grade.Good, e3.Id, 409)).Detail);
        Assert.Contains("not a finding of question E3", (await Refused("E3", Grade.Good, e5.Id, 400)).Detail);
        Assert.Contains("citedFindingIds", (await Problem(HttpMethod.Post, $"/inspections/{view.Id}/questions/E3/grade-proposals",
            new ProposeGrade(Grade.Good, "r", [], view.Version), TestUser.Lead, 400)).Errors!.Keys);
        await Problem(HttpMethod.Post, $"/inspections/{view.Id}/questions/E3/award", new AwardGrade(view.Version), TestUser.Moderator, 409);
        await Problem(HttpMethod.Post, $"/inspections/{view.Id}/questions/E3/grade-proposals",
            new ProposeGrade(Grade.Good, "r", [e3.Id], view.Version), TestUser.Inspector, 403);
        await Problem(HttpMethod.Post, $"/inspections/{view.Id}/questions/E3/award", new AwardGrade(view.Version), TestUser.Lead, 403);

        var proposed = await ProposeAsync(view, "E3", Grade.Good, e3.Id);
        var awarded = await AwardAsync(proposed, "E3");
        Assert.Contains("already settled", (await Problem(HttpMethod.Post, $"/inspections/{view.Id}/questions/E3/grade-proposals",
            new ProposeGrade(Grade.Outstanding, "r", [e3.Id], awarded.Version), TestUser.Lead, 409)).Detail);
        Assert.Contains("can no longer be re-scoped", (await Problem(HttpMethod.Post, $"/inspections/{view.Id}/questions/E3/scope",
            new ScopeQuestion(QuestionScope.CarryOver, null, awarded.Version), TestUser.Lead, 409)).Detail);
    }

    [Fact]
    public async Task The_2021_framework_grades_on_five_points_and_has_no_pillar_grade()
    {
        var view = await BuildAsync("kent", "peel-2021-22", "2021/22", 2021, new QuestionPlan("Q4", QuestionScope.Detailed, Grade.Adequate));
        Assert.Equal(Grade.Adequate, view.Questions[0].Awarded!.Grade);
        Assert.Empty(view.Pillars);
        var problem = await Problem(HttpMethod.Post, $"/inspections/{view.Id}/pillars/effectiveness/grade-proposals",
            new ProposePillarGrade(Grade.Good, "r", view.Version), TestUser.Lead, 409);
        Assert.Contains("has no pillars", problem.Detail);
    }

    [Fact]
    public async Task A_pillar_grade_waits_for_every_graded_question()
    {
        var view = await BuildAsync("cumbria", "peel-2018-19", "2018/19", 2018,
            new("E3", QuestionScope.Detailed, Grade.Good), new("E4", QuestionScope.Detailed), new("E5", QuestionScope.Ungraded));
        var problem = await Problem(HttpMethod.Post, $"/inspections/{view.Id}/pillars/effectiveness/grade-proposals",
            new ProposePillarGrade(Grade.Good, "r", view.Version), TestUser.Lead, 409);
        Assert.Contains("E4 (scoped Detailed, no grade yet)", problem.Detail);
        Assert.DoesNotContain("E5", problem.Detail);
        await Problem(HttpMethod.Post, $"/inspections/{view.Id}/pillars/legitimacy/grade-proposals",
            new ProposePillarGrade(Grade.Good, "r", view.Version), TestUser.Lead, 409);
        await Problem(HttpMethod.Post, $"/inspections/{view.Id}/pillars/atlantis/grade-proposals",
            new ProposePillarGrade(Grade.Good, "r", view.Version), TestUser.Lead, 404);
    }

    [Fact]
    public async Task Re_scoping_a_carried_over_question_clears_the_reference_so_it_can_be_graded_afresh()
    {
        await CumbriaHistoryAsync();
        var view = await BuildAsync("cumbria", "peel-2018-19", "2018/19", 2018, new QuestionPlan("E2", QuestionScope.CarryOver));
        Assert.NotNull(view.Questions[0].CarriedOverFrom);
        view = await ScopeAsync(view, "E2", QuestionScope.Detailed);
        Assert.Null(view.Questions[0].CarriedOverFrom);
        Assert.False(view.Questions[0].Settled);
    }
}
