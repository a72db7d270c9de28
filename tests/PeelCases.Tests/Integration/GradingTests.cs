using Marten;
using Marten.Events;
using PeelCases.Tests.Support;
using PeelCases.Board;
using PeelCases.Findings;
using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.Moderation;
using PeelCases.ReferenceData;

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
        view = await Step(view, "pillars/effectiveness/grade-proposals",
            new ProposePillarGrade(Grade.Good, "Cumbria Constabulary is good at reducing crime and keeping people safe.", view.Version), TestUser.Lead);
        // The pillar's grade waits for a moderator, who sees it beside the grades of the questions it stands on.
        var waiting = Assert.Single(await Get<List<PillarModerationItem>>("/moderation/pillars?cycle=2018/19", TestUser.Moderator), p => p.InspectionId == view.Id);
        Assert.Equal(("effectiveness", Grade.Good, TestUser.Lead.Id, null), (waiting.PillarCode, waiting.ProposedGrade, waiting.ProposedBy, waiting.Flag));
        Assert.Equal(["E1 Good carried over", "E2 Good carried over", "E3 Good", "E4 Good carried over"],
            waiting.Questions.Select(q => $"{q.Code} {q.Grade}{(q.CarriedOver ? " carried over" : "")}"));
        Assert.Contains("waits for moderation", (await Problem(HttpMethod.Post, $"/inspections/{view.Id}/pillars/effectiveness/award",
            new InspectionStep(view.Version), TestUser.Hmi, 409)).Detail);
        view = await Step(view, "pillars/effectiveness/moderation", new ModerateGrade(Grade.Good, null, view.Version), TestUser.Moderator);
        Assert.DoesNotContain(await Get<List<PillarModerationItem>>("/moderation/pillars", TestUser.Moderator), p => p.InspectionId == view.Id);
        view = await Step(view, "pillars/effectiveness/award", new InspectionStep(view.Version), TestUser.Hmi);

        QuestionView Q(string code) => view.Questions.Single(q => q.Code == code);
        // Q1: the 2017 inspection carried it too; the reference resolves to where it was awarded.
        Assert.Equal((Grade.Good, in2016.Id, 2016, "E1"), (Q("E1").Grade, Q("E1").CarriedOverFrom!.InspectionId, Q("E1").CarriedOverFrom!.Year, Q("E1").CarriedOverFrom!.QuestionCode));
        Assert.Equal((Grade.Good, in2017.Id, 2017), (Q("E2").Grade, Q("E2").CarriedOverFrom!.InspectionId, Q("E2").CarriedOverFrom!.Year));
        Assert.Equal((Grade.Good, in2017.Id, 2017), (Q("E4").Grade, Q("E4").CarriedOverFrom!.InspectionId, Q("E4").CarriedOverFrom!.Year));
        Assert.Equal(Grade.Good, Q("E3").Awarded!.Grade);
        Assert.Null(Q("E3").CarriedOverFrom);
        Assert.Equal(1, Q("E3").Findings[nameof(FindingKind.Strength)]);
        var e3Finding = Assert.Single(await Get<List<Finding>>($"/inspections/{view.Id}/findings?question=E3", TestUser.Moderator));
        Assert.Single(e3Finding.Content.CitedEvidenceIds);
        Assert.Equal((QuestionStage.Ungraded, null, 1), (Q("E5").Stage, Q("E5").Grade, Q("E5").Findings[nameof(FindingKind.Strength)]));
        Assert.Equal(Grade.Good, Assert.Single(view.Pillars).Awarded!.Grade);
        // Everything settled: the workflow has made the inspection ready for the HMI.
        Assert.Equal(InspectionStage.SignOff, view.Stage);

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
    public async Task The_moderation_queues_filter_by_tranche_and_a_pillar_is_compared_with_its_tranches_other_forces()
    {
        async Task<InspectionView> InTranche(InspectionView v, string tranche) => await Step(v, "tranche", new AssignTranche(tranche, null, v.Version), TestUser.Lead);
        async Task<InspectionView> Proposed(string force, Grade grade, string tranche)
        {
            var v = await InTranche(await BuildAsync(force, "peel-2018-19", "2018/19", 2018, new QuestionPlan("E3", QuestionScope.Detailed, grade)), tranche);
            return await Step(v, "pillars/effectiveness/grade-proposals", new ProposePillarGrade(grade, "As the question it stands on.", v.Version), TestUser.Lead);
        }
        async Task Awarded(string force, Grade grade, string tranche)
        {
            var v = await Proposed(force, grade, tranche);
            v = await Step(v, "pillars/effectiveness/moderation", new ModerateGrade(grade, null, v.Version), TestUser.Moderator);
            await Step(v, "pillars/effectiveness/award", new InspectionStep(v.Version), TestUser.Hmi);
        }
        await Awarded("lancashire", Grade.Good, "Tranche 1");
        await Awarded("merseyside", Grade.Outstanding, "Tranche 2");
        var waiting = await Proposed("cheshire", Grade.Good, "Tranche 1");
        // A question's grade waiting in the second tranche.
        var question = await InTranche(await BuildAsync("cleveland", "peel-2018-19", "2018/19", 2018, new QuestionPlan("E3", QuestionScope.Detailed)), "Tranche 2");
        question = await ProposeAsync(question, "E3", Grade.Good,
            (await Get<List<Finding>>($"/inspections/{question.Id}/findings?question=E3", TestUser.Lead)).Select(f => f.Id).ToArray());

        // The whole cycle: both other forces; the first tranche (any case, trimmed): only the one in it.
        var whole = Assert.Single(await Get<List<PillarModerationItem>>("/moderation/pillars?cycle=2018/19", TestUser.Moderator));
        Assert.Equal((waiting.Id, 1, 1), (whole.InspectionId, whole.OtherForces[Grade.Good], whole.OtherForces[Grade.Outstanding]));
        var first = Assert.Single(await Get<List<PillarModerationItem>>("/moderation/pillars?cycle=2018/19&tranche=%20tranche%201%20", TestUser.Moderator));
        Assert.Equal((waiting.Id, 1, 0), (first.InspectionId, first.OtherForces[Grade.Good], first.OtherForces[Grade.Outstanding]));
        Assert.Empty(await Get<List<PillarModerationItem>>("/moderation/pillars?tranche=Tranche%202", TestUser.Moderator));
        Assert.Equal([question.Id], (await Get<List<ModerationItem>>("/moderation/queue?tranche=Tranche%202", TestUser.Moderator)).Select(i => i.InspectionId));
        Assert.Empty(await Get<List<ModerationItem>>("/moderation/queue?cycle=2018/19&tranche=Tranche%201", TestUser.Moderator));

        // A 2021/22 inspection on the first eight forces' framework (version 1): its lineage from its own version, not the revised one's.
        var early = await BuildAsync("durham", "peel-2021-22", "2021/22", 2021, new QuestionPlan("Q4", QuestionScope.Detailed));
        early = await ProposeAsync(early, "Q4", Grade.Good,
            (await Get<List<Finding>>($"/inspections/{early.Id}/findings?question=Q4", TestUser.Lead)).Select(f => f.Id).ToArray());
        Assert.Equal("peel-2021/q4", (await Get<List<ModerationItem>>("/moderation/queue?cycle=2021/22", TestUser.Moderator)).Single(i => i.InspectionId == early.Id).LineageKey);
    }

    [Fact]
    public async Task A_moderator_changes_a_pillar_grade_with_a_reason_and_the_award_gives_the_moderated_grade()
    {
        var view = await BuildAsync("nottinghamshire", "peel-2018-19", "2018/19", 2018,
            new("E3", QuestionScope.Detailed, Grade.Good), new("E4", QuestionScope.Detailed, Grade.RequiresImprovement));
        var beforeProposal = view.Version;
        view = await Step(view, "pillars/effectiveness/grade-proposals", new ProposePillarGrade(Grade.Outstanding, "The force is outstanding.", view.Version), TestUser.Lead);
        var proposed = view.Version;
        var waiting = Assert.Single(await Get<List<PillarModerationItem>>("/moderation/pillars?cycle=2018/19", TestUser.Hmi), p => p.InspectionId == view.Id);
        Assert.Equal("Proposed Outstanding, better than every question it stands on (the best is Good).", waiting.Flag);
        Assert.Equal(view.Version, waiting.InspectionVersion);
        Assert.Null(waiting.HeldFromYou);
        // Told only to a moderator: the lead inspector, who does not moderate, is told nothing.
        Assert.Null(Assert.Single(await Get<List<PillarModerationItem>>("/moderation/pillars?cycle=2018/19", TestUser.Lead), p => p.InspectionId == view.Id).HeldFromYou);
        Assert.StartsWith("lena.lead proposed this grade: moderation is",
            Assert.Single(await Get<List<PillarModerationItem>>("/moderation/pillars?cycle=2018/19", new TestUser("lena.lead", [Roles.Moderator])), p => p.InspectionId == view.Id).HeldFromYou);
        Assert.Empty(await Get<List<PillarModerationItem>>("/moderation/pillars?cycle=2021/22", TestUser.Moderator));

        // Refused: a change with no reason (400), off the scale (400), by someone who does not moderate (403), on a stale version
        // (409), a pillar the framework lacks (404). Nothing recorded.
        var before = (await EventsOf(view.Id)).Count;
        var url = $"/inspections/{view.Id}/pillars/effectiveness/moderation";
        Assert.True((await Problem(HttpMethod.Post, url, new ModerateGrade(Grade.RequiresImprovement, " ", view.Version), TestUser.Moderator, 400)).Errors!.ContainsKey("reason"));
        Assert.True((await Problem(HttpMethod.Post, url, new ModerateGrade(Grade.Adequate, "r", view.Version), TestUser.Moderator, 400)).Errors!.ContainsKey("grade"));
        await Problem(HttpMethod.Post, url, new ModerateGrade(Grade.Good, null, view.Version), TestUser.Lead, 403);
        // A moderator from the inspection's own team (here its lead inspector, who proposed the grade) is refused too.
        Assert.Contains("lena.lead proposed this grade: moderation is a check on the team's work, made from outside the team.",
            (await Problem(HttpMethod.Post, url, new ModerateGrade(Grade.Good, null, view.Version), new TestUser("lena.lead", [Roles.Moderator]), 403)).Detail);
        await Problem(HttpMethod.Post, url, new ModerateGrade(Grade.Good, null, view.Version - 1), TestUser.Moderator, 409);
        await Problem(HttpMethod.Post, $"/inspections/{view.Id}/pillars/atlantis/moderation", new ModerateGrade(Grade.Good, null, view.Version), TestUser.Moderator, 404);
        Assert.Equal(before, (await EventsOf(view.Id)).Count);

        const string reason = "Investigating crime requires improvement; the pillar cannot stand above its questions.";
        var command = new ModerateGrade(Grade.RequiresImprovement, reason, view.Version);
        view = await Step(view, "pillars/effectiveness/moderation", command, TestUser.Moderator);
        var pillar = Assert.Single(view.Pillars);
        Assert.Equal((Grade.RequiresImprovement, true, reason, TestUser.Moderator.Id), (pillar.Moderated!.Grade, pillar.Moderated.Changed, pillar.Moderated.Reason, pillar.Moderated.ModeratedBy));
        Assert.Equal(Grade.Outstanding, pillar.Proposed!.Grade); // the proposal stays beside the moderation
        // Proposers against moderation count the pillar's grade beside the questions' (both confirmed): two steps lower.
        var lead = Assert.Single((await Get<ProposerDriftReport>("/moderation/proposers?cycle=2018/19", TestUser.Moderator)).Proposers, p => p.ProposedBy == TestUser.Lead.Id);
        Assert.Equal((3, 1), (lead.Moderated, lead.Lowered));
        Assert.Equal((null, "effectiveness", "Effectiveness", 2), (lead.Changes[0].QuestionCode, lead.Changes[0].PillarCode, lead.Changes[0].PillarName, lead.Changes[0].Steps));
        // The same moderation sent again (on the stale version, 409; on the current one) appends nothing; another is refused.
        await Problem(HttpMethod.Post, url, command, TestUser.Moderator, 409);
        Assert.Equal(view.Version, (await Post<InspectionView>(url, command with { ExpectedVersion = view.Version }, TestUser.Moderator)).Version);
        Assert.Contains("was moderated on", (await Problem(HttpMethod.Post, url, new ModerateGrade(Grade.Good, null, view.Version), TestUser.Moderator, 409)).Detail);

        // The award, too, is made from outside the team: the lead inspector who proposed the grade is refused with the HMI's role.
        Assert.Contains("lena.lead proposed this grade: the award is a check on the team's work",
            (await Problem(HttpMethod.Post, "/inspections/" + view.Id + "/pillars/effectiveness/award", new InspectionStep(view.Version),
                new TestUser("lena.lead", [Roles.Hmi]), 403)).Detail);
        view = await Step(view, "pillars/effectiveness/award", new InspectionStep(view.Version), TestUser.Hmi);
        Assert.Equal(Grade.RequiresImprovement, Assert.Single(view.Pillars).Awarded!.Grade);
        Assert.Equal(InspectionStage.SignOff, view.Stage);
        var moderated = Assert.Single((await EventsOf(view.Id)).Select(e => e.Data).OfType<PillarGradeModerated>());
        Assert.Equal((Grade.Outstanding, Grade.RequiresImprovement, reason), (moderated.ProposedGrade, moderated.ModeratedGrade, moderated.Reason));
        // What changed, between two versions: the pillar's grade as proposed, moderated and awarded.
        var diff = await Get<PeelCases.Audit.InspectionDiff>($"/inspections/{view.Id}/diff?fromVersion={proposed}&toVersion={proposed + 1}", TestUser.Moderator);
        Assert.Equal(("Outstanding (proposed)", "Requires improvement (moderated)"), (Assert.Single(diff.Pillars!).Grade.Before, diff.Pillars![0].Grade.After));
        diff = await Get<PeelCases.Audit.InspectionDiff>($"/inspections/{view.Id}/diff?fromVersion={beforeProposal}", TestUser.Moderator);
        Assert.Equal((null, "Requires improvement (awarded)"), (Assert.Single(diff.Pillars!).Grade.Before, diff.Pillars![0].Grade.After));
    }

    [Fact]
    public async Task With_nothing_earlier_to_carry_the_workflow_flags_that_a_person_must_decide()
    {
        var view = await BuildAsync("kent", "peel-2018-19", "2018/19", 2018, new QuestionPlan("E2", QuestionScope.CarryOver));
        var question = Assert.Single(view.Questions);
        Assert.Equal(QuestionStage.Scoping, question.Stage);
        Assert.Contains("No earlier inspection of Kent Police", question.CarryOverProblem);
        var problem = await Problem(HttpMethod.Post, $"/inspections/{view.Id}/questions/E2/carry-over", new InspectionStep(view.QuestionVersion("E2")), TestUser.Lead, 409);
        Assert.Contains("No earlier inspection of Kent Police", problem.Detail);

        var board = await Get<List<BoardInspection>>("/board?stuckOnly=true", TestUser.Lead);
        var flagged = Assert.Single(Assert.Single(board).Questions);
        Assert.True(flagged.Stuck);
        Assert.Contains("needs a decision", flagged.Blocker);
    }

    [Fact]
    public async Task Carrying_over_across_frameworks_without_lineage_is_refused()
    {
        await CumbriaHistoryAsync();
        var view = await BuildAsync("cumbria", "peel-2021-22", "2021/22", 2021, new QuestionPlan("Q3", QuestionScope.CarryOver));
        Assert.Contains("not comparable", view.Questions[0].CarryOverProblem);
        var refused = await Problem(HttpMethod.Post, $"/inspections/{view.Id}/questions/Q3/carry-over", new InspectionStep(view.QuestionVersion("Q3")), TestUser.Lead, 409);
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
    public async Task Grades_follow_the_scale_scope_and_stage_of_the_question_and_moderation_decides_the_award()
    {
        var view = await BuildAsync("cumbria", "peel-2018-19", "2018/19", 2018,
            new("E3", QuestionScope.Detailed), new("E5", QuestionScope.Ungraded));
        var carried = await BuildAsync("kent", "peel-2018-19", "2018/19", 2018, new QuestionPlan("E1", QuestionScope.CarryOver));
        var e3 = Assert.Single(await Get<List<Finding>>($"/inspections/{view.Id}/findings?question=E3", TestUser.Lead));
        var e5 = Assert.Single(await Get<List<Finding>>($"/inspections/{view.Id}/findings?question=E5", TestUser.Lead));
        async Task<ProblemBody> Refused(string q, Grade grade, Guid finding, int status) => await Problem(HttpMethod.Post,
            $"/inspections/{view.Id}/questions/{q}/grade-proposals", new ProposeGrade(grade, "r", [finding], view.QuestionVersion(q)), TestUser.Lead, status);

        Assert.Contains("not on the 4-point scale", (await Refused("E3", Grade.Adequate, e3.Id, 400)).Detail);
        Assert.Contains("ungraded", (await Refused("E5", Grade.Good, e5.Id, 409)).Detail);
        Assert.Contains("Re-scope it as Detailed", (await Problem(HttpMethod.Post, $"/inspections/{carried.Id}/questions/E1/grade-proposals",
            new ProposeGrade(Grade.Good, "r", [e3.Id], carried.QuestionVersion("E1")), TestUser.Lead, 409)).Detail);
        Assert.Contains("not a finding of question E3", (await Refused("E3", Grade.Good, e5.Id, 400)).Detail);
        Assert.Contains("citedFindingIds", (await Problem(HttpMethod.Post, $"/inspections/{view.Id}/questions/E3/grade-proposals",
            new ProposeGrade(Grade.Good, "r", [], view.QuestionVersion("E3")), TestUser.Lead, 400)).Errors!.Keys);
        Assert.Contains("it is at “Awaiting a grade”", (await Problem(HttpMethod.Post, $"/inspections/{view.Id}/questions/E3/award",
            new InspectionStep(view.QuestionVersion("E3")), TestUser.Hmi, 409)).Detail);
        await Problem(HttpMethod.Post, $"/inspections/{view.Id}/questions/E3/grade-proposals",
            new ProposeGrade(Grade.Good, "r", [e3.Id], view.QuestionVersion("E3")), TestUser.Inspector, 403);

        // The proposal enters the moderation queue through the workflow.
        view = await ProposeAsync(view, "E3", Grade.Good, e3.Id);
        Assert.Equal(QuestionStage.Moderation, view.Questions.Single(q => q.Code == "E3").Stage);
        var queued = Assert.Single(await Get<List<ModerationItem>>("/moderation/queue?cycle=2018/19", TestUser.Moderator));
        Assert.Equal(("E3", Grade.Good, "cumbria"), (queued.QuestionCode, queued.ProposedGrade, queued.ForceId));
        Assert.Equal((1, 1), (queued.CitedFindings, queued.CitedOnOneKindOfSource)); // its one finding cites one case file review
        // The queue says, to a moderator on the team, why the grade is not theirs; to one outside it, nothing; to the lead
        // inspector who proposed it, without the moderator's role, nothing either (no grade in the queue is theirs).
        Assert.Null(queued.HeldFromYou);
        Assert.Null(Assert.Single(await Get<List<ModerationItem>>("/moderation/queue?cycle=2018/19", TestUser.Lead)).HeldFromYou);
        Assert.Equal("sara.inspector is on this inspection's team: moderation is a check on the team's work, made from outside the team.",
            Assert.Single(await Get<List<ModerationItem>>("/moderation/queue?cycle=2018/19", new TestUser("sara.inspector", [Roles.Inspector, Roles.Moderator]))).HeldFromYou);

        var noReason = await Problem(HttpMethod.Post, $"/inspections/{view.Id}/questions/E3/moderation",
            new ModerateGrade(Grade.Outstanding, null, view.QuestionVersion("E3")), TestUser.Moderator, 400);
        Assert.Contains("needs a reason", noReason.Detail);
        await Problem(HttpMethod.Post, $"/inspections/{view.Id}/questions/E3/moderation",
            new ModerateGrade(Grade.Outstanding, "x", view.QuestionVersion("E3")), TestUser.Lead, 403);
        // Moderation is made from outside the team: a team member who also moderates is refused, and nothing is recorded.
        var before = (await EventsOf(view.Id)).Count;
        Assert.Contains("sara.inspector is on this inspection's team",
            (await Problem(HttpMethod.Post, $"/inspections/{view.Id}/questions/E3/moderation", new ModerateGrade(Grade.Good, null, view.QuestionVersion("E3")),
                new TestUser("sara.inspector", [Roles.Inspector, Roles.Moderator]), 403)).Detail);
        Assert.Equal(before, (await EventsOf(view.Id)).Count);
        view = await ModerateAsync(view, "E3", Grade.Outstanding, "Consistent with outstanding practice seen in comparable forces.");
        Assert.Empty(await Get<List<ModerationItem>>("/moderation/queue", TestUser.Moderator));
        await Problem(HttpMethod.Post, $"/inspections/{view.Id}/questions/E3/award", new InspectionStep(view.QuestionVersion("E3")),
            new TestUser("ian.inspector", [Roles.Inspector, Roles.Hmi]), 403); // on the team
        view = await AwardAsync(view, "E3");
        var e3View = view.Questions.Single(q => q.Code == "E3");
        Assert.Equal((Grade.Good, Grade.Outstanding, true), (e3View.Proposed!.Grade, e3View.Awarded!.Grade, e3View.Moderated!.Changed));

        Assert.Contains("already settled", (await Problem(HttpMethod.Post, $"/inspections/{view.Id}/questions/E3/grade-proposals",
            new ProposeGrade(Grade.Outstanding, "r", [e3.Id], view.QuestionVersion("E3")), TestUser.Lead, 409)).Detail);
        Assert.Contains("scoped during planning and fieldwork", (await Problem(HttpMethod.Post, $"/inspections/{view.Id}/questions/E3/scope",
            new ScopeQuestion(QuestionScope.CarryOver, null, view.QuestionVersion("E3")), TestUser.Lead, 409)).Detail);
    }

    [Fact]
    public async Task The_2021_framework_grades_on_five_points_and_has_no_pillar_grade()
    {
        var view = await BuildAsync("kent", "peel-2021-22", "2021/22", 2021, new QuestionPlan("Q4", QuestionScope.Detailed, Grade.Adequate));
        Assert.Equal(Grade.Adequate, view.Questions[0].Awarded!.Grade);
        Assert.Empty(view.Pillars);
        Assert.Equal(InspectionStage.SignOff, view.Stage);
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
        Assert.Contains("E4 (scoped for detailed inspection, no grade yet)", problem.Detail);
        Assert.DoesNotContain("E5", problem.Detail);
        Assert.Equal(InspectionStage.Reporting, view.Stage);
        await Problem(HttpMethod.Post, $"/inspections/{view.Id}/pillars/legitimacy/grade-proposals",
            new ProposePillarGrade(Grade.Good, "r", view.Version), TestUser.Lead, 409);
        await Problem(HttpMethod.Post, $"/inspections/{view.Id}/pillars/atlantis/grade-proposals",
            new ProposePillarGrade(Grade.Good, "r", view.Version), TestUser.Lead, 404);
    }

    [Fact]
    public async Task Re_scoping_a_carried_over_question_clears_the_reference_so_it_can_be_inspected_afresh()
    {
        await CumbriaHistoryAsync();
        var view = await ScopeAsync(await ScheduleAsync(Commands.Schedule(questions: ["E2"])), "E2", QuestionScope.CarryOver);
        Assert.Equal((QuestionStage.CarriedOver, 2017), (view.Questions[0].Stage, view.Questions[0].CarriedOverFrom!.Year));
        view = await ScopeAsync(view, "E2", QuestionScope.Detailed);
        Assert.Null(view.Questions[0].CarriedOverFrom);
        Assert.Equal((false, QuestionStage.Scoping), (view.Questions[0].Settled, view.Questions[0].Stage));
    }
}
