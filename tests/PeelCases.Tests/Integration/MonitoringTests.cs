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

        App.Clock.Set(AppFixture.Start.AddMonths(6));
        var scan = await Post<MonitoringView>("/forces/cumbria/monitoring",
            new ChangeMonitoringStage(MonitoringStage.Scan, "The improvement plan was delivered and the cause of concern addressed.", null, null, 1), TestUser.Hmi);
        Assert.Equal(MonitoringStage.Scan, scan.Stage);
        Assert.Equal([(MonitoringStage.Scan, MonitoringStage.Engage, "hannah.hmi"), (MonitoringStage.Engage, MonitoringStage.Scan, "hannah.hmi")],
            scan.Moves.Select(m => (m.From, m.To, m.By)).ToArray());
        Assert.Equal("The improvement plan was delivered and the cause of concern addressed.", scan.Moves[1].Reason);
        Assert.Equal(MonitoringStage.Scan, (await Get<List<BoardInspection>>("/board", TestUser.Lead)).Single(b => b.Id == view.Id).Monitoring);
    }
}
