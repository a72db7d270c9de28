using PeelCases.UnitTests.Support;
using PeelCases.Fieldwork;
using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.Moderation;
using PeelCases.ReferenceData;
using PeelCases.Workflow;

namespace PeelCases.UnitTests;

/// <summary>Starting and completing fieldwork, and what a refusal says is missing at each stage.</summary>
public sealed class FieldworkRulesTests
{
    private static readonly InspectionHistory C = Cumbria.Inspection;

    [Fact]
    public void Fieldwork_starts_once_every_question_is_scoped()
    {
        var inspection = Given.Inspection(Cumbria.Planned);
        Then.Decided(FieldworkRules.Start(inspection, People.Lead, C.FieldworkStartedAt), new FieldworkStarted(C.Id, People.Lead, C.FieldworkStartedAt));
    }

    [Fact]
    public void Fieldwork_cannot_start_while_questions_are_unscoped_and_the_refusal_names_them()
    {
        var inspection = Given.Inspection(Cumbria.Scheduled.Then(C.Scoped("E3", QuestionScope.Detailed), C.Scoped("E1", QuestionScope.CarryOver)));
        var refusal = Then.Refused(FieldworkRules.Start(inspection, People.Lead, C.FieldworkStartedAt), 409);
        Assert.Equal("Fieldwork can start once every question is scoped. Not yet scoped: E2, E4, E5.", refusal.Detail);
    }

    [Fact]
    public void Fieldwork_starts_once()
    {
        var refusal = Then.Refused(FieldworkRules.Start(Given.Inspection(Cumbria.InFieldwork), People.Lead, C.FieldworkStartedAt), 409);
        Assert.Equal("Starting fieldwork needs the inspection at “Planning”; it is at “Fieldwork”.", refusal.Detail);
    }

    [Fact]
    public void Fieldwork_completes_and_the_inspection_moves_to_reporting()
    {
        var inspection = Given.Inspection(Cumbria.InFieldwork);
        Then.Decided(FieldworkRules.Complete(inspection, People.Lead, C.FieldworkCompletedAt), new FieldworkCompleted(C.Id, People.Lead, C.FieldworkCompletedAt));
    }

    /// <summary>
    /// After fieldwork a question can no longer be re-scoped, so a carry-over that found no earlier judgment
    /// would leave the question, and the inspection, stuck short of moderation for good.
    /// </summary>
    [Fact]
    public void Fieldwork_cannot_be_completed_while_a_carry_over_needs_a_decision()
    {
        var inspection = Given.Inspection(Cumbria.Scheduled.Then(
            C.Scoped("E1", QuestionScope.CarryOver), C.CarriedOver("E1", Cumbria.Inspection2016.Reference("E1", Grade.Good)),
            C.Scoped("E2", QuestionScope.CarryOver), C.CarryOverNeedsDecision("E2", "No earlier inspection of Cumbria Constabulary assessed it."),
            C.Scoped("E3", QuestionScope.Detailed), C.Scoped("E4", QuestionScope.Detailed), C.Scoped("E5", QuestionScope.Ungraded),
            C.FieldworkStarted()));
        Then.Refused(FieldworkRules.Complete(inspection, People.Lead, C.FieldworkCompletedAt), 409,
            "Fieldwork can be completed once every carry-over is decided. E2: No earlier inspection of Cumbria Constabulary assessed it. Re-scope it, or carry a judgment over by hand.");
    }

    [Theory]
    [InlineData("Planned", "Planning")]
    [InlineData("InReporting", "Reporting")]
    public void Fieldwork_can_be_completed_only_while_it_is_under_way(string story, string stage)
    {
        var refusal = Then.Refused(FieldworkRules.Complete(Given.Inspection(Stories.Of(story)), People.Lead, C.FieldworkCompletedAt), 409);
        Assert.Equal($"Completing fieldwork needs the inspection at “Fieldwork”; it is at “{stage}”.", refusal.Detail);
    }
}

public sealed class StagesTests
{
    private static readonly InspectionHistory C = Cumbria.Inspection;

    [Theory]
    [InlineData("Scheduled", "E1", "It has not been scoped.")]
    [InlineData("Planned", "E3", "Fieldwork has not started.")]
    [InlineData("Planned", "E5", "Fieldwork has not started.")]
    [InlineData("InFieldwork", "E3", "Fieldwork is still under way.")]
    [InlineData("InReporting", "E3", "Its findings have not been submitted for QA.")]
    [InlineData("E3InQaReview", "E3", "Its findings await a QA reviewer.")]
    [InlineData("AwaitingGrade", "E3", "No grade has been proposed.")]
    [InlineData("E3Proposed", "E3", "The proposed grade is entering moderation.")]
    [InlineData("InModeration", "E3", "Its proposed grade awaits a moderator.")]
    [InlineData("AwaitingAward", "E3", "Its moderated grade awaits the award.")]
    [InlineData("QuestionsSettled", "E3", "")]
    [InlineData("Planned", "E1", "")]
    [InlineData("AwaitingGrade", "E5", "")]
    public void What_a_question_needs_next_is_said_in_a_lead_inspectors_words(string story, string question, string missing) =>
        Assert.Equal(missing, Stages.Missing(Given.Inspection(Stories.Of(story)).FindQuestion(question)!));

    [Fact]
    public void A_question_scoped_for_carry_over_waits_for_its_earlier_judgment()
    {
        var inspection = Given.Inspection(Cumbria.Scheduled.Then(C.Scoped("E1", QuestionScope.CarryOver)));
        Assert.Equal("Its earlier judgment has not been carried over yet.", Stages.Missing(inspection.FindQuestion("E1")!));
    }

    [Fact]
    public void A_carry_over_that_found_nothing_says_what_the_lead_must_decide()
    {
        var inspection = Given.Inspection(Cumbria.Scheduled.Then(C.Scoped("E1", QuestionScope.CarryOver),
            C.CarryOverNeedsDecision("E1", "No earlier inspection of Cumbria Constabulary assessed it.")));
        Assert.Equal("Its carry-over needs a decision: No earlier inspection of Cumbria Constabulary assessed it.", Stages.Missing(inspection.FindQuestion("E1")!));
    }

    [Fact]
    public void A_step_at_the_wrong_question_stage_names_the_stages_it_needs_where_the_question_is_and_what_is_missing()
    {
        var question = Given.Inspection(Cumbria.InReporting).FindQuestion("E3")!;
        Assert.Null(Stages.Require(question, "Proposing a grade", QuestionStage.Drafting, QuestionStage.QaReview));
        var refusal = Then.Refused(Stages.Require(question, "Proposing a grade", QuestionStage.AwaitingGrade, QuestionStage.Moderation), 409);
        Assert.Equal("Proposing a grade needs question E3 at “Awaiting a grade” or “Moderation”; it is at “Drafting”. Its findings have not been submitted for QA.", refusal.Detail);
    }

    [Fact]
    public void A_refusal_for_a_settled_question_has_nothing_missing_to_add()
    {
        var question = Given.Inspection(Cumbria.QuestionsSettled).FindQuestion("E3")!;
        var refusal = Then.Refused(Stages.Require(question, "Moderation", QuestionStage.Moderation), 409);
        Assert.Equal("Moderation needs question E3 at “Moderation”; it is at “Awarded”.", refusal.Detail);
    }

    [Fact]
    public void A_step_at_the_wrong_inspection_stage_says_where_it_is_and_optionally_what_is_missing()
    {
        var inspection = Given.Inspection(Cumbria.InModeration);
        Assert.Null(Stages.Require(inspection, InspectionStage.Moderation, "Moderating"));
        Assert.Equal("HMI sign-off needs the inspection at “HMI sign-off”; it is at “Moderation”.",
            Then.Refused(Stages.Require(inspection, InspectionStage.SignOff, "HMI sign-off"), 409).Detail);
        Assert.Equal("HMI sign-off needs the inspection at “HMI sign-off”; it is at “Moderation”. Pillars outstanding.",
            Then.Refused(Stages.Require(inspection, InspectionStage.SignOff, "HMI sign-off", "Pillars outstanding."), 409).Detail);
    }
}

/// <summary>The workflow's view of the whole inspection: when it enters moderation and when it is ready for sign-off.</summary>
public sealed class InspectionProgressTests
{
    private static readonly InspectionHistory C = Cumbria.Inspection;
    private static readonly DateTimeOffset Now = C.EnteredModerationAt;

    [Fact]
    public void A_proposal_enters_the_moderation_queue_as_it_is_made()
    {
        var proposed = C.GradeProposed("E3", Grade.Good, Cumbria.HelpDeskFinding);
        var inspection = Given.Inspection(Cumbria.AwaitingGrade);
        Assert.Equal(new GradeEnteredModeration(C.Id, "cumbria", "2018/19", "E3", Grade.Good, proposed.ProposedAt, proposed.ProposedAt),
            ProposeGradeRules.EnterModeration(inspection, proposed));
    }

    [Fact]
    public void A_proposal_stored_before_proposals_entered_moderation_themselves_joins_the_queue_once()
    {
        var proposed = C.GradeProposed("E3", Grade.Good, Cumbria.HelpDeskFinding);
        var (events, _) = WorkflowHandler.Handle(proposed, Given.Inspection(Cumbria.AwaitingGrade.Then(proposed)));
        Assert.IsType<GradeEnteredModeration>(Assert.Single(events));
        var (again, _) = WorkflowHandler.Handle(proposed, Given.Inspection(Cumbria.InModeration));
        Assert.Empty(again);
    }

    [Fact]
    public void The_inspection_enters_moderation_when_the_last_question_reaches_moderation()
    {
        var inspection = Given.Inspection(Cumbria.E3Proposed.Then(C.GradeEnteredModeration("E3", Grade.Good)));
        Assert.Equivalent(new InspectionEnteredModeration(C.Id, Now), InspectionProgress.Next(inspection, Cumbria.Framework, Now), strict: true);
    }

    [Theory]
    [InlineData("Planned")]
    [InlineData("InFieldwork")]
    [InlineData("InReporting")]
    [InlineData("AwaitingGrade")]
    [InlineData("E3Proposed")]
    public void The_inspection_waits_while_a_question_has_not_reached_moderation(string story) =>
        Assert.Null(InspectionProgress.Next(Given.Inspection(Stories.Of(story)), Cumbria.Framework, Now));

    [Fact]
    public void It_does_not_matter_in_which_order_the_questions_reach_moderation()
    {
        var inspection = Given.Inspection(Cumbria.InReporting.Then(
            C.SubmittedForQa("E5"), C.AcceptedByQa("E5"),
            C.SubmittedForQa("E3"), C.AcceptedByQa("E3"), C.GradeProposed("E3", Grade.Good), C.GradeEnteredModeration("E3", Grade.Good)));
        Assert.IsType<InspectionEnteredModeration>(InspectionProgress.Next(inspection, Cumbria.Framework, Now));
    }

    /// <summary>
    /// A carry-over answered late, after fieldwork, can settle the last open question: the workflow decides the progress
    /// step on the record as the carry-over leaves it and appends both together, handing on only what progress decided.
    /// </summary>
    [Fact]
    public void A_carry_over_that_settles_the_last_open_question_moves_the_inspection_on_in_the_same_step()
    {
        var inspection = Given.Inspection(C.Scheduled("E1", "E5"), C.Scoped("E1", QuestionScope.CarryOver), C.Scoped("E5", QuestionScope.Ungraded),
            C.FieldworkStarted(), C.FieldworkCompleted(), C.SubmittedForQa("E5"), C.AcceptedByQa("E5"));
        var carried = C.CarriedOver("E1", Cumbria.Inspection2016.Reference("E1", Grade.Good));

        var (events, handedOn) = WorkflowStep.ThenProgress(inspection, Cumbria.Framework, carried, GradingState.Apply, Now);

        var entered = new InspectionEnteredModeration(C.Id, Now);
        Assert.Equivalent(new object[] { carried, entered }, events, strict: true);
        Assert.Equivalent(new object[] { entered }, handedOn, strict: true);
        // The decision looked at a copy: the record it was given is as it was.
        Assert.Equal((QuestionStage.Scoping, InspectionStage.Reporting), (inspection.FindQuestion("E1")!.Stage, inspection.Stage));
    }

    [Fact]
    public void A_carry_over_during_planning_is_appended_and_handed_on_to_nothing()
    {
        var inspection = Given.Inspection(Cumbria.Scheduled.Then(C.Scoped("E1", QuestionScope.CarryOver)));
        var carried = C.CarriedOver("E1", Cumbria.Inspection2016.Reference("E1", Grade.Good));
        var (events, handedOn) = WorkflowStep.ThenProgress(inspection, Cumbria.Framework, carried, GradingState.Apply, Now);
        Assert.Same(carried, Assert.Single(events));
        Assert.Empty(handedOn);
    }

    [Fact]
    public void A_copy_of_the_record_changes_without_changing_the_original()
    {
        var original = Given.Inspection(Cumbria.CheckOpen);
        var copy = original.Copy();
        copy.ChangeQuestion("E3", q => q with { Summary = "changed" }, "someone", Now);
        copy.ChangePillar(Cumbria.Effectiveness, p => p with { Summary = "changed" });
        copy.Team.Add("someone");
        copy.FactualAccuracy!.Challenges.Add(new Challenge(Guid.NewGuid(), "changed", null, "someone", Now));
        copy.Redactions.Add(new InspectionRedaction("E3", "changed", "someone", Now));
        copy.Publications.Add(new Publication(9, new DateOnly(2030, 1, 1), "someone", Now));
        copy.DismissedDraftFlags.Add(new DraftFlagDismissal("flag", "changed", "someone", Now));

        var again = Given.Inspection(Cumbria.CheckOpen);
        Assert.Equivalent(again, original, strict: true);
        Assert.NotEqual(original.FindQuestion("E3")!.Summary, copy.FindQuestion("E3")!.Summary);
    }

    [Fact]
    public void A_moderated_inspection_is_not_ready_for_sign_off_until_its_pillar_is_awarded()
    {
        Assert.Null(InspectionProgress.Next(Given.Inspection(Cumbria.QuestionsSettled), Cumbria.Framework, Now));
        Assert.Null(InspectionProgress.Next(Given.Inspection(Cumbria.PillarProposed), Cumbria.Framework, Now));
        var awarded = Given.Inspection(Cumbria.PillarProposed.Then(C.PillarGradeAwarded(Cumbria.Effectiveness, Grade.Good)));
        Assert.Equivalent(new InspectionReadyForSignOff(C.Id, C.PillarAwardedAt), InspectionProgress.Next(awarded, Cumbria.Framework, C.PillarAwardedAt), strict: true);
    }

    [Theory]
    [InlineData("ReadyForSignOff")]
    [InlineData("SignedOff")]
    [InlineData("CheckOpen")]
    [InlineData("Published")]
    public void Once_ready_for_sign_off_the_workflow_has_nothing_more_to_do(string story) =>
        Assert.Null(InspectionProgress.Next(Given.Inspection(Stories.Of(story)), Cumbria.Framework, Now));

    [Fact]
    public void A_2021_22_inspection_has_no_pillars_and_is_ready_once_every_question_is_awarded()
    {
        var k = Kent.Inspection;
        var events = Kent.InReporting;
        foreach (var q in k.Questions)
            events = events.Then(k.SubmittedForQa(q), k.AcceptedByQa(q), k.GradeProposed(q, Grade.Adequate), k.GradeEnteredModeration(q, Grade.Adequate));
        events = events.Then(k.InspectionEnteredModeration());
        foreach (var q in k.Questions) events = events.Then(k.GradeModerated(q, Grade.Adequate, Grade.Adequate));
        foreach (var q in k.Questions[..^1]) events = events.Then(k.GradeAwarded(q, Grade.Adequate));

        Assert.Null(InspectionProgress.Next(Given.Inspection(events), Kent.Framework, k.AwardedAt));
        var last = Given.Inspection(events.Then(k.GradeAwarded(k.Questions[^1], Grade.Adequate)));
        Assert.Empty(PillarRules.InScope(last, Kent.Framework));
        Assert.Equivalent(new InspectionReadyForSignOff(k.Id, k.AwardedAt), InspectionProgress.Next(last, Kent.Framework, k.AwardedAt), strict: true);
    }

    [Fact]
    public void Pillars_in_scope_are_those_with_a_graded_question_in_the_inspection()
    {
        Assert.Equal([Cumbria.Effectiveness], PillarRules.InScope(Given.Inspection(Cumbria.Scheduled), Cumbria.Framework).Select(p => p.Code));
        var wider = Given.Inspection(C.Scheduled("E5", "F2", "L1"));
        Assert.Equal(["efficiency", "legitimacy"], PillarRules.InScope(wider, Cumbria.Framework).Select(p => p.Code));
    }

    [Fact]
    public void Ready_means_every_question_final_and_every_pillar_in_scope_awarded()
    {
        Assert.False(InspectionProgress.Ready(Given.Inspection(Cumbria.AwaitingAward), Cumbria.Framework));
        Assert.False(InspectionProgress.Ready(Given.Inspection(Cumbria.PillarProposed), Cumbria.Framework));
        Assert.True(InspectionProgress.Ready(Given.Inspection(Cumbria.ReadyForSignOff), Cumbria.Framework));
        // An ungraded question alone brings no pillar into scope.
        var ungradedOnly = Given.Inspection(C.Scheduled("E5"), C.Scoped("E5", QuestionScope.Ungraded), C.FieldworkStarted(), C.FieldworkCompleted(),
            C.SubmittedForQa("E5"), C.AcceptedByQa("E5"));
        Assert.True(InspectionProgress.Ready(ungradedOnly, Cumbria.Framework));
    }

    [Fact]
    public void What_stands_between_the_inspection_and_sign_off_is_listed_question_by_question()
    {
        Assert.Equal("Not yet settled: E3 at “Awaiting a grade”.", Stages.Outstanding(Given.Inspection(Cumbria.AwaitingGrade)));
        Assert.Equal("Not yet settled: E3 at “Drafting”; E5 at “Drafting”.", Stages.Outstanding(Given.Inspection(Cumbria.InReporting)));
        Assert.Equal("Every question is settled; pillar grades may still be outstanding.", Stages.Outstanding(Given.Inspection(Cumbria.QuestionsSettled)));
    }
}

/// <summary>What a command hands the workflow (ADR 0016): only an event that gives it work.</summary>
public sealed class HandedOnTests
{
    private static readonly InspectionHistory C = Cumbria.Inspection;
    private static readonly System.Security.Claims.ClaimsPrincipal Lead = new(new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim("sub", People.Lead)], "test"));

    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Theory]
    [InlineData(QuestionScope.CarryOver, true)]
    [InlineData(QuestionScope.Detailed, false)]
    public void Only_a_carry_over_scoping_is_handed_to_the_workflow(QuestionScope scope, bool handedOn)
    {
        var inspection = Given.Inspection(Cumbria.Scheduled);
        var (_, events, outgoing) = ScopeQuestionEndpoint.Post("E1", new ScopeQuestion(scope, null, inspection.Version), inspection, Cumbria.Framework, Lead, new At(C.ScopedAt));
        var scoped = Assert.IsType<QuestionScoped>(Assert.Single(events));
        Assert.Equal(handedOn ? [scoped] : [], outgoing);
        Assert.Equal(handedOn, ScopeQuestionRules.AsksForCarryOver(scoped));
    }

    [Fact]
    public void A_proposal_hands_the_workflow_only_its_entry_to_the_moderation_queue()
    {
        var inspection = Given.Inspection(Cumbria.AwaitingGrade);
        var (_, events, outgoing) = ProposeGradeEndpoint.Post("E3", new ProposeGrade(Grade.Good, "Good at protecting vulnerable people.", [Cumbria.HelpDeskFinding], inspection.Version),
            inspection, Cumbria.Framework, [Given.Finding(Cumbria.HelpDeskDrafted)], Lead, new At(C.ProposedAt));
        Assert.Equal([typeof(GradeProposed), typeof(GradeEnteredModeration)], events.Select(e => e.GetType()));
        Assert.Same(events[1], Assert.Single(outgoing));
    }
}
