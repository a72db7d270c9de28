using JasperFx.Events.Daemon;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using PeelCases.Tests.Support;
using System.Text.Json;
using PeelCases.Audit;
using PeelCases.Fieldwork;
using PeelCases.Findings;
using PeelCases.Inspections;
using PeelCases.Lifecycle;
using PeelCases.Moderation;
using PeelCases.QualityAssurance;
using PeelCases.ReferenceData;

namespace PeelCases.Tests.Integration;

public sealed class AuditTests(AppFixture app) : GradingTestBase(app)
{
    [Fact]
    public async Task Pages_versions_and_ranges_outside_the_record_are_refused_never_answered_with_another_part_of_it()
    {
        var view = await ScheduleAsync(Commands.Schedule(questions: ["E3"]));
        view = await ScopeAsync(view, "E3", QuestionScope.Detailed);
        var id = view.Id;

        // A page number whose offset overflows an int once answered with page 1.
        Assert.Contains("past the end", (await Problem(HttpMethod.Get, $"/inspections/{id}/events?page=4294969&pageSize=500", null, TestUser.Lead, 404)).Detail);
        Assert.Contains("past the end", (await Problem(HttpMethod.Get, $"/inspections/{id}/events?page=2", null, TestUser.Lead, 404)).Detail);
        Assert.Equal(1, (await Get<EventPage>($"/inspections/{id}/events?page=1", TestUser.Lead)).Page);

        var beyond = $"Inspection {id} is at version {view.Version}; there is no version 99999 yet.";
        Assert.Equal(beyond, (await Problem(HttpMethod.Get, $"/inspections/{id}/as-of?version=99999", null, TestUser.Lead, 404)).Detail);
        Assert.Equal(beyond, (await Problem(HttpMethod.Get, $"/inspections/{id}/questions/E3/as-of?version=99999", null, TestUser.Lead, 404)).Detail);
        Assert.Equal(beyond, (await Problem(HttpMethod.Get, $"/inspections/{id}/diff?fromVersion=1&toVersion=99999", null, TestUser.Lead, 404)).Detail);
        Assert.Equal(view.Version, (await Get<InspectionView>($"/inspections/{id}/as-of?version={view.Version}", TestUser.Lead)).Version);

        var reversed = await Problem(HttpMethod.Get, $"/inspections/{id}/diff?fromVersion={view.Version}&toVersion=1", null, TestUser.Lead, 400);
        Assert.Contains("The comparison runs forward", reversed.Detail);
        await Problem(HttpMethod.Get, $"/inspections/{id}/diff?fromAt=2019-01-02T00:00:00Z&toAt=2019-01-01T00:00:00Z", null, TestUser.Lead, 400);
        await Problem(HttpMethod.Get, $"/inspections/{id}/diff?fromVersion=0", null, TestUser.Lead, 400);
        Assert.NotNull(await Get<InspectionDiff>($"/inspections/{id}/diff?fromVersion=1&toVersion={view.Version}", TestUser.Lead));
    }

    private async Task<List<RecordStep>> Events(Guid id, string query = "") =>
        (await Get<EventPage>($"/inspections/{id}/events?pageSize=500{query}", TestUser.Moderator)).Events.ToList();

    [Fact]
    public async Task As_of_a_version_or_a_moment_the_record_reads_as_it_stood_through_revisions_and_withdrawals()
    {
        var view = await ScheduleAsync(Commands.Schedule(questions: ["E3"]));
        view = await ScopeAsync(view, "E3", QuestionScope.Detailed);
        view = await StartFieldworkAsync(view);
        var atFieldwork = view.Version;
        var evidence = await RecordAsync(view.Id, Commands.Evidence(questions: ["E3"]));
        var kept = await DraftAsync(view.Id, "E3", evidence.Id);
        var dropped = await DraftAsync(view.Id, "E3", evidence.Id, FindingKind.AreaForImprovement);
        await Post<Finding>($"/inspections/{view.Id}/findings/{kept.Id}/revisions",
            new ReviseFinding("Responding to incidents", FindingKind.Strength, "Revised after QA.", [evidence.Id], null, "wording", 1), TestUser.Inspector);
        view = await CompleteFieldworkAsync(view);
        var afterRevision = view.Version;
        await Post<Finding>($"/inspections/{view.Id}/findings/{dropped.Id}/withdrawal", new WithdrawFinding("duplicate", 1), TestUser.Inspector);
        view = await Step(view, "questions/E3/qa-submission", new InspectionStep(view.QuestionVersion("E3")), TestUser.Inspector);

        var then = await Get<QuestionAsOf>($"/inspections/{view.Id}/questions/E3/as-of?version={atFieldwork}", TestUser.Moderator);
        Assert.Equal(QuestionStage.Fieldwork, then.Question.Stage);
        Assert.Empty(then.Findings);
        Assert.Empty(then.Evidence);

        var revised = await Get<QuestionAsOf>($"/inspections/{view.Id}/questions/E3/as-of?version={afterRevision}", TestUser.Moderator);
        Assert.Equal(QuestionStage.Drafting, revised.Question.Stage);
        Assert.Equal(["Revised after QA.", "The force is effective at E3."], revised.Findings.Select(f => f.Content.Text));
        Assert.Equal(1, revised.Question.Findings[nameof(FindingKind.AreaForImprovement)]);
        Assert.Empty(revised.WithdrawnFindings); // not yet withdrawn at that point

        var now = await Get<QuestionAsOf>($"/inspections/{view.Id}/questions/E3/as-of?version={view.QuestionVersion("E3")}", TestUser.Moderator);
        Assert.Equal([kept.Id], now.Findings.Select(f => f.Id));
        // The withdrawn one is kept beside them, with why, by whom and when.
        var withdrawn = Assert.Single(now.WithdrawnFindings);
        Assert.Equal((dropped.Id, "duplicate", TestUser.Inspector.Id), (withdrawn.Id, withdrawn.WithdrawnBecause, withdrawn.WithdrawnBy));
        Assert.NotNull(withdrawn.WithdrawnAt);
        Assert.Equal(QuestionStage.QaReview, now.Question.Stage);

        // By recorded time: just before the revision the finding read as first drafted.
        var revision = (await Events(view.Id, "&type=FindingRevised")).Single();
        var before = await Get<QuestionAsOf>($"/inspections/{view.Id}/questions/E3/as-of?at={Uri.EscapeDataString(revision.RecordedAt.AddTicks(-1).ToString("O"))}", TestUser.Moderator);
        Assert.Contains(before.Findings, f => f.Id == kept.Id && f.Content.Text == "The force is effective at E3.");
        var inspectionThen = await Get<InspectionView>($"/inspections/{view.Id}/as-of?at={Uri.EscapeDataString(revision.RecordedAt.ToString("O"))}", TestUser.Moderator);
        Assert.Equal((InspectionStage.Fieldwork, 1), (inspectionThen.Stage, inspectionThen.EvidenceCount));

        await Problem(HttpMethod.Get, $"/inspections/{view.Id}/as-of?version=0", null, TestUser.Moderator, 400);
        await Problem(HttpMethod.Get, $"/inspections/{view.Id}/as-of?at=2000-01-01T00:00:00Z", null, TestUser.Moderator, 404);
        await Problem(HttpMethod.Get, $"/inspections/{view.Id}/as-of?version=abc", null, TestUser.Moderator, 400);
        await Problem(HttpMethod.Get, $"/inspections/{view.Id}/as-of", null, TestUser.Liaison, 403);

        // The timeline the inline projection wrote with each event is the one the SQL mapping fills from the stored
        // events (the import's and the upgrade's path).
        var written = await Timeline(view.Id);
        Assert.Equal(6, written.Count); // evidence recorded (itself and its question); two findings drafted, one revised, one withdrawn
        await using (var session = App.Store.LightweightSession())
        {
            session.QueueSqlCommand($"delete from peelcases.{RecordTimelineProjection.Table} where inspection_id = ?", view.Id);
            session.QueueSqlCommand(RecordTimelineProjection.Fill("(e.data ->> 'inspectionId')::uuid = ?"), view.Id);
            await session.SaveChangesAsync();
        }
        Assert.Equal(written, await Timeline(view.Id));
    }

    private async Task<List<string>> Timeline(Guid inspectionId)
    {
        await using var session = App.Store.QuerySession();
        return (await session.QueryAsync<string>($"select row_to_json(t)::text from peelcases.{RecordTimelineProjection.Table} t where inspection_id = ? order by item_id, version, question", inspectionId)).ToList();
    }

    [Fact]
    public async Task The_grade_trail_tells_the_whole_story_in_order_with_who_and_when_and_follows_a_carry_over_to_its_award()
    {
        var (in2016, _) = await CumbriaHistoryAsync();
        var view = await BuildAsync("cumbria", "peel-2018-19", "2018/19", 2018,
            new("E1", QuestionScope.CarryOver), new("E3", QuestionScope.Detailed, Grade.Good));

        var trail = await Get<GradeTrailView>($"/inspections/{view.Id}/questions/E3/trail", TestUser.Moderator);
        Assert.Equal(
            ["InspectionScheduled", "QuestionScoped", "FieldworkStarted", "EvidenceRecorded", "FindingDrafted", "FieldworkCompleted",
             "FindingsSubmittedForQa", "FindingsAcceptedByQa", "GradeProposed", "GradeEnteredModeration", "GradeModerated", "GradeAwarded"],
            trail.Steps.Select(s => s.EventType));
        Assert.Equal(trail.Steps.Select(s => s.Sequence).Order(), trail.Steps.Select(s => s.Sequence));
        Assert.All(trail.Steps, s => Assert.False(string.IsNullOrEmpty(s.CorrelationId)));
        // The proposal enters the moderation queue in its own transaction, so both are the proposer's.
        Assert.Equal(["lena.lead", "lena.lead", "mo.moderator", "hannah.hmi"], trail.Steps.Skip(8).Select(s => s.Actor));
        Assert.Equal("ian.inspector", trail.Steps.Single(s => s.EventType == "EvidenceRecorded").Actor);
        Assert.Equal("evidence", trail.Steps.Single(s => s.EventType == "EvidenceRecorded").Stream);
        Assert.All(trail.Steps, s => Assert.NotNull(s.BusinessTime));
        Assert.Contains("awarded Good", trail.Steps[^1].Description);

        var carried = await Get<GradeTrailView>($"/inspections/{view.Id}/questions/E1/trail", TestUser.Moderator);
        Assert.Equal("JudgmentCarriedOver", carried.Steps[^1].EventType);
        Assert.Equal(in2016.Id, carried.CarriedOverFrom!.InspectionId);
        Assert.Equal("GradeAwarded", carried.CarriedOverFrom.Steps[^1].EventType);
        await Problem(HttpMethod.Get, $"/inspections/{view.Id}/questions/E9/trail", null, TestUser.Moderator, 404);
    }

    [Fact]
    public async Task A_diff_lists_what_changed_between_two_points()
    {
        var view = await ScheduleAsync(Commands.Schedule(questions: ["E3"]));
        view = await ScopeAsync(view, "E3", QuestionScope.Detailed);
        view = await StartFieldworkAsync(view);
        var from = view.Version;
        var evidence = await RecordAsync(view.Id, Commands.Evidence(questions: ["E3"]));
        var finding = await DraftAsync(view.Id, "E3", evidence.Id);
        view = await CompleteFieldworkAsync(view);
        view = await Step(view, "questions/E3/qa-submission", new InspectionStep(view.QuestionVersion("E3")), TestUser.Inspector);
        view = await QaAsync(view, "E3", QaOutcome.Accept);
        view = await ProposeAsync(view, "E3", Grade.Good, finding.Id);

        var diff = await Get<InspectionDiff>($"/inspections/{view.Id}/diff?fromVersion={from}&toVersion={view.Version}", TestUser.Moderator);
        // Its only question in moderation, the whole inspection has entered moderation.
        Assert.Equal((InspectionStage.Fieldwork, InspectionStage.Moderation), (diff.Stage!.Before, diff.Stage.After));
        var question = Assert.Single(diff.Questions);
        Assert.Equal(("Fieldwork", "Moderation"), (question.Stage!.Before, question.Stage.After));
        Assert.Equal((null, "Good (proposed)"), (question.Grade!.Before, question.Grade.After));
        Assert.Equal("added", Assert.Single(diff.Findings).Change);
        Assert.Equal(1, diff.EvidenceAdded);
        Assert.Equal((from, view.Version), (diff.VersionFrom, diff.VersionTo));
        await Problem(HttpMethod.Get, $"/inspections/{view.Id}/diff", null, TestUser.Moderator, 400);
    }

    [Fact]
    public async Task A_page_reads_each_record_once_and_a_new_request_reads_what_was_recorded_since()
    {
        var view = await ScheduleAsync(Commands.Schedule(questions: ["E3"]));
        view = await ScopeAsync(view, "E3", QuestionScope.Detailed);
        view = await StartFieldworkAsync(view);
        await RecordAsync(view.Id, Commands.Evidence(questions: ["E3"]));

        await using var session = App.Store.QuerySession();
        var reads = new RecordReads(session);
        var first = await reads.LoadAsync(view.Id, default);
        Assert.Single(first!.StateAt(PointInRecord.Now).Evidence);
        await RecordAsync(view.Id, Commands.Evidence(questions: ["E3"]));
        // The page's point, trail and comparison are views of the record it read first.
        Assert.Same(first, await reads.LoadAsync(view.Id, default));
        Assert.Null(await reads.LoadAsync(Guid.NewGuid(), default));
        Assert.Equal(2, (await new RecordReads(session).LoadAsync(view.Id, default))!.StateAt(PointInRecord.Now).Evidence.Count);

        // Through the page's own calls: the point as of now and the comparison agree on the one record they share.
        var asOf = (Microsoft.AspNetCore.Http.HttpResults.Ok<QuestionAsOf>)await TimeTravel.ReadQuestion(view.Id, "E3", null, null, null, reads, default);
        var diff = (Microsoft.AspNetCore.Http.HttpResults.Ok<InspectionDiff>)await RecordDiff.Read(view.Id, null, null, 1, null, reads, default);
        Assert.Single(asOf.Value!.Evidence);
        Assert.Equal(1, diff.Value!.EvidenceAdded);
    }

    [Fact]
    public async Task Moderators_see_a_proposer_whose_grades_moderation_keeps_lowering_across_forces()
    {
        var pat = new TestUser("pat.proposer", [PeelCases.Kernel.Roles.LeadInspector]);
        var plan = new[] { ("cleveland", Grade.Good, Grade.Good), ("cheshire", Grade.Outstanding, Grade.Good),
            ("merseyside", Grade.Good, Grade.RequiresImprovement), ("gloucestershire", Grade.Good, Grade.Good) };
        var lowered = new List<Guid>();
        foreach (var (force, proposed, moderated) in plan)
        {
            var view = await BuildAsync(force, "peel-2018-19", "2018/19", 2018, new QuestionPlan("E3", QuestionScope.Detailed));
            var finding = (await Get<List<Finding>>($"/inspections/{view.Id}/findings?question=E3", TestUser.Lead)).Single().Id;
            view = await Step(view, "questions/E3/grade-proposals", new PeelCases.Grading.ProposeGrade(proposed, "As the findings show.", [finding], view.QuestionVersion("E3")), pat);
            await ModerateAsync(view, "E3", moderated, moderated == proposed ? null : "The findings describe a weaker service.");
            if (moderated != proposed) lowered.Add(view.Id);
        }

        var report = await Get<ProposerDriftReport>("/moderation/proposers?cycle=2018/19", TestUser.Moderator);
        var row = report.Proposers.Single(p => p.ProposedBy == pat.Id);
        Assert.Equal((4, 2, 2, 0, 0.5, 4), (row.Moderated, row.Confirmed, row.Lowered, row.Raised, row.MeanSteps, row.Forces));
        Assert.Equal(lowered.Order(), row.Changes.Select(c => c.InspectionId).Order());
        Assert.All(row.Changes, c => Assert.Equal(("mo.moderator", "The findings describe a weaker service."), (c.ModeratedBy, c.Reason)));
        Assert.Equal("Out of tolerance: moderation changed 2 of its 4 grades, more than a third; its grades run generous: moderation graded 0.5 of a step lower on average.", row.Flag);
        Assert.All(report.Proposers.SkipWhile(p => p.Flag is not null), p => Assert.Null(p.Flag)); // the flagged first
        // Another cycle has none of these.
        Assert.DoesNotContain((await Get<ProposerDriftReport>("/moderation/proposers?cycle=2021/22", TestUser.Moderator)).Proposers, p => p.ProposedBy == pat.Id);
        Assert.Contains("No framework is for cycle", (await Problem(HttpMethod.Get, "/moderation/proposers?cycle=1999", null, TestUser.Moderator, 404)).Detail);
        await Problem(HttpMethod.Get, "/moderation/proposers", null, TestUser.Liaison, 403);
    }

    [Fact]
    public async Task The_event_history_is_paged_and_filtered_by_question_type_and_actor()
    {
        var view = await BuildAsync("cumbria", "peel-2018-19", "2018/19", 2018,
            new("E3", QuestionScope.Detailed, Grade.Good), new("E5", QuestionScope.Ungraded));
        var all = await Events(view.Id);
        Assert.Equal(all.Select(e => e.Sequence).Order(), all.Select(e => e.Sequence));
        var page2 = await Get<EventPage>($"/inspections/{view.Id}/events?page=2&pageSize=5", TestUser.Moderator);
        Assert.Equal((all.Count, 5), (page2.Total, page2.Events.Count));
        Assert.Equal(all.Skip(5).Take(5).Select(e => e.Sequence), page2.Events.Select(e => e.Sequence));
        Assert.All(await Events(view.Id, "&question=E5"), e => Assert.Contains("E5", JsonSerializer.Serialize(e.Data)));
        Assert.Equal(2, (await Events(view.Id, "&type=FindingDrafted")).Count);
        Assert.All(await Events(view.Id, "&actor=quinn.qa"), e => Assert.Equal("FindingsAcceptedByQa", e.EventType));
        await Problem(HttpMethod.Get, $"/inspections/{view.Id}/events?pageSize=5000", null, TestUser.Moderator, 400);
        await Problem(HttpMethod.Get, $"/inspections/{Guid.NewGuid()}/events", null, TestUser.Moderator, 404);
    }

    [Fact]
    public async Task Moderators_compare_a_question_across_forces_and_see_grades_at_odds_with_their_findings()
    {
        var good = new[] { FindingKind.Strength, FindingKind.Strength };
        await BuildAsync("cumbria", "peel-2018-19", "2018/19", 2018, new QuestionPlan("E3", QuestionScope.Detailed, Grade.Good, good));
        await BuildAsync("kent", "peel-2018-19", "2018/19", 2018, new QuestionPlan("E3", QuestionScope.Detailed, Grade.Good, good));
        await BuildAsync("dorset", "peel-2018-19", "2018/19", 2018, new QuestionPlan("E3", QuestionScope.Detailed, Grade.Good, good));
        var outlier = await BuildAsync("gwent", "peel-2018-19", "2018/19", 2018, new QuestionPlan("E3", QuestionScope.Detailed, Grade.Outstanding,
            [FindingKind.Strength, FindingKind.AreaForImprovement, FindingKind.CauseOfConcern]));
        await BuildAsync("essex", "peel-2018-19", "2018/19", 2018, new QuestionPlan("E3", QuestionScope.Detailed));

        var comparison = await Get<GradeComparison>("/moderation/comparison?cycle=2018/19&question=E3", TestUser.Moderator);
        Assert.Equal(5, comparison.Forces.Count);
        Assert.Equal((3, 1), (comparison.Distribution[Grade.Good], comparison.Distribution[Grade.Outstanding]));
        Assert.Equal(Grade.Good, comparison.MedianGrade);
        var flagged = Assert.Single(comparison.Forces, f => f.Flag is not null);
        Assert.Equal((outlier.Id, -2), (flagged.InspectionId, flagged.FindingBalance));
        Assert.Contains("above the median Good", flagged.Flag);
        Assert.Null(comparison.Forces.Single(f => f.ForceId == "essex").Standing);
        Assert.Contains("median", comparison.Rule);
        await Problem(HttpMethod.Get, "/moderation/comparison?cycle=2018/19", null, TestUser.Moderator, 400);
        await Problem(HttpMethod.Get, "/moderation/comparison?cycle=1999&question=E3", null, TestUser.Moderator, 404);
    }

    [Fact]
    public async Task Rebuilding_every_read_model_from_the_events_gives_identical_documents()
    {
        await CumbriaHistoryAsync();
        var view = await BuildAsync("cumbria", "peel-2018-19", "2018/19", 2018,
            new("E1", QuestionScope.CarryOver), new("E3", QuestionScope.Detailed, Grade.Good, [FindingKind.Strength, FindingKind.AreaForImprovement]));
        // A team recording at once on another inspection, in fieldwork.
        var kent = await StartFieldworkAsync(await ScopeAsync(await ScheduleAsync(Commands.Schedule(force: "kent", questions: ["E3"])), "E3", QuestionScope.Detailed));
        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => App.Host.Scenario(s =>
        {
            s.Post.Json(Commands.Evidence(summary: $"Observation {i}", method: PeelCases.Fieldwork.EvidenceMethod.Observation, sampleSize: null,
                questions: ["E3"])).ToUrl($"/inspections/{kent.Id}/evidence");
            s.WithBearerToken(App.TokenFor(TestUser.Inspector));
            s.StatusCodeShouldBe(201);
        })));
        await App.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var before = await ReadModels.SnapshotAsync(App.Store);

        await ReadModels.RebuildAllAsync(App.Host);
        await App.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var after = await ReadModels.SnapshotAsync(App.Store);
        ReadModels.AssertIdentical(before, after);
        Assert.Contains(before.Keys, k => k.StartsWith("ForceGradeHistory:", StringComparison.Ordinal));
        Assert.Equal(12, before.Keys.Count(k => k.StartsWith("Evidence:", StringComparison.Ordinal) && before[k].Contains(kent.Id.ToString())));
    }
}
