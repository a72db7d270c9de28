using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.Moderation;
using PeelCases.ReferenceData;
using PeelCases.WebConsole;

namespace PeelCases.UnitTests;

/// <summary>The console's own decisions: which forms a stage offers, how a form becomes the API's command, the words it shows.</summary>
public sealed class ConsoleTests
{
    private static IFormCollection Form(params (string Key, string Value)[] fields) =>
        new FormCollection(fields.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => new StringValues(g.Select(f => f.Value).ToArray())));

    [Theory]
    [InlineData("SubmitFindingsForQa", QuestionStage.Drafting, true)]
    [InlineData("SubmitFindingsForQa", QuestionStage.QaReview, false)]
    [InlineData("ModerateGrade", QuestionStage.Moderation, true)]
    [InlineData("AwardGrade", QuestionStage.Moderation, false)]
    [InlineData("AwardGrade", QuestionStage.AwaitingAward, true)]
    public void A_question_action_is_offered_only_in_its_stages(string operation, QuestionStage stage, bool offered) =>
        Assert.Equal(offered, ConsoleActions.Find(operation)!.OfferedAt(InspectionStage.Reporting, stage));

    [Fact]
    public void A_refused_form_on_a_forces_page_gets_back_what_was_typed_and_the_other_form_nothing()
    {
        var force = Forces.All[0];
        var move = ConsoleActions.Find("ChangeMonitoringStage")!;
        var plan = ConsoleActions.Find("RecordImprovementPlan")!;
        ForceModel Model(string refused) => new(new ConsoleChrome("t", "forces", "n", null, null, null), force,
            PeelCases.Monitoring.MonitoringView.Of(force.Id, null), [], [], [], new PeelCases.Grading.GradeHistoryView(force.Id, []), move, null,
            new Dictionary<string, string> { ["summary"] = "typed", ["reason"] = "typed too" }, new DateOnly(2026, 1, 1), plan, refused);
        Assert.Equal(("typed", (string?)null), (Model(plan.Operation).Value(plan, "summary"), Model(plan.Operation).Value("reason")));
        Assert.Equal(((string?)null, "typed too"), (Model(move.Operation).Value(plan, "summary"), Model(move.Operation).Value("reason")));
        Assert.Equal($"RecordImprovementPlan-{force.Id}-receivedOn", Model(plan.Operation).Id(plan, "receivedOn"));
        Assert.True(plan is { ForForce: true, OwnPage: true });
    }

    [Fact]
    public void Evidence_is_recorded_against_every_question_ticked_and_sensitive_only_when_ticked()
    {
        var record = ConsoleActions.Find("RecordEvidence")!;
        var ticked = (PeelCases.Fieldwork.RecordEvidence)record.Command(Form(("method", "Interview"), ("collectedOn", "2018-10-09"), ("summary", "s"),
            ("source", "x"), ("questionCode", "E3"), ("questionCodes", "E2"), ("questionCodes", "E3"), ("sensitive", "true")));
        Assert.Equal(["E2", "E3"], ticked.QuestionCodes!);
        Assert.True(ticked.Sensitive);
        var none = (PeelCases.Fieldwork.RecordEvidence)record.Command(Form(("method", "Interview"), ("questionCode", "E3")));
        Assert.Empty(none.QuestionCodes!); // nothing ticked is sent as nothing, for the API to refuse
        Assert.False(none.Sensitive);
    }

    [Fact]
    public void The_schedule_form_becomes_the_APIs_command_with_the_questions_ticked_and_the_team_as_typed()
    {
        var id = Guid.NewGuid();
        var command = (ScheduleInspection)ConsoleActions.Find("ScheduleInspection")!.Command(Form(("inspectionId", id.ToString()), ("forceId", "suffolk"),
            ("frameworkId", "peel-2018-19"), ("cycle", "2018/19"), ("questionCodes", "E3"), ("questionCodes", "F1"), ("leadInspector", "lena.lead"),
            ("fieldworkStarts", "8/10/2018"), ("fieldworkEnds", "2018-10-19"), ("team", "ian.inspector, sara.inspector"), ("frameworkVersion", "2")));
        Assert.Equal(new ScheduleInspection(id, "suffolk", "2018/19", "peel-2018-19", command.QuestionCodes, "lena.lead", new DateOnly(2018, 10, 8),
            new DateOnly(2018, 10, 19), command.Team, 2), command);
        Assert.Equal(["E3", "F1"], command.QuestionCodes!);
        Assert.Equal(["ian.inspector", "sara.inspector"], command.Team!);
        Assert.True(ConsoleActions.Find("ScheduleInspection")!.OwnPage); // never posted as an inspection's action
    }

    [Fact]
    public void Recording_evidence_is_offered_only_while_the_inspection_is_in_fieldwork()
    {
        var record = ConsoleActions.Find("RecordEvidence")!;
        Assert.True(record.OfferedAt(InspectionStage.Fieldwork, QuestionStage.Fieldwork));
        Assert.False(record.OfferedAt(InspectionStage.Reporting, QuestionStage.Fieldwork));
    }

    [Fact]
    public void An_inspection_action_follows_the_inspections_stage_and_never_a_questions()
    {
        var publish = ConsoleActions.Find("PublishReport")!;
        Assert.False(publish.ForQuestion);
        Assert.True(publish.OfferedAt(InspectionStage.FactualAccuracyCheck, null));
        Assert.False(publish.OfferedAt(InspectionStage.SignOff, null));
    }

    [Fact]
    public void Once_the_HMI_has_signed_off_neither_the_reports_words_nor_the_sign_off_are_offered_and_the_check_is()
    {
        static InspectionView At(SignOffStamp? signed) => InspectionView.Compose(new Inspection { Stage = InspectionStage.SignOff, SignedOff = signed },
            null, null, new EvidenceCounts(0, new Dictionary<string, int>()), new Dictionary<string, Dictionary<string, int>>());
        var awaiting = At(null);
        var signed = At(new SignOffStamp("hannah.hmi", DateTimeOffset.UnixEpoch));
        foreach (var operation in new[] { "SignOffInspection", "WriteHmiObservations" })
        {
            Assert.True(ConsoleActions.Find(operation)!.OfferedOn(awaiting, null), operation);
            Assert.False(ConsoleActions.Find(operation)!.OfferedOn(signed, null), operation);
        }
        Assert.True(ConsoleActions.Find("WriteQuestionSummary")!.OfferedOn(awaiting, QuestionStage.Awarded));
        Assert.False(ConsoleActions.Find("WriteQuestionSummary")!.OfferedOn(signed, QuestionStage.Awarded));
        Assert.False(ConsoleActions.Find("OpenFactualAccuracyCheck")!.OfferedOn(awaiting, null));
        Assert.True(ConsoleActions.Find("OpenFactualAccuracyCheck")!.OfferedOn(signed, null));
    }

    [Fact]
    public void An_amendment_form_sends_the_evidence_back_filed_and_flagged_as_it_stands_with_what_was_changed()
    {
        var amend = ConsoleActions.Find("AmendEvidence")!;
        Assert.Equal(("evidenceId", true), (amend.ItemField, amend.QuestionPageOnly));
        var command = (PeelCases.Fieldwork.AmendEvidence)amend.Command(Form(("method", "CaseFileReview"), ("sampleSize", "12"), ("collectedOn", "9/10/2018"),
            ("summary", "Nine of twelve logs."), ("source", "Control room"), ("questionCodes", "E3"), ("questionCodes", "E1"), ("sensitive", "true"),
            ("reason", "Twelve logs, not ten."), ("expectedVersion", "4")));
        Assert.Equal(new PeelCases.Fieldwork.AmendEvidence(PeelCases.Fieldwork.EvidenceMethod.CaseFileReview, 12, new DateOnly(2018, 10, 9), "Nine of twelve logs.",
            "Control room", command.QuestionCodes, true, "Twelve logs, not ten.", 4), command);
        Assert.Equal(["E3", "E1"], command.QuestionCodes);
    }

    [Fact]
    public void A_pillar_grade_is_proposed_until_awarded_each_proposal_moderated_once_and_awarded_once_moderated()
    {
        var proposed = new ProposedGrade(Grade.Good, "As the questions show.", [], "lena.lead", DateTimeOffset.UnixEpoch);
        var moderated = new ModerationDecision(Grade.Good, false, null, "mo.moderator", DateTimeOffset.UnixEpoch);
        var awarded = new AwardedGrade(Grade.Good, "mo.moderator", DateTimeOffset.UnixEpoch);
        PillarView Pillar(ProposedGrade? p, ModerationDecision? m, AwardedGrade? a) => new("effectiveness", "Effectiveness", "E", p, a, Moderated: m);
        var propose = ConsoleActions.Find("ProposePillarGrade")!;
        var moderate = ConsoleActions.Find("ModeratePillarGrade")!;
        var award = ConsoleActions.Find("AwardPillarGrade")!;
        Assert.True(propose.ForPillar && moderate.ForPillar && award.ForPillar && ConsoleActions.Find("WritePillarSummary")!.ForPillar);
        (bool, bool, bool) Offered(PillarView p) => (propose.OfferedFor(p), moderate.OfferedFor(p), award.OfferedFor(p));
        Assert.Equal((true, false, false), Offered(Pillar(null, null, null)));
        Assert.Equal((true, true, false), Offered(Pillar(proposed, null, null)));
        Assert.Equal((true, false, true), Offered(Pillar(proposed, moderated, null))); // a new proposal goes to moderation afresh
        Assert.Equal((false, false, false), Offered(Pillar(proposed, moderated, awarded)));
        Assert.Equal((false, false, false), Offered(Pillar(proposed, null, awarded))); // awarded before pillar moderation began
        var redact = ConsoleActions.Find("RedactPillarText")!;
        Assert.Equal((true, false, true, true), (redact.ForPillar, redact.OfferedFor(Pillar(null, null, null)), redact.OfferedFor(Pillar(proposed, null, null)),
            redact.OfferedFor(Pillar(null, null, null) with { Summary = "Written." })));
    }

    [Fact]
    public void QA_review_moderation_and_the_award_are_not_offered_to_the_team_or_the_grades_proposer()
    {
        var inspection = new Inspection { LeadInspector = "lena.lead", Team = ["ian.inspector"] };
        var moderate = ConsoleActions.Find("ModerateGrade")!;
        Assert.Equal((false, false, false, true), (Open(moderate, "lena.lead"), Open(moderate, "ian.inspector"), Open(moderate, "pat.lead"), Open(moderate, "mo.moderator")));
        Assert.All(new[] { "ReviewFindings", "AwardGrade", "ModeratePillarGrade", "AwardPillarGrade" },
            op => Assert.False(Open(ConsoleActions.Find(op)!, "ian.inspector")));
        Assert.True(Open(ConsoleActions.Find("ProposeGrade")!, "lena.lead")); // the team's own work

        // The page says why the form is missing, once for each reason, and keeps the team's own actions.
        var (open, held) = ActionSet.ForActor([ConsoleActions.Find("ProposeGrade")!, moderate, ConsoleActions.Find("AwardGrade")!], inspection, "pat.lead", "ian.inspector");
        Assert.Equal(["ProposeGrade"], open.Select(a => a.Operation));
        Assert.Equal(["ian.inspector is on this inspection's team: moderation is a check on the team's work, made from outside the team.",
            "ian.inspector is on this inspection's team: the award is a check on the team's work, made from outside the team."], held);
        Assert.Empty(ActionSet.ForActor([moderate], inspection, "pat.lead", "mo.moderator").Held);
        Assert.Single(ActionSet.ForActor([moderate, moderate], inspection, "pat.lead", "ian.inspector").Held);
        // On the inspection page, each reason once, naming what it holds back.
        ActionSet Set(string? code, string reason) => new(Guid.Empty, code, 1, [], [], [], [], "", "") { HeldFromYou = [reason] };
        Assert.Equal([("E1, E3", "leads"), ((string?)null, "other")], ActionSet.HeldAcross([Set("E1", "leads"), Set("E3", "leads"), Set(null, "other")]));
        Assert.Equal("Not offered to you for each of E1, E3: lena.lead proposed this grade.", ActionSet.NotOffered("E1, E3", "lena.lead proposed this grade."));
        Assert.Equal("Not offered to you for E1: lena.lead proposed this grade.", ActionSet.NotOffered("E1", "lena.lead proposed this grade."));
        Assert.Equal("Not offered to you: x.", ActionSet.NotOffered(null, "x."));

        bool Open(ConsoleAction action, string actor) => action.ClosedTo(inspection, "pat.lead", actor) is null;
    }

    [Fact]
    public void Findings_are_offered_for_QA_only_once_every_line_of_enquiry_is_concluded()
    {
        var open = new LineOfEnquiry(1, "How often are shifts lost?", EnquiryBasis.Data, "lena.lead", DateTimeOffset.UnixEpoch);
        var concluded = open with { Concluded = new EnquiryConclusion(EnquiryOutcome.Answered, "Weekly.", "ian.inspector", DateTimeOffset.UnixEpoch) };
        QuestionView Drafting(params LineOfEnquiry[] lines) => new("E3", 3, "How well…", "effectiveness", true, QuestionScope.Detailed, QuestionStage.Drafting,
            DateTimeOffset.UnixEpoch, 1, new Dictionary<string, int>(), null, null, null, null, null, false, false, null, null, 2, LinesOfEnquiry: lines);
        var submit = ConsoleActions.Find("SubmitFindingsForQa")!;
        Assert.Equal((true, false, true), (submit.OfferedFor(Drafting()), submit.OfferedFor(Drafting(concluded, open)), submit.OfferedFor(Drafting(concluded))));
    }

    [Fact]
    public void A_carried_over_judgment_is_disputed_once_on_the_questions_page_and_the_form_becomes_the_APIs_command()
    {
        var earlier = new JudgmentReference(Guid.NewGuid(), "cumbria", "2016", 2016, "peel-2016", "E1", "effectiveness", Grade.Good, DateTimeOffset.UnixEpoch);
        QuestionView Question(JudgmentReference? carried, JudgmentReference? disputed) => new("E1", 1, "How effective…", "effectiveness", true,
            QuestionScope.CarryOver, QuestionStage.CarriedOver, DateTimeOffset.UnixEpoch, 0, new Dictionary<string, int>(), null, null, null, carried, Grade.Good,
            true, false, null, null, 3, disputed);
        var dispute = ConsoleActions.Find("DisputeCarriedOverJudgment")!;
        Assert.True(dispute.QuestionPageOnly);
        Assert.True(dispute.OfferedAt(InspectionStage.Moderation, QuestionStage.CarriedOver));
        Assert.False(dispute.OfferedAt(InspectionStage.SignOff, QuestionStage.CarriedOver));
        Assert.False(dispute.OfferedAt(InspectionStage.Reporting, QuestionStage.Awarded));
        Assert.True(dispute.OfferedFor(Question(earlier, null)));
        Assert.False(dispute.OfferedFor(Question(earlier, earlier))); // the moderator upheld it: once only
        Assert.True(ConsoleActions.Find("ModerateGrade")!.OfferedAt(InspectionStage.Reporting, QuestionStage.Moderation)); // where the dispute goes
        Assert.Equal(new DisputeCarriedOverJudgment(Grade.RequiresImprovement, "Call handling has declined.", 3),
            dispute.Command(Form(("intendedGrade", "RequiresImprovement"), ("reason", "Call handling has declined."), ("expectedVersion", "3"))));
    }

    [Fact]
    public void A_draft_check_flag_is_dismissed_by_its_id_until_the_HMI_signs_off()
    {
        var dismiss = ConsoleActions.Find("DismissDraftFlag")!;
        Assert.True(dismiss.ForDraftFlag);
        Assert.False(dismiss.ForQuestion || dismiss.ForPillar || dismiss.ForFinding);
        Assert.Equal(["flagId"], dismiss.RouteFields);
        static InspectionView At(SignOffStamp? signed) => InspectionView.Compose(new Inspection { Stage = InspectionStage.SignOff, SignedOff = signed },
            null, null, new EvidenceCounts(0, new Dictionary<string, int>()), new Dictionary<string, Dictionary<string, int>>());
        Assert.True(dismiss.OfferedOn(At(null), null));
        Assert.False(dismiss.OfferedOn(At(new SignOffStamp("hannah.hmi", DateTimeOffset.UnixEpoch)), null));
        Assert.Equal(new DismissDraftFlag("The HMI's wording.", 9), dismiss.Command(Form(("flagId", "a1b2c3d4e5f6"), ("reason", "The HMI's wording."), ("expectedVersion", "9"))));
    }

    [Fact]
    public void A_recommendations_status_is_moved_on_after_publication_for_a_finding_that_holds_recommendations()
    {
        var change = ConsoleActions.Find("ChangeRecommendationStatus")!;
        Assert.Equal("findingId", change.ItemField);
        Assert.Equal(["number"], change.RouteFields);
        Assert.True(change.OfferedAt(InspectionStage.Published, QuestionStage.Awarded));
        Assert.False(change.OfferedAt(InspectionStage.FactualAccuracyCheck, QuestionStage.Awarded));
        Findings.Finding Holding(int recommendations, bool withdrawn = false) => new()
        {
            Withdrawn = withdrawn,
            Content = new("Risk at first contact", Findings.FindingKind.CauseOfConcern, "…", [], Enumerable.Range(1, recommendations)
                .Select(n => new Findings.Recommendation(n, "Act.", new Findings.RecommendationDeadline(Findings.DeadlineKind.Immediately), Findings.RecommendationStatus.Open)).ToList()),
        };
        Assert.True(change.OfferedFor(Holding(1)));
        Assert.False(change.OfferedFor(Holding(0)));
        Assert.False(change.OfferedFor(Holding(1, withdrawn: true)));
        Assert.True(ConsoleActions.Find("ReviseFinding")!.OfferedFor(Holding(0)));
        // A withdrawn finding is kept as it was: only its personal data can still be removed.
        Assert.Equal(["RedactFinding"], ConsoleActions.All.Where(a => a.ForFinding && a.OfferedFor(Holding(1, withdrawn: true))).Select(a => a.Operation));
        Assert.Equal(new Findings.ChangeRecommendationStatus(Findings.RecommendationStatus.Discharged, null, new DateOnly(2026, 4, 3), 5),
            change.Command(Form(("number", "1"), ("status", "Discharged"), ("effectiveOn", "3/4/2026"), ("note", ""), ("expectedVersion", "5"))));
    }

    [Fact]
    public void A_cause_of_concern_is_raised_for_acceleration_once_published_once_raised_and_followed_up_after_the_report()
    {
        var raise = ConsoleActions.Find("AccelerateCauseOfConcern")!;
        var publish = ConsoleActions.Find("PublishAcceleratedCauseOfConcern")!;
        var followUp = ConsoleActions.Find("FollowUpFinding")!;
        Assert.True(raise.ForFinding && publish.ForFinding && followUp.ForFinding);
        Findings.Finding Of(Findings.FindingKind kind, Findings.Acceleration? accelerated = null, bool withdrawn = false) =>
            new() { Withdrawn = withdrawn, Accelerated = accelerated, Content = new("Heading", kind, "…", [], []) };
        var raised = new Findings.Acceleration("Children at risk now.", "lena.lead", DateTimeOffset.UnixEpoch);
        var concern = Of(Findings.FindingKind.CauseOfConcern);
        Assert.Equal((true, false), (raise.OfferedFor(concern), publish.OfferedFor(concern)));
        Assert.Equal((false, true), (raise.OfferedFor(Of(Findings.FindingKind.CauseOfConcern, raised)), publish.OfferedFor(Of(Findings.FindingKind.CauseOfConcern, raised))));
        Assert.False(publish.OfferedFor(Of(Findings.FindingKind.CauseOfConcern, raised with { PublishedOn = new DateOnly(2026, 4, 3) })));
        Assert.False(raise.OfferedFor(Of(Findings.FindingKind.AreaForImprovement)));
        Assert.False(raise.OfferedFor(Of(Findings.FindingKind.CauseOfConcern, withdrawn: true)));
        Assert.True(raise.OfferedAt(InspectionStage.Fieldwork, QuestionStage.Fieldwork));
        Assert.False(raise.OfferedAt(InspectionStage.Reporting, QuestionStage.Drafting));
        Assert.True(publish.OfferedAt(InspectionStage.FactualAccuracyCheck, QuestionStage.Awarded));
        Assert.False(publish.OfferedAt(InspectionStage.Published, QuestionStage.Awarded));

        Assert.True(followUp.OfferedFor(Of(Findings.FindingKind.AreaForImprovement)));
        Assert.False(followUp.OfferedFor(Of(Findings.FindingKind.Strength)));
        Assert.Equal((true, false), (followUp.OfferedAt(InspectionStage.Published, QuestionStage.Awarded), followUp.OfferedAt(InspectionStage.SignOff, QuestionStage.Awarded)));
        Assert.Equal(new Findings.FollowUpFinding(null, Findings.FollowUpStatus.InProgress, "A new audit.", null, new DateOnly(2026, 4, 3), 2),
            followUp.Command(Form(("recommendationNumber", ""), ("status", "InProgress"), ("note", "A new audit."), ("effectiveOn", "2026-04-03"), ("expectedVersion", "2"))));
    }

    [Fact]
    public void An_earlier_finding_looked_at_again_is_followed_up_through_the_same_operation_recorded_in_the_later_inspection()
    {
        var again = ConsoleActions.Find("FollowUpEarlierFinding")!;
        Assert.Equal(("FollowUpFinding", "findingId", true, false), (again.ApiOperation, again.ItemField, again.ForEarlierFinding, again.ForFinding));
        Assert.True(again.QuestionPageOnly);
        // While the later inspection's own work is open; once it is published, the earlier finding's own card takes it.
        Assert.True(again.OfferedAt(InspectionStage.Reporting, QuestionStage.CarriedOver));
        Assert.False(again.OfferedAt(InspectionStage.Planning, QuestionStage.Scoping));
        Assert.False(again.OfferedAt(InspectionStage.Published, QuestionStage.Awarded));
        var later = Guid.NewGuid();
        Assert.Equal(new Findings.FollowUpFinding(1, Findings.FollowUpStatus.Achieved, "Done.", later, new DateOnly(2026, 4, 3), 4),
            again.Command(Form(("recommendationNumber", "1"), ("status", "Achieved"), ("note", "Done."), ("recordedIn", later.ToString()), ("effectiveOn", "3/4/2026"), ("expectedVersion", "4"))));
        Assert.Equal("FollowUpFinding", ConsoleActions.Find("FollowUpFinding")!.ApiOperation); // an action's own name otherwise
    }

    [Fact]
    public void The_team_form_offers_every_member_but_the_lead_to_take_off_and_people_from_other_teams_to_add()
    {
        var choice = new TeamChoice("lena.lead", ["lena.lead", "ian.inspector"], ["ian.inspector", "lena.lead", "nina.inspector"]);
        Assert.Equal(["ian.inspector"], choice.MayLeave);
        Assert.Equal(["nina.inspector"], choice.MayJoin);
        // Ticked boxes arrive as one value per box; the command takes each as a name.
        var change = (ChangeTeam)ConsoleActions.Find("ChangeTeam")!.Command(new FormCollection(new()
            { ["join"] = "nina.inspector, omar.inspector", ["leave"] = new StringValues(["ian.inspector", "sara.inspector"]), ["expectedVersion"] = "3" }));
        Assert.Equal(["nina.inspector", "omar.inspector"], change.Join);
        Assert.Equal(["ian.inspector", "sara.inspector"], change.Leave);
    }

    [Theory]
    [InlineData("effectiveOn", "effectiveOn is required.", "The date it took effect is required.")]
    [InlineData("reason", "reason is required.", "Reason is required.")]
    [InlineData("recommendations[2].text", "recommendations[2].text is required.", "A recommendation's text is required.")]
    [InlineData("recommendations[2].deadline", "A recommendation needs a deadline: Immediately, ByDate or WithinMonths.",
        "A recommendation needs a deadline: immediately, by a date, or within a number of months.")]
    [InlineData("recommendations[3].deadline", "A ByDate deadline needs its date.", "A deadline by a date needs its date.")]
    [InlineData("effectiveOn", "A status is recorded from today or an earlier day.", "A status is recorded from today or an earlier day.")]
    public void A_refused_field_is_named_in_words_not_as_the_API_names_it(string field, string api, string shown) =>
        Assert.Equal(shown, ConsoleText.Refusal(field, api));

    [Fact]
    public void Personal_data_is_removed_from_a_piece_of_evidence_or_a_finding_at_any_stage_with_a_reason()
    {
        var evidence = ConsoleActions.Find("RedactEvidence")!;
        var finding = ConsoleActions.Find("RedactFinding")!;
        Assert.Equal(("evidenceId", "findingId"), (evidence.ItemField, finding.ItemField));
        Assert.True(evidence.OfferedAt(InspectionStage.Published, QuestionStage.Awarded) && finding.OfferedAt(InspectionStage.Planning, QuestionStage.Fieldwork));
        Assert.Equal(new PeelCases.Fieldwork.RedactEvidence("A caller's name.", 3), evidence.Command(Form(("reason", "A caller's name."), ("expectedVersion", "3"))));
        Assert.Equal(new Findings.RedactFinding(null, 3), finding.Command(Form(("reason", ""), ("expectedVersion", "3"))));
        var question = ConsoleActions.Find("RedactQuestionText")!;
        Assert.True(question.ForQuestion && question.QuestionPageOnly && question.ItemField is null);
        Assert.Equal(new RedactText("A caller's name.", 8), question.Command(Form(("reason", "A caller's name."), ("expectedVersion", "8"))));
    }

    [Fact]
    public void The_team_is_changed_by_names_separated_by_commas_and_the_tranche_is_offered_as_it_stands_until_publication()
    {
        var team = ConsoleActions.Find("ChangeTeam")!;
        var command = (ChangeTeam)team.Command(Form(("join", "nina.inspector, omar.inspector\r\npat.inspector"), ("leave", ""), ("expectedVersion", "6")));
        Assert.Equal(["nina.inspector", "omar.inspector", "pat.inspector"], command.Join);
        Assert.Null(command.Leave);
        Assert.True(team.OfferedAt(InspectionStage.FactualAccuracyCheck, null));
        Assert.False(team.OfferedAt(InspectionStage.Published, null));

        var tranche = ConsoleActions.Find("AssignTranche")!;
        var set = new ActionSet(Guid.NewGuid(), null, 6, [tranche], [], [], [], "token", "/console") { Holds = new Dictionary<string, string?> { ["tranche"] = "T2" } };
        Assert.Equal(("T2", null), (set.ValueOrHeld(tranche, "tranche"), set.ValueOrHeld(tranche, "publicationBatch")));
        var refused = set with { FailedOperation = "AssignTranche", Typed = new Dictionary<string, string> { ["tranche"] = "T3" } };
        Assert.Equal("T3", refused.ValueOrHeld(tranche, "tranche"));
        Assert.Equal(new AssignTranche("T3", null, 6), tranche.Command(Form(("tranche", "T3"), ("publicationBatch", ""), ("expectedVersion", "6"))));
    }

    [Theory]
    [InlineData("recommendations[0].text", "recommendations[0].text")]
    [InlineData("recommendations[1].deadline", "recommendations[3].deadline")]
    [InlineData("recommendations[1]", "recommendations[3]")]
    [InlineData("recommendations[2].text", "recommendations[2].text")] // not a row that was sent: left as named
    [InlineData("recommendations", "recommendations")]
    [InlineData("heading", "heading")]
    [InlineData("join[1]", "join")] // another list's item is its one field
    [InlineData("citedEvidenceIds[0]", "citedEvidenceIds")]
    public void A_refusal_naming_a_recommendation_links_to_the_row_it_was_typed_in(string named, string typed)
    {
        // Rows 1 and 2 left empty: the API is sent rows 0 and 3, and numbers them 0 and 1.
        var form = Form((ConsoleActions.RecommendationField(0, "text"), "Act now."), (ConsoleActions.RecommendationField(1, "text"), ""),
            (ConsoleActions.RecommendationField(3, "text"), "Train call handlers."), (ConsoleActions.RecommendationField(3, "deadline"), "Sometime"));
        Assert.Equal(typed, ConsoleActions.AsTyped(form, named));
    }

    [Theory]
    [InlineData("2026-04-03", "2026-04-03")]
    [InlineData("03/04/2026", "2026-04-03")]
    [InlineData("3/4/2026", "2026-04-03")]
    [InlineData("04-03-2026", null)]
    [InlineData("2026-13-01", null)]
    [InlineData("", null)]
    public void A_date_is_read_as_labelled_or_day_first_as_written_in_Britain_never_month_first(string typed, string? read) =>
        Assert.Equal(read is null ? null : DateOnly.Parse(read),
            ((PeelCases.Fieldwork.RecordEvidence)ConsoleActions.Find("RecordEvidence")!.Command(Form(("collectedOn", typed)))).CollectedOn);

    [Fact]
    public void A_proposal_form_becomes_the_APIs_own_command()
    {
        var finding = Guid.NewGuid();
        var command = ConsoleActions.Find("ProposeGrade")!.Command(Form(("grade", "Good"), ("rationale", "Risk is assessed well."),
            ("citedFindingIds", finding.ToString()), ("expectedVersion", "7")));

        var proposal = Assert.IsType<ProposeGrade>(command);
        Assert.Equal(Grade.Good, proposal.Grade);
        Assert.Equal("Risk is assessed well.", proposal.Rationale);
        Assert.Equal([finding], proposal.CitedFindingIds);
        Assert.Equal(7, proposal.ExpectedVersion);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("good")]
    [InlineData("Excellent")]
    [InlineData("")]
    public void A_value_that_does_not_parse_is_sent_as_missing_so_the_API_names_the_field(string grade)
    {
        var proposal = Assert.IsType<ProposeGrade>(ConsoleActions.Find("ProposeGrade")!.Command(Form(("grade", grade), ("expectedVersion", "x"))));
        Assert.Null(proposal.Grade);
        Assert.Null(proposal.ExpectedVersion);
        Assert.Null(proposal.Rationale);
    }

    [Theory]
    [InlineData(QuestionStage.QaReview, "QA review")]
    [InlineData(QuestionStage.AwaitingAward, "Awaiting award")]
    [InlineData(QuestionStage.CarriedOver, "Judgment carried over")]
    [InlineData(QuestionStage.Fieldwork, "Fieldwork")]
    public void Stages_are_named_as_an_inspector_says_them(QuestionStage stage, string words) => Assert.Equal(words, ConsoleText.Stage(stage));

    [Fact]
    public void Kinds_are_written_as_words_not_enum_names()
    {
        Assert.Equal("Area for improvement", ConsoleText.Kind(Findings.FindingKind.AreaForImprovement));
        Assert.Equal("Factual accuracy check", ConsoleText.Stage(InspectionStage.FactualAccuracyCheck));
        Assert.Equal("Requires improvement", ConsoleText.Grade(Grade.RequiresImprovement));
    }

    [Fact]
    public void The_chart_draws_one_bar_per_grade_of_the_scale_and_encodes_its_text()
    {
        var comparison = new GradeComparison("2018/19", "E3<script>", "Question", [Grade.Outstanding, Grade.Good, Grade.RequiresImprovement, Grade.Inadequate],
            Grade.Good, 1, new Dictionary<Grade, int> { [Grade.Good] = 3, [Grade.Inadequate] = 1 }, [], "rule");

        var svg = GradeChartSvg.Svg(comparison);

        Assert.Equal(4, svg.Split("<rect ").Length - 1);
        Assert.DoesNotContain("<script>", svg);
        Assert.Contains("E3&lt;script&gt;", svg);
        // The median's bar is the blue one, at full height.
        Assert.Contains("height=\"160\" fill=\"#1d70b8\"", svg);
    }
}
