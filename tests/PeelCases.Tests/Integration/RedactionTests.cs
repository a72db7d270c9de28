using Marten;
using Marten.Events;
using PeelCases.FactualAccuracy;
using PeelCases.Findings;
using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.Moderation;
using PeelCases.Monitoring;
using PeelCases.ReferenceData;
using PeelCases.Tests.Support;

namespace PeelCases.Tests.Integration;

/// <summary>Redaction of what the inspection's own stream holds: a question's deliberation and a force's challenge.</summary>
public sealed class RedactionTests(AppFixture app) : GradingTestBase(app)
{
    private static readonly TestUser Admin = new("dpo.admin", [Roles.Administrator]);

    [Fact]
    public async Task A_questions_deliberation_and_a_challenge_are_redacted_in_the_record_and_the_stored_events_and_a_rebuild_agrees()
    {
        var view = await BuildAsync("cumbria", "peel-2021-22", "2021/22", 2021, new QuestionPlan("Q4", QuestionScope.Detailed, Grade.Good));
        view = await Step(view, "questions/Q4/summary",
            new WriteQuestionSummary("The force is outstanding at answering calls. Jane Doe praised the call handler.", view.QuestionVersion("Q4")), TestUser.Lead);
        view = await SummariseAsync(view);
        // The summary's grade word disagrees with the record (good); the moderator keeps it, with a reason naming her.
        var flag = Assert.Single((await Get<DraftCheckView>($"/inspections/{view.Id}/draft-checks", TestUser.Lead)).Flags);
        Assert.Equal(("Q4", ""), (flag.QuestionCode, flag.PillarCode));
        view = await Step(view, $"draft-checks/{flag.Id}/dismissal", new DismissDraftFlag("Jane Doe praised it as outstanding; her words.", view.Version), TestUser.Moderator);
        view = await Step(view, "sign-off", new InspectionStep(view.Version), TestUser.Hmi);
        view = await Step(view, "factual-accuracy-check", new InspectionStep(view.Version), TestUser.Lead);
        var challengeId = Guid.NewGuid();
        await Send(HttpMethod.Post, $"/inspections/{view.Id}/factual-accuracy-check/challenges",
            new RaiseChallenge(challengeId, "Jane Doe's case was closed on 3 May, not 5 May.", null), TestUser.Liaison, 200);
        view = await Get<InspectionView>($"/inspections/{view.Id}", TestUser.Lead);
        view = await Step(view, $"factual-accuracy-check/challenges/{challengeId}/resolution",
            new ResolveChallenge(true, "Jane Doe's case date corrected.", view.Version), TestUser.Lead);

        await Problem(HttpMethod.Post, $"/inspections/{view.Id}/questions/Q4/redaction", new RedactText("x", view.QuestionVersion("Q4")), TestUser.Inspector, 403);
        await Problem(HttpMethod.Post, $"/inspections/{view.Id}/questions/Q9/redaction", new RedactText("x", 1), Admin, 404);
        view = await Step(view, "questions/Q4/redaction", new RedactText("Erasure request from Jane Doe's solicitor", view.QuestionVersion("Q4")), Admin);
        var q4 = view.Questions.Single(q => q.Code == "Q4");
        Assert.Equal(("[redacted]", "[redacted]", Grade.Good), (q4.Summary, q4.Proposed!.Rationale, q4.Grade));
        Assert.Equal(("Erasure request from Jane Doe's solicitor", Admin.Id), (q4.Redacted!.Reason, q4.Redacted.By)); // the question's stamp
        Assert.All(view.Questions.Where(q => q.Code != "Q4"), q => Assert.Null(q.Redacted));
        await using (var session = App.Store.QuerySession())
        {
            var dismissal = Assert.Single((await session.LoadAsync<Inspection>(view.Id))!.DismissedDraftFlags);
            Assert.Equal(("[redacted]", TestUser.Moderator.Id, "Q4"), (dismissal.Reason, dismissal.By, dismissal.QuestionCode));
        }
        view = await Step(view, $"factual-accuracy-check/challenges/{challengeId}/redaction", new RedactText("Erasure request", view.Version), Admin);
        var challenge = Assert.Single(view.FactualAccuracy!.Challenges);
        Assert.Equal(("[redacted]", "[redacted]", true, TestUser.Liaison.Id), (challenge.Text, challenge.Reason, challenge.Accepted, challenge.RaisedBy));
        // Nothing left to remove: a second redaction appends nothing.
        var before = await TotalEvents();
        view = await Step(view, "questions/Q4/redaction", new RedactText("again", view.QuestionVersion("Q4")), Admin);
        Assert.Equal(before, await TotalEvents());

        await using (var session = App.Store.QuerySession())
        {
            var stored = string.Join("\n", await session.QueryAsync<string>("select data::text from peelcases.mt_events where stream_id = ? and type not like '%redacted'", view.Id))
                         + string.Concat(await session.QueryAsync<string>("select data::text from peelcases.mt_doc_inspection where id = ?", view.Id));
            Assert.DoesNotContain("3 May", stored);
            Assert.DoesNotContain("praised", stored);
            Assert.DoesNotContain("consistent good practice", stored); // the rationale
        }
        foreach (var read in new[] { $"/inspections/{view.Id}/events?pageSize=500", $"/inspections/{view.Id}/questions/Q4/trail", $"/inspections/{view.Id}/as-of?version=5",
                     $"/inspections/{view.Id}/questions/Q4/as-of", "/reports/cumbria/peel-2021-22" })
            Assert.DoesNotContain("praised", (await Send(HttpMethod.Get, read, null, TestUser.Lead, 200)).ReadAsText());

        await App.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30)); // the async read models, caught up
        var live = await ReadModels.SnapshotAsync(App.Store);
        await ReadModels.RebuildAllAsync(App.Host);
        Assert.Equal(live, await ReadModels.SnapshotAsync(App.Store));
    }

    [Fact]
    public async Task A_pillars_rationale_moderation_reason_summary_and_dismissed_draft_flag_are_redacted_and_its_grades_stay()
    {
        var view = await BuildAsync("west-yorkshire", "peel-2018-19", "2018/19", 2018, new QuestionPlan("E3", QuestionScope.Detailed, Grade.Good));
        view = await Step(view, "pillars/effectiveness/grade-proposals", new ProposePillarGrade(Grade.Outstanding, "As PC Pat Example told us, the force is outstanding.", view.Version), TestUser.Lead);
        view = await Step(view, "pillars/effectiveness/moderation", new ModerateGrade(Grade.Good, "PC Pat Example's account is one voice; E3 is good.", view.Version), TestUser.Moderator);
        view = await Step(view, "pillars/effectiveness/summary", new WritePillarSummary("The force is outstanding; PC Pat Example's case shows it.", view.Version), TestUser.Lead);
        // The summary says outstanding where the moderated grade is good; the lead inspector keeps it, with a reason naming the officer.
        var flag = Assert.Single((await Get<DraftCheckView>($"/inspections/{view.Id}/draft-checks", TestUser.Lead)).Flags);
        Assert.Equal(("", "effectiveness"), (flag.QuestionCode, flag.PillarCode));
        view = await Step(view, $"draft-checks/{flag.Id}/dismissal", new DismissDraftFlag("PC Pat Example's words, quoted as said.", view.Version), TestUser.Lead);

        await Problem(HttpMethod.Post, $"/inspections/{view.Id}/pillars/effectiveness/redaction", new RedactText("x", view.Version), TestUser.Inspector, 403);
        await Problem(HttpMethod.Post, $"/inspections/{view.Id}/pillars/atlantis/redaction", new RedactText("x", view.Version), Admin, 404);
        await Problem(HttpMethod.Post, $"/inspections/{view.Id}/pillars/effectiveness/redaction", new RedactText(" ", view.Version), Admin, 400);
        view = await Step(view, "pillars/effectiveness/redaction", new RedactText("Erasure request from Jane Doe's solicitor", view.Version), Admin);
        var pillar = Assert.Single(view.Pillars);
        Assert.Equal(("[redacted]", "[redacted]", "[redacted]"), (pillar.Proposed!.Rationale, pillar.Moderated!.Reason, pillar.Summary));
        Assert.Equal(("Erasure request from Jane Doe's solicitor", Admin.Id), (pillar.Redacted!.Reason, pillar.Redacted.By)); // the pillar's stamp
        Assert.Equal((Grade.Outstanding, Grade.Good, TestUser.Lead.Id, TestUser.Moderator.Id),
            (pillar.Proposed.Grade, pillar.Moderated.Grade, pillar.Proposed.ProposedBy, pillar.Moderated.ModeratedBy));
        await using (var session = App.Store.QuerySession())
        {
            var record = (await session.LoadAsync<Inspection>(view.Id))!;
            var redaction = record.Redactions.Last();
            Assert.Equal(("pillar effectiveness", "Erasure request from Jane Doe's solicitor", Admin.Id), (redaction.What, redaction.Reason, redaction.By));
            Assert.Equal(("[redacted]", "effectiveness"), (Assert.Single(record.DismissedDraftFlags).Reason, record.DismissedDraftFlags[0].PillarCode));
        }
        // Nothing left to remove: a second redaction appends nothing; the pillar is still awarded its moderated grade.
        var before = (await EventsOf(view.Id)).Count;
        view = await Step(view, "pillars/effectiveness/redaction", new RedactText("again", view.Version), Admin);
        Assert.Equal(before, (await EventsOf(view.Id)).Count);
        view = await Step(view, "pillars/effectiveness/award", new InspectionStep(view.Version), TestUser.Hmi);
        Assert.Equal(Grade.Good, Assert.Single(view.Pillars).Awarded!.Grade);

        await using (var session = App.Store.QuerySession())
        {
            var stored = string.Join("\n", await session.QueryAsync<string>("select data::text from peelcases.mt_events where stream_id = ? and type not like '%redacted'", view.Id))
                         + string.Concat(await session.QueryAsync<string>("select data::text from peelcases.mt_doc_inspection where id = ?", view.Id));
            Assert.DoesNotContain("Pat Example", stored);
        }
        foreach (var read in new[] { $"/inspections/{view.Id}/events?pageSize=500", $"/inspections/{view.Id}/as-of?version={before - 1}" })
            Assert.DoesNotContain("Pat Example", (await Send(HttpMethod.Get, read, null, TestUser.Lead, 200)).ReadAsText());
    }
    [Fact]
    public async Task A_forces_monitoring_record_is_redacted_in_the_record_and_the_stored_events_and_its_moves_stay()
    {
        var view = await BuildAsync("cumbria", "peel-2021-22", "2021/22", 2021,
            new QuestionPlan("Q4", QuestionScope.Detailed, Grade.Inadequate, [FindingKind.CauseOfConcern]));
        var concern = (await Get<List<Finding>>($"/inspections/{view.Id}/findings", TestUser.Lead)).Single(f => f.Content.Kind == FindingKind.CauseOfConcern);
        const string url = "/forces/cumbria/monitoring/redaction";
        var why = new RedactText("Erasure request from Jane Doe's solicitor", 0);
        Assert.Contains("never moved", (await Problem(HttpMethod.Post, url, why, Admin, 404)).Detail);
        await Post<MonitoringView>("/forces/cumbria/monitoring", new ChangeMonitoringStage(MonitoringStage.Engage,
            "Jane Doe's complaint shows emergency calls go unanswered.", [concern.Id], new DateOnly(2022, 3, 1), 0), TestUser.Hmi);
        var today = UkTime.Today(App.Clock.GetUtcNow());
        await Post<MonitoringView>("/forces/cumbria/monitoring/improvement-plan",
            new RecordImprovementPlan(today, "Call Jane Doe back every week.", "Held by Jane Doe's MP", 1), TestUser.Hmi);

        // Refused: not a role that redacts (403), no reason (400), a stale version (409), no such force (404). Nothing recorded.
        var before = await TotalEvents();
        why = why with { ExpectedVersion = 2 };
        await Problem(HttpMethod.Post, url, why, TestUser.Hmi, 403);
        Assert.Equal(["reason"], (await Problem(HttpMethod.Post, url, why with { Reason = " " }, Admin, 400)).Errors!.Keys);
        Assert.Equal("Stale version", (await Problem(HttpMethod.Post, url, why with { ExpectedVersion = 1 }, Admin, 409)).Title);
        await Problem(HttpMethod.Post, "/forces/nowhere/monitoring/redaction", why, Admin, 404);
        Assert.Equal(before, await TotalEvents());

        var redacted = await Post<MonitoringView>(url, why, Admin);
        Assert.Equal((TextMask.Marker, TextMask.Marker, TextMask.Marker, TextMask.Marker),
            (redacted.Reason, Assert.Single(redacted.Moves).Reason, redacted.ImprovementPlan!.Summary, redacted.ImprovementPlan.Reference));
        // What is not free text stays: the stage, the move, who made it, the cause of concern, the days.
        Assert.Equal((MonitoringStage.Engage, concern.Id, TestUser.Hmi.Id, new DateOnly(2022, 3, 1), today),
            (redacted.Stage, Assert.Single(redacted.CausesOfConcern), redacted.Moves[0].By, redacted.ImprovementPlanDue, redacted.ImprovementPlan.ReceivedOn));
        var stamp = Assert.Single(redacted.Redactions!);
        Assert.Equal(("Erasure request from Jane Doe's solicitor", Admin.Id), (stamp.Reason, stamp.By));
        // Sent again: nothing new to remove, nothing appended.
        Assert.Equal(3, (await Post<MonitoringView>(url, why with { ExpectedVersion = 3 }, Admin)).Version);
        Assert.Equal(before + 1, await TotalEvents());

        await using (var session = App.Store.QuerySession())
        {
            var id = PeelCases.Monitoring.MonitoringStreams.For("cumbria");
            var stored = string.Join("\n", await session.QueryAsync<string>("select data::text from peelcases.mt_events where stream_id = ? and type not like '%redacted'", id))
                         + string.Concat(await session.QueryAsync<string>("select data::text from peelcases.mt_doc_force_monitoring where id = ?", id));
            Assert.DoesNotContain("Jane Doe's complaint", stored);
            Assert.DoesNotContain("every week", stored);
            Assert.DoesNotContain("MP", stored);
        }
        Assert.DoesNotContain("Jane Doe's complaint", (await Send(HttpMethod.Get, "/forces/cumbria/monitoring", null, TestUser.Lead, 200)).ReadAsText());

        // A move after the redaction keeps its words, in the record and in its stored event, until a redaction after it.
        var back = await Post<MonitoringView>("/forces/cumbria/monitoring",
            new ChangeMonitoringStage(MonitoringStage.Scan, "The plan was delivered; John Roe confirmed it.", null, null, 3), TestUser.Hmi);
        Assert.Equal([TextMask.Marker, "The plan was delivered; John Roe confirmed it."], back.Moves.Select(m => m.Reason).ToArray());
        await using (var session = App.Store.QuerySession())
            Assert.Contains("John Roe", string.Concat(await session.QueryAsync<string>("select data::text from peelcases.mt_events where stream_id = ?",
                PeelCases.Monitoring.MonitoringStreams.For("cumbria"))));
        Assert.Equal([TextMask.Marker, TextMask.Marker], (await Post<MonitoringView>(url, why with { ExpectedVersion = 4 }, Admin)).Moves.Select(m => m.Reason).ToArray());
        await using (var session = App.Store.QuerySession())
            Assert.DoesNotContain("John Roe", string.Concat(await session.QueryAsync<string>("select data::text from peelcases.mt_events where stream_id = ? and type not like '%redacted'",
                PeelCases.Monitoring.MonitoringStreams.For("cumbria"))));

        await App.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var live = await ReadModels.SnapshotAsync(App.Store);
        await ReadModels.RebuildAllAsync(App.Host);
        Assert.Equal(live, await ReadModels.SnapshotAsync(App.Store));
    }
}
