using Microsoft.Extensions.DependencyInjection;
using Marten;
using PeelCases.Tests.Support;
using Wolverine.Tracking;
using PeelCases.Board;
using PeelCases.FactualAccuracy;
using PeelCases.Fieldwork;
using PeelCases.Findings;
using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.Moderation;
using PeelCases.Publishing;
using PeelCases.QualityAssurance;
using PeelCases.ReferenceData;

namespace PeelCases.Tests.Integration;

public sealed class WorkflowTests(AppFixture app) : GradingTestBase(app)
{
    [Fact]
    public async Task Steps_out_of_order_are_409s_naming_the_stage_and_what_is_missing()
    {
        var view = await ScheduleAsync(Commands.Schedule(questions: ["E1", "E3"]));
        view = await ScopeAsync(view, "E3", QuestionScope.Detailed);
        var early = await Problem(HttpMethod.Post, $"/inspections/{view.Id}/fieldwork/start", new InspectionStep(view.Version), TestUser.Lead, 409);
        Assert.Contains("Not yet scoped: E1", early.Detail);
        Assert.Contains("at “Planning”", (await Problem(HttpMethod.Post, $"/inspections/{view.Id}/fieldwork/complete",
            new InspectionStep(view.Version), TestUser.Lead, 409)).Detail);

        view = await ScopeAsync(view, "E1", QuestionScope.Detailed);
        view = await StartFieldworkAsync(view);
        var evidence = await RecordAsync(view.Id, Commands.Evidence(questions: ["E3"]));
        var finding = await DraftAsync(view.Id, "E3", evidence.Id);
        var qaTooSoon = await Problem(HttpMethod.Post, $"/inspections/{view.Id}/questions/E3/qa-submission", new InspectionStep(view.QuestionVersion("E3")), TestUser.Inspector, 409);
        Assert.Equal("Submitting findings for QA needs question E3 at “Drafting”; it is at “Fieldwork”. Fieldwork is still under way.", qaTooSoon.Detail);
        var gradeTooSoon = await Problem(HttpMethod.Post, $"/inspections/{view.Id}/questions/E3/grade-proposals",
            new ProposeGrade(Grade.Good, "r", [finding.Id], view.QuestionVersion("E3")), TestUser.Lead, 409);
        Assert.Contains("it is at “Fieldwork”", gradeTooSoon.Detail);
        await Problem(HttpMethod.Post, $"/inspections/{view.Id}/sign-off", new InspectionStep(view.Version), TestUser.Hmi, 409);

        view = await CompleteFieldworkAsync(view);
        Assert.Equal(InspectionStage.Reporting, view.Stage);
        Assert.All(view.Questions, q => Assert.Equal(QuestionStage.Drafting, q.Stage));
        Assert.Contains("no current findings", (await Problem(HttpMethod.Post, $"/inspections/{view.Id}/questions/E1/qa-submission",
            new InspectionStep(view.QuestionVersion("E1")), TestUser.Inspector, 409)).Detail);
    }

    [Fact]
    public async Task QA_returns_findings_to_drafting_with_comments_and_accepts_them_later()
    {
        var view = await BuildAsync("cumbria", "peel-2018-19", "2018/19", 2018, new QuestionPlan("E3", QuestionScope.Detailed));
        Assert.Equal(QuestionStage.AwaitingGrade, view.Questions[0].Stage);

        // A second question to walk through a return.
        var other = await ScheduleAsync(Commands.Schedule(force: "kent", questions: ["E3"]));
        other = await ScopeAsync(other, "E3", QuestionScope.Detailed);
        other = await StartFieldworkAsync(other);
        var evidence = await RecordAsync(other.Id, Commands.Evidence(questions: ["E3"]));
        await DraftAsync(other.Id, "E3", evidence.Id);
        other = await CompleteFieldworkAsync(other);
        other = await Step(other, "questions/E3/qa-submission", new InspectionStep(other.QuestionVersion("E3")), TestUser.Inspector);
        Assert.Equal(QuestionStage.QaReview, other.Questions[0].Stage);
        var noComments = await Problem(HttpMethod.Post, $"/inspections/{other.Id}/questions/E3/qa-review",
            new ReviewFindings(QaOutcome.Return, null, other.QuestionVersion("E3")), TestUser.QaReviewer, 400);
        Assert.Contains("comments", noComments.Errors!.Keys);
        await Problem(HttpMethod.Post, $"/inspections/{other.Id}/questions/E3/qa-review",
            new ReviewFindings(QaOutcome.Accept, null, other.QuestionVersion("E3")), TestUser.Lead, 403);
        // QA review is made from outside the team: a QA reviewer who is also on this inspection's team is refused.
        Assert.Contains("ian.inspector is on this inspection's team: QA review is a check on the team's work",
            (await Problem(HttpMethod.Post, $"/inspections/{other.Id}/questions/E3/qa-review", new ReviewFindings(QaOutcome.Accept, null, other.QuestionVersion("E3")),
                new TestUser("ian.inspector", [Roles.Inspector, Roles.QaReviewer]), 403)).Detail);

        other = await QaAsync(other, "E3", QaOutcome.Return, "The finding needs the dip sample's numbers.");
        Assert.Equal((QuestionStage.Drafting, "The finding needs the dip sample's numbers."), (other.Questions[0].Stage, other.Questions[0].QaComments));
        await DraftAsync(other.Id, "E3", evidence.Id);
        other = await Step(other, "questions/E3/qa-submission", new InspectionStep(other.QuestionVersion("E3")), TestUser.Inspector);
        other = await QaAsync(other, "E3", QaOutcome.Accept);
        Assert.Equal(QuestionStage.AwaitingGrade, other.Questions[0].Stage);
    }

    [Fact]
    public async Task From_sign_off_through_the_factual_accuracy_check_to_publication()
    {
        var view = await BuildAsync("cumbria", "peel-2021-22", "2021/22", 2021, new QuestionPlan("Q4", QuestionScope.Detailed, Grade.Good));
        Assert.Equal(InspectionStage.SignOff, view.Stage);
        await Problem(HttpMethod.Post, $"/inspections/{view.Id}/factual-accuracy-check", new InspectionStep(view.Version), TestUser.Lead, 409);
        await Problem(HttpMethod.Post, $"/inspections/{view.Id}/sign-off", new InspectionStep(view.Version), TestUser.Lead, 403);
        // Sign-off waits for the public summary of every question inspected, naming the missing ones.
        var unwritten = await Problem(HttpMethod.Post, $"/inspections/{view.Id}/sign-off", new InspectionStep(view.Version), TestUser.Hmi, 409);
        Assert.Contains("needs the public summary of question Q4", unwritten.Detail);
        view = await SummariseAsync(view);
        view = await Step(view, "sign-off", new InspectionStep(view.Version), TestUser.Hmi);
        Assert.Equal("hannah.hmi", view.SignedOff!.By);

        // Thursday 26 November 2026, 10:00: ten working days later, weekends skipped, is Thursday 10 December.
        App.Clock.Set(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));
        view = await Step(view, "factual-accuracy-check", new InspectionStep(view.Version), TestUser.Lead);
        Assert.Equal(InspectionStage.FactualAccuracyCheck, view.Stage);
        Assert.Equal(new DateTimeOffset(2026, 12, 10, 10, 0, 0, TimeSpan.Zero), view.FactualAccuracy!.Deadline);
        // The deadline message arriving before the deadline by the service's clock leaves the check open and is sent
        // again for the rest: fourteen days from now, whatever the machine's clock says.
        var early = await App.Host.InvokeMessageAndWaitAsync(new CloseFactualAccuracyCheck(view.Id, view.FactualAccuracy.Deadline));
        var resent = early.Scheduled.SingleEnvelope<CloseFactualAccuracyCheck>();
        Assert.Equal(new CloseFactualAccuracyCheck(view.Id, view.FactualAccuracy.Deadline), resent.Message);
        Assert.InRange(resent.ScheduledTime!.Value - DateTimeOffset.UtcNow, TimeSpan.FromDays(14) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(14));
        Assert.Null((await View(view.Id)).FactualAccuracy!.ClosedAt);

        var challengeId = Guid.NewGuid();
        var challenge = new RaiseChallenge(challengeId, "The MASH now includes adult social care.", null);
        var url = $"/inspections/{view.Id}/factual-accuracy-check/challenges";
        await Send(HttpMethod.Post, url, challenge, TestUser.Liaison, 200);
        await Send(HttpMethod.Post, url, challenge, TestUser.Liaison, 200);
        Assert.Single((await View(view.Id)).FactualAccuracy!.Challenges);
        await Problem(HttpMethod.Post, url, challenge with { ChallengeId = Guid.NewGuid() }, TestUser.Liaison with { ForceId = "kent" }, 403);
        await Problem(HttpMethod.Post, url, challenge with { ChallengeId = Guid.NewGuid() }, TestUser.Lead, 403);
        // A challenge names a finding of this inspection, or none.
        await Problem(HttpMethod.Post, url, challenge with { ChallengeId = Guid.NewGuid(), FindingId = Guid.NewGuid() }, TestUser.Liaison, 404);
        await Problem(HttpMethod.Get, $"/inspections/{view.Id}", null, TestUser.Liaison, 403);

        App.Clock.Set(new DateTimeOffset(2026, 12, 10, 10, 0, 1, TimeSpan.Zero));
        var late = await Problem(HttpMethod.Post, url, challenge with { ChallengeId = Guid.NewGuid() }, TestUser.Liaison, 409);
        Assert.Contains("closed at its deadline", late.Detail);

        view = await View(view.Id);
        Assert.Contains("open until", (await Problem(HttpMethod.Post, $"/inspections/{view.Id}/publication",
            new PublishReport(new DateOnly(2026, 12, 14), view.Version), TestUser.Hmi, 409)).Detail);

        // The durable deadline message closes the window.
        await App.Host.InvokeMessageAndWaitAsync(new CloseFactualAccuracyCheck(view.Id, view.FactualAccuracy!.Deadline));
        view = await View(view.Id);
        Assert.NotNull(view.FactualAccuracy!.ClosedAt);
        Assert.Contains("still need an answer", (await Problem(HttpMethod.Post, $"/inspections/{view.Id}/publication",
            new PublishReport(new DateOnly(2026, 12, 14), view.Version), TestUser.Hmi, 409)).Detail);
        view = await Step(view, $"factual-accuracy-check/challenges/{challengeId}/resolution",
            new ResolveChallenge(false, "The change came after fieldwork; the report describes the position we found.", view.Version), TestUser.Lead);

        var published = await Tracked(() => Post<InspectionView>($"/inspections/{view.Id}/publication",
            new PublishReport(new DateOnly(2026, 12, 14), view.Version), TestUser.Hmi));
        var integration = published.Sent.SingleMessage<InspectionReportPublished>();
        Assert.Equal((view.Id, 1, new DateOnly(2026, 12, 14), "/reports/cumbria/peel-2021-22"),
            (integration.InspectionId, integration.ReportVersion, integration.PublishedOn, integration.ReportUrl));
        view = await View(view.Id);
        Assert.Equal(InspectionStage.Published, view.Stage);
        Assert.Equal(new DateOnly(2026, 12, 14), Assert.Single(view.Publications).PublishedOn);
    }

    [Fact]
    public async Task The_lead_inspector_closes_the_check_early_once_the_force_has_no_further_comments_and_the_deadline_then_changes_nothing()
    {
        var view = await BuildAsync("cumbria", "peel-2021-22", "2021/22", 2021, new QuestionPlan("Q4", QuestionScope.Detailed, Grade.Good));
        view = await SummariseAsync(view);
        view = await Step(view, "sign-off", new InspectionStep(view.Version), TestUser.Hmi);
        // Thursday 26 May 2022, 10:00 BST: the spring bank holiday (moved to 2 June) and the Platinum Jubilee are skipped.
        App.Clock.Set(new DateTimeOffset(2022, 5, 26, 9, 0, 0, TimeSpan.Zero));
        view = await Step(view, "factual-accuracy-check", new InspectionStep(view.Version), TestUser.Lead);
        Assert.Equal(new DateTimeOffset(2022, 6, 13, 9, 0, 0, TimeSpan.Zero), view.FactualAccuracy!.Deadline);
        var challengeId = Guid.NewGuid();
        var check = $"/inspections/{view.Id}/factual-accuracy-check";
        async Task<string> HeldBy() => (await Get<List<BoardInspection>>("/board", TestUser.Lead)).Single(i => i.Id == view.Id).HeldBy;
        Assert.Equal("Cumbria Constabulary's force liaison", await HeldBy()); // while the force may challenge
        await Send(HttpMethod.Post, $"{check}/challenges", new RaiseChallenge(challengeId, "The MASH now includes adult social care.", null), TestUser.Liaison, 200);

        view = await View(view.Id);
        Assert.Contains("unless the force confirms", (await Problem(HttpMethod.Post, $"{check}/closure", new InspectionStep(view.Version), TestUser.Lead, 409)).Detail);
        await Problem(HttpMethod.Post, $"{check}/no-further-comments", null, TestUser.Liaison with { ForceId = "kent" }, 403);
        var confirmed = Read<FactualAccuracyView>(await Send(HttpMethod.Post, $"{check}/no-further-comments", null, TestUser.Liaison, 200));
        Assert.Equal((TestUser.Liaison.Id, "13 June 2022, 10:00 BST"), (confirmed.NoFurtherComments!.By, confirmed.DeadlineUk));
        Assert.Equal("lena.lead", await HeldBy()); // to answer the challenge and close the check
        view = await View(view.Id);
        Assert.Contains("1 challenge(s) still need an answer", (await Problem(HttpMethod.Post, $"{check}/closure", new InspectionStep(view.Version), TestUser.Lead, 409)).Detail);
        view = await Step(view, $"factual-accuracy-check/challenges/{challengeId}/resolution", new ResolveChallenge(true, "Corrected.", view.Version), TestUser.Lead);

        App.Clock.Set(new DateTimeOffset(2022, 6, 1, 14, 0, 0, TimeSpan.Zero));
        view = await Step(view, "factual-accuracy-check/closure", new InspectionStep(view.Version), TestUser.Lead);
        Assert.Equal((new DateTimeOffset(2022, 6, 1, 14, 0, 0, TimeSpan.Zero), "lena.lead"), (view.FactualAccuracy!.ClosedAt, view.FactualAccuracy.ClosedBy));
        Assert.Equal("HMI", await HeldBy()); // to publish
        // The deadline message fires later and finds the check closed: nothing is appended.
        var before = await TotalEvents();
        await App.Host.InvokeMessageAndWaitAsync(new CloseFactualAccuracyCheck(view.Id, view.FactualAccuracy.Deadline));
        Assert.Equal(before, await TotalEvents());
        view = await Step(view, "publication", new PublishReport(new DateOnly(2022, 6, 7), view.Version), TestUser.Hmi);
        Assert.Equal(InspectionStage.Published, view.Stage);
    }

    [Fact]
    public async Task Fieldwork_past_its_planned_end_is_flagged_stuck_on_the_board()
    {
        var view = await ScheduleAsync(Commands.Schedule(questions: ["E3"]));
        view = await StartFieldworkAsync(await ScopeAsync(view, "E3", QuestionScope.Detailed));
        App.Clock.Set(new DateTimeOffset(2023, 11, 14, 12, 0, 0, TimeSpan.Zero)); // years past the planned end
        var board = await Get<List<PeelCases.Board.BoardInspection>>("/board?stuckOnly=true", TestUser.Lead);
        var row = Assert.Single(board, b => b.Id == view.Id);
        Assert.True(row.Stuck);
        Assert.StartsWith($"Fieldwork was planned to end on {view.FieldworkEnds:d MMMM yyyy}", row.Blocker);
    }

    [Fact]
    public async Task Every_message_a_handler_takes_is_handled_in_its_inspections_partition()
    {
        var handlers = ((Wolverine.Runtime.WolverineRuntime)App.Host.Services.GetRequiredService<Wolverine.Runtime.IWolverineRuntime>()).Handlers;
        var handled = handlers.Chains.Select(c => c.MessageType).Where(t => t.Assembly == typeof(Inspection).Assembly).ToHashSet();
        Assert.Equal(handled.OrderBy(t => t.Name), PeelCases.Workflow.WorkflowConfiguration.Messages.OrderBy(t => t.Name));

        await BuildAsync("kent", "peel-2018-19", "2018/19", 2018, new QuestionPlan("E3", QuestionScope.Detailed));
        await using var connection = new Npgsql.NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var select = new Npgsql.NpgsqlCommand("select distinct received_at from peelcases.wolverine_incoming_envelopes where message_type like 'PeelCases.%'", connection);
        var queues = new List<string>();
        await using (var reader = await select.ExecuteReaderAsync())
            while (await reader.ReadAsync()) queues.Add(reader.GetString(0));
        Assert.NotEmpty(queues);
        var partitions = Enumerable.Range(1, PeelCases.Workflow.WorkflowConfiguration.Queues).Select(n => new Uri($"local://inspection-workflow{n}")).ToList();
        Assert.All(queues, q => Assert.Contains(new Uri(q), partitions));
    }

    /// <summary>
    /// A detailed scoping gives the workflow nothing to do, and the progress step a carry-over causes is decided in the
    /// carry-over's own transaction: neither is handed on to a step that would lock the inspection to find nothing to do.
    /// </summary>
    [Fact]
    public async Task The_workflow_is_handed_only_the_scopings_and_carry_overs_it_has_work_for()
    {
        await CumbriaHistoryAsync();
        var starts = new DateOnly(2018, 10, 8);
        var view = await ScheduleAsync(new ScheduleInspection(null, "cumbria", "2018/19", "peel-2018-19", ["E1", "E3"], "lena.lead", starts, starts.AddDays(11), Commands.Team));

        var detailed = await Tracked(() => Post<InspectionView>($"/inspections/{view.Id}/questions/E3/scope",
            new ScopeQuestion(QuestionScope.Detailed, null, view.QuestionVersion("E3")), TestUser.Lead));
        Assert.Empty(detailed.Executed.MessagesOf<QuestionScoped>());

        var carryOver = await Tracked(() => Post<InspectionView>($"/inspections/{view.Id}/questions/E1/scope",
            new ScopeQuestion(QuestionScope.CarryOver, null, view.QuestionVersion("E1")), TestUser.Lead));
        Assert.Single(carryOver.Executed.MessagesOf<QuestionScoped>());
        Assert.Empty(carryOver.Executed.MessagesOf<JudgmentCarriedOver>());
        var e1 = (await View(view.Id)).Questions.Single(q => q.Code == "E1");
        Assert.Equal((QuestionStage.CarriedOver, 2016), (e1.Stage, e1.CarriedOverFrom!.Year));
    }

    [Fact]
    public async Task A_redelivered_message_changes_nothing_twice()
    {
        await CumbriaHistoryAsync();
        var view = await BuildAsync("cumbria", "peel-2018-19", "2018/19", 2018,
            new QuestionPlan("E2", QuestionScope.CarryOver), new QuestionPlan("E3", QuestionScope.Detailed));
        var finding = Assert.Single(await Get<List<PeelCases.Findings.Finding>>($"/inspections/{view.Id}/findings", TestUser.Lead));
        view = await ProposeAsync(view, "E3", Grade.Good, finding.Id);
        var before = await EventsOf(view.Id);

        // Deliver again what the workflow has already handled.
        var entered = before.Select(e => e.Data).OfType<GradeEnteredModeration>().Single();
        var scoped = before.Select(e => e.Data).OfType<QuestionScoped>().Single(e => e.QuestionCode == "E2");
        await App.Host.InvokeMessageAndWaitAsync(entered);
        await App.Host.InvokeMessageAndWaitAsync(entered);
        await App.Host.InvokeMessageAndWaitAsync(before.Select(e => e.Data).OfType<GradeProposed>().Single());
        await App.Host.InvokeMessageAndWaitAsync(scoped);
        await App.Host.InvokeMessageAndWaitAsync(new CloseFactualAccuracyCheck(view.Id, DateTimeOffset.MinValue));

        var after = await EventsOf(view.Id);
        Assert.Equal(before.Count, after.Count);
        Assert.Single(after, e => e.Data is GradeEnteredModeration);
        Assert.Single(after, e => e.Data is JudgmentCarriedOver);
    }

    [Fact]
    public async Task The_board_shows_who_holds_each_item_since_when_and_flags_what_is_stuck()
    {
        var view = await BuildAsync("cumbria", "peel-2018-19", "2018/19", 2018, new QuestionPlan("E3", QuestionScope.Detailed));
        var finding = Assert.Single(await Get<List<PeelCases.Findings.Finding>>($"/inspections/{view.Id}/findings", TestUser.Lead));
        await ProposeAsync(view, "E3", Grade.Good, finding.Id);

        var now = Assert.Single(await Get<List<BoardInspection>>("/board", TestUser.Lead));
        var question = Assert.Single(now.Questions);
        Assert.Equal((QuestionStage.Moderation, "moderation panel", false), (question.Stage, question.HeldBy, question.Stuck));
        Assert.Contains("awaits a moderator", question.Blocker);
        Assert.Empty(await Get<List<BoardInspection>>("/board?stuckOnly=true", TestUser.Lead));

        App.Clock.Advance(TimeSpan.FromDays(15));
        var later = Assert.Single(await Get<List<BoardInspection>>("/board?stuckOnly=true", TestUser.Lead));
        Assert.True(later.Questions[0].Stuck);
        Assert.Equal(15, later.Questions[0].DaysWaiting);
    }
}
