using PeelCases.Board;
using PeelCases.Findings;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.Monitoring;
using PeelCases.ReferenceData;
using PeelCases.Tests.Support;

namespace PeelCases.Tests.Integration;

/// <summary>A force's monitoring between inspections: Scan by default, Engage with its causes of concern and an improvement plan, and back.</summary>
public sealed class MonitoringTests(AppFixture app) : GradingTestBase(app)
{
    [Fact]
    public async Task An_HMI_moves_a_force_to_Engage_with_its_causes_of_concern_and_back_to_Scan_with_reasons_seen_on_its_page_and_the_board()
    {
        var view = await BuildAsync("cumbria", "peel-2021-22", "2021/22", 2021,
            new QuestionPlan("Q4", QuestionScope.Detailed, Grade.Inadequate, [FindingKind.CauseOfConcern]));
        var concern = (await Get<List<Finding>>($"/inspections/{view.Id}/findings", TestUser.Lead)).Single(f => f.Content.Kind == FindingKind.CauseOfConcern);
        Assert.Equal(MonitoringStage.Scan, (await Get<MonitoringView>("/forces/cumbria/monitoring", TestUser.Lead)).Stage); // every force starts at Scan

        var engage = new ChangeMonitoringStage(MonitoringStage.Engage, "The force has not responded to the cause of concern about victims' calls.", [concern.Id],
            new DateOnly(2022, 3, 1), 0);
        await Problem(HttpMethod.Post, "/forces/cumbria/monitoring", engage, TestUser.Lead, 403);
        Assert.Contains("improvementPlanDue", (await Problem(HttpMethod.Post, "/forces/cumbria/monitoring", engage with { ImprovementPlanDue = null }, TestUser.Hmi, 400)).Errors!.Keys);
        await Problem(HttpMethod.Post, "/forces/kent/monitoring", engage, TestUser.Hmi, 404); // another force's cause of concern
        await Problem(HttpMethod.Post, "/forces/nowhere/monitoring", engage, TestUser.Hmi, 404);
        var engaged = await Post<MonitoringView>("/forces/cumbria/monitoring", engage, TestUser.Hmi);
        Assert.Equal((MonitoringStage.Engage, new DateOnly(2022, 3, 1), 1L), (engaged.Stage, engaged.ImprovementPlanDue, engaged.Version));
        Assert.Equal([concern.Id], engaged.CausesOfConcern);
        Assert.Equal("Stale version", (await Problem(HttpMethod.Post, "/forces/cumbria/monitoring", engage, TestUser.Hmi, 409)).Title);
        Assert.Contains("already at Engage", (await Problem(HttpMethod.Post, "/forces/cumbria/monitoring", engage with { ExpectedVersion = 1 }, TestUser.Hmi, 409)).Detail);
        var board = await Get<List<BoardInspection>>("/board", TestUser.Lead);
        Assert.Equal(MonitoringStage.Engage, board.Single(b => b.Id == view.Id).Monitoring);

        // The force sends its improvement plan; an HMI records it. Refusals first: none of them records anything.
        var today = UkTime.Today(App.Clock.GetUtcNow());
        const string url = "/forces/cumbria/monitoring/improvement-plan";
        var plan = new RecordImprovementPlan(today, "A new call-handling model and weekly audits of victims' calls.", "Cumbria Constabulary improvement plan v1", 1);
        var before = await TotalEvents();
        await Problem(HttpMethod.Post, url, plan, TestUser.Lead, 403);
        Assert.Equal(["receivedOn"], (await Problem(HttpMethod.Post, url, plan with { ReceivedOn = today.AddDays(1) }, TestUser.Hmi, 400)).Errors!.Keys);
        Assert.Equal(["summary"], (await Problem(HttpMethod.Post, url, plan with { Summary = " " }, TestUser.Hmi, 400)).Errors!.Keys);
        Assert.Equal("Stale version", (await Problem(HttpMethod.Post, url, plan with { ExpectedVersion = 0 }, TestUser.Hmi, 409)).Title);
        await Problem(HttpMethod.Post, "/forces/nowhere/monitoring/improvement-plan", plan, TestUser.Hmi, 404);
        Assert.Contains("kent is at Scan", (await Problem(HttpMethod.Post, "/forces/kent/monitoring/improvement-plan", plan with { ExpectedVersion = 0 }, TestUser.Hmi, 409)).Detail);
        Assert.Equal(before, await TotalEvents());
        var received = await Post<MonitoringView>(url, plan, TestUser.Hmi);
        Assert.Equal((today, "Cumbria Constabulary improvement plan v1", "hannah.hmi", engaged.Since!.Value, 2L),
            (received.ImprovementPlan!.ReceivedOn, received.ImprovementPlan.Reference, received.ImprovementPlan.RecordedBy, received.ImprovementPlan.Answers, received.Version));
        Assert.False(received.PlanOverdue(new DateOnly(2022, 3, 2))); // received, so not overdue after its day
        // Sent again as it was (a retry): done, nothing appended, whatever version it names.
        Assert.Equal(2L, (await Post<MonitoringView>(url, plan, TestUser.Hmi)).Version);
        Assert.Equal(before + 1, await TotalEvents());

        App.Clock.Set(AppFixture.Start.AddMonths(6));
        var scan = await Post<MonitoringView>("/forces/cumbria/monitoring",
            new ChangeMonitoringStage(MonitoringStage.Scan, "The improvement plan was delivered and the cause of concern addressed.", null, null, 2), TestUser.Hmi);
        Assert.Equal(MonitoringStage.Scan, scan.Stage);
        // Back at Scan no plan is open, and the one recorded stays in the force's record.
        Assert.Null(scan.ImprovementPlan);
        Assert.Equal("A new call-handling model and weekly audits of victims' calls.", Assert.Single(scan.ImprovementPlans!).Summary);
        Assert.Contains("cumbria is at Scan", (await Problem(HttpMethod.Post, url, plan with { ExpectedVersion = 3 }, TestUser.Hmi, 409)).Detail);

        Assert.Equal(MonitoringStage.Scan, (await Get<List<BoardInspection>>("/board", TestUser.Lead)).Single(b => b.Id == view.Id).Monitoring);

        // Engaged again: the same plan is a new one, answering the new move, and a page from before the moves is stale.
        var again = await Post<MonitoringView>("/forces/cumbria/monitoring", engage with { ImprovementPlanDue = new DateOnly(2019, 6, 1), ExpectedVersion = 3 }, TestUser.Hmi);
        Assert.Null(again.ImprovementPlan);
        Assert.False(again.PlanOverdue(new DateOnly(2019, 6, 1)));
        Assert.True(again.PlanOverdue(new DateOnly(2019, 6, 2))); // the earlier cycle's plan does not answer this one
        Assert.Equal("Stale version", (await Problem(HttpMethod.Post, url, plan, TestUser.Hmi, 409)).Title);
        Assert.Equal(["receivedOn"], (await Problem(HttpMethod.Post, url, plan with { ExpectedVersion = 4 }, TestUser.Hmi, 400)).Errors!.Keys); // before this move
        var resent = await Post<MonitoringView>(url, plan with { ReceivedOn = UkTime.Today(App.Clock.GetUtcNow()), ExpectedVersion = 4 }, TestUser.Hmi);
        Assert.Equal((again.Since!.Value, 5L), (resent.ImprovementPlan!.Answers, resent.Version));
        Assert.Equal([engaged.Since!.Value, again.Since!.Value], resent.ImprovementPlans!.Select(p => p.Answers).ToArray());
        Assert.Equal([(MonitoringStage.Scan, MonitoringStage.Engage, "hannah.hmi"), (MonitoringStage.Engage, MonitoringStage.Scan, "hannah.hmi")],
            scan.Moves.Select(m => (m.From, m.To, m.By)).ToArray());
        Assert.Equal("The improvement plan was delivered and the cause of concern addressed.", scan.Moves[1].Reason);
    }

    [Fact]
    public async Task Inspections_carry_their_tranche_and_publication_batch_and_the_board_and_moderation_compare_one_tranche()
    {
        var kent = await BuildAsync("kent", "peel-2021-22", "2021/22", 2021, new QuestionPlan("Q4", QuestionScope.Detailed, Grade.Good));
        var essex = await BuildAsync("essex", "peel-2021-22", "2021/22", 2021, new QuestionPlan("Q4", QuestionScope.Detailed, Grade.Adequate));
        var surrey = await BuildAsync("surrey", "peel-2021-22", "2021/22", 2021, new QuestionPlan("Q4", QuestionScope.Detailed, Grade.Inadequate));
        kent = await Step(kent, "tranche", new AssignTranche("Tranche 1", "Batch 2", kent.Version), TestUser.Lead);
        essex = await Step(essex, "tranche", new AssignTranche(" Tranche 1 ", null, essex.Version), TestUser.Lead);
        surrey = await Step(surrey, "tranche", new AssignTranche("Tranche 2", "Batch 2", surrey.Version), TestUser.Lead);
        Assert.Equal(("Tranche 1", "Batch 2"), (kent.Tranche, kent.PublicationBatch));
        Assert.Equal(kent.Version, (await Step(kent, "tranche", new AssignTranche("Tranche 1", "Batch 2", kent.Version), TestUser.Lead)).Version); // nothing new

        var tranche1 = await Get<List<BoardInspection>>("/board?tranche=tranche%201", TestUser.Lead);
        Assert.Equal(["essex", "kent"], tranche1.Select(b => b.ForceId).Order());
        Assert.Equal(["kent", "surrey"], (await Get<List<BoardInspection>>("/board?publicationBatch=Batch%202", TestUser.Lead)).Select(b => b.ForceId).Order());
        Assert.Equal(["surrey"], (await Get<List<BoardInspection>>("/board?cycle=2021/22&force=surrey", TestUser.Lead)).Select(b => b.ForceId));

        var comparison = await Get<PeelCases.Moderation.GradeComparison>("/moderation/comparison?cycle=2021/22&question=Q4&tranche=Tranche%201", TestUser.Moderator);
        Assert.Equal(["essex", "kent"], comparison.Forces.Select(f => f.ForceId).Order());
        Assert.Equal(3, (await Get<PeelCases.Moderation.GradeComparison>("/moderation/comparison?cycle=2021/22&question=Q4", TestUser.Moderator)).Forces.Count);
    }
}
