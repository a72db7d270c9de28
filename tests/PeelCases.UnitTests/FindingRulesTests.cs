using PeelCases.UnitTests.Support;
using PeelCases.Fieldwork;
using PeelCases.Findings;
using PeelCases.Inspections;

namespace PeelCases.UnitTests;

/// <summary>Drafting, revising and withdrawing findings, and following up their recommendations.</summary>
public sealed class FindingRulesTests
{
    private static readonly InspectionHistory C = Cumbria.Inspection;
    private static readonly DateTimeOffset Now = C.DraftedAt;
    private static readonly Evidence[] Logs = [Given.Evidence(Cumbria.IncidentLogsRecorded)];
    private static readonly Evidence[] AllEvidence = [Given.Evidence(Cumbria.IncidentLogsRecorded), Given.Evidence(Cumbria.FirearmsStrategyRecorded)];

    private static readonly RecommendationInput Assess = new(" The constabulary should assess every referral within 24 hours. ", new RecommendationDeadline(DeadlineKind.WithinMonths, Months: 6));
    private static readonly RecommendationInput Train = new("The constabulary should train every call handler in THRIVE.", new RecommendationDeadline(DeadlineKind.ByDate, new DateOnly(2019, 9, 30)));

    private static DraftFinding Draft(string question = "E3", FindingKind kind = FindingKind.Strength, Guid[]? cited = null, params RecommendationInput[] recommendations)
    {
        var content = C.Strength();
        return new(Cumbria.HelpDeskFinding, question, " " + content.Heading + " ", kind, content.Text + "  ", cited ?? [Cumbria.IncidentLogs],
            recommendations.Length > 0 ? recommendations : null);
    }

    private static ReviseFinding Revise(Finding finding, FindingKind kind = FindingKind.Strength, Guid[]? cited = null, string text = "Revised text.",
        params RecommendationInput[] recommendations) =>
        new(finding.Content.Heading, kind, text, cited ?? [Cumbria.IncidentLogs], recommendations, " Clearer wording. ", finding.Version);

    // Drafting.

    [Fact]
    public void A_finding_drafted_in_fieldwork_cites_the_evidence_it_rests_on()
    {
        var inspection = Given.Inspection(Cumbria.InFieldwork);
        Then.Decided(DraftFindingRules.Decide(inspection, Draft(question: "e3"), Logs, People.Ian, Now),
            new FindingDrafted(Cumbria.HelpDeskFinding, C.Id, "E3", C.Strength(Cumbria.IncidentLogs), People.Ian, Now));
    }

    [Fact]
    public void Findings_are_drafted_in_fieldwork_and_while_drafting_after_it()
    {
        Then.Decided(DraftFindingRules.Decide(Given.Inspection(Cumbria.InReporting), Draft(), Logs, People.Ian, Now));
        var returned = Given.Inspection(Cumbria.E3InQaReview.Then(C.ReturnedByQa("E3", "Cite the dip sample.")));
        Then.Decided(DraftFindingRules.Decide(returned, Draft(), Logs, People.Ian, Now));
    }

    [Fact]
    public void Evidence_cited_twice_is_cited_once()
    {
        var drafted = Then.Decided(DraftFindingRules.Decide(Given.Inspection(Cumbria.InFieldwork), Draft(cited: [Cumbria.IncidentLogs, Cumbria.IncidentLogs]), Logs, People.Ian, Now));
        Assert.Equal([Cumbria.IncidentLogs], drafted.Content.CitedEvidenceIds);
    }

    [Fact]
    public void A_cause_of_concern_carries_numbered_open_recommendations()
    {
        var drafted = Then.Decided(DraftFindingRules.Decide(Given.Inspection(Cumbria.InFieldwork), Draft(kind: FindingKind.CauseOfConcern, recommendations: [Assess, Train]), Logs, People.Ian, Now));
        Assert.Equivalent(new[]
        {
            new Recommendation(1, "The constabulary should assess every referral within 24 hours.", new RecommendationDeadline(DeadlineKind.WithinMonths, Months: 6), RecommendationStatus.Open),
            new Recommendation(2, Train.Text!, Train.Deadline!, RecommendationStatus.Open),
        }, drafted.Content.Recommendations, strict: true);
    }

    [Fact]
    public void A_finding_for_a_question_outside_the_inspection_is_refused() =>
        Then.Invalid(DraftFindingRules.Decide(Given.Inspection(Cumbria.InFieldwork), Draft(question: "F1"), Logs, People.Ian, Now), "questionCode",
            "Question 'F1' is not in the scope of this inspection.");

    [Fact]
    public void A_finding_waits_for_its_question_to_be_scoped() =>
        Then.Refused(DraftFindingRules.Decide(Given.Inspection(Cumbria.Scheduled), Draft(), Logs, People.Ian, Now), 409,
            "Question E3 has not been scoped yet; scope it before drafting findings.");

    [Fact]
    public void A_question_carried_over_takes_no_new_findings()
    {
        var inspection = Given.Inspection(Cumbria.InFieldwork);
        var e1Evidence = Given.Evidence(C.EvidenceRecorded(Cumbria.IncidentLogs, "E1"));
        Then.Refused(DraftFindingRules.Decide(inspection, Draft(question: "E1"), [e1Evidence], People.Ian, Now), 409,
            "Question E1 is scoped for carry-over: it is not inspected in detail, so it takes no new findings. Re-scope it as Detailed first.");
    }

    [Theory]
    [InlineData("Planned", "Scoping", "Fieldwork has not started.")]
    [InlineData("E3InQaReview", "QA review", "Its findings await a QA reviewer.")]
    [InlineData("AwaitingGrade", "Awaiting a grade", "No grade has been proposed.")]
    [InlineData("QuestionsSettled", "Awarded", "")]
    [InlineData("Published", "Awarded", "")]
    public void Findings_are_drafted_only_while_the_question_is_in_fieldwork_or_drafting(string story, string stage, string missing)
    {
        var refusal = Then.Refused(DraftFindingRules.Decide(Given.Inspection(Stories.Of(story)), Draft(), Logs, People.Ian, Now), 409);
        Assert.Equal($"Drafting or revising findings needs question E3 at “Fieldwork” or “Drafting”; it is at “{stage}”. {missing}".TrimEnd(), refusal.Detail);
    }

    [Fact]
    public void A_finding_may_cite_only_evidence_recorded_for_this_inspection()
    {
        var inspection = Given.Inspection(Cumbria.InFieldwork);
        var unknown = Guid.Parse("0d0e0f00-0000-4000-8000-000000000001");
        Then.Invalid(DraftFindingRules.Decide(inspection, Draft(cited: [Cumbria.IncidentLogs, unknown]), Logs, People.Ian, Now), "citedEvidenceIds",
            $"Evidence {unknown} is not recorded for this inspection.");
        var kentEvidence = Given.Evidence(Kent.Inspection.EvidenceRecorded(unknown, "Q4"));
        Then.Invalid(DraftFindingRules.Decide(inspection, Draft(cited: [unknown]), [kentEvidence], People.Ian, Now), "citedEvidenceIds",
            $"Evidence {unknown} is not recorded for this inspection.");
    }

    [Fact]
    public void A_finding_may_cite_only_evidence_that_bears_on_its_question()
    {
        Then.Invalid(DraftFindingRules.Decide(Given.Inspection(Cumbria.InFieldwork), Draft(cited: [Cumbria.FirearmsStrategy]), AllEvidence, People.Ian, Now),
            "citedEvidenceIds", $"Evidence {Cumbria.FirearmsStrategy} does not bear on question E3 (it bears on E5).");
        Evidence[] onTwoOthers = [Given.Evidence(C.EvidenceRecorded(Cumbria.FirearmsStrategy, "E5", "E2"))];
        Then.Invalid(DraftFindingRules.Decide(Given.Inspection(Cumbria.InFieldwork), Draft(cited: [Cumbria.FirearmsStrategy]), onTwoOthers, People.Ian, Now),
            "citedEvidenceIds", "(it bears on E5, E2).");
    }

    [Fact]
    public void A_drafts_recommendations_are_numbered_from_one_in_the_order_sent()
    {
        var content = Draft(kind: FindingKind.CauseOfConcern, recommendations: [Assess, Train]).ToContent();
        Assert.Equal([(1, "The constabulary should assess every referral within 24 hours."), (2, Train.Text!)],
            content.Recommendations.Select(r => (r.Number, r.Text)));
        Assert.All(content.Recommendations, r => Assert.Equal(RecommendationStatus.Open, r.Status));
        Assert.Empty(Draft().ToContent().Recommendations);
    }

    [Fact]
    public void A_draft_needs_an_id_a_question_and_content_that_fits_its_kind()
    {
        Then.Valid(DraftFindingRules.Validate(Draft()));
        Then.Valid(DraftFindingRules.Validate(Draft(kind: FindingKind.CauseOfConcern, recommendations: [Assess])));
        Then.Invalid(DraftFindingRules.Validate(new DraftFinding(null, null, null, null, null, null)),
            "findingId", "questionCode", "heading", "kind", "text", "citedEvidenceIds");
        Then.Invalid(DraftFindingRules.Validate(Draft() with { FindingId = Guid.Empty }), "findingId");
        Then.Invalid(DraftFindingRules.Validate(Draft(question: new string('E', 21))), "questionCode");
    }

    [Fact]
    public void A_cause_of_concern_and_only_a_cause_of_concern_carries_recommendations()
    {
        Assert.Contains("A cause of concern must carry at least one recommendation.",
            Then.Invalid(DraftFindingRules.Validate(Draft(kind: FindingKind.CauseOfConcern)), "recommendations").Detail);
        Assert.Contains("Only a cause of concern carries recommendations.",
            Then.Invalid(DraftFindingRules.Validate(Draft(kind: FindingKind.AreaForImprovement, recommendations: [Assess])), "recommendations").Detail);
        Then.Invalid(DraftFindingRules.Validate(Draft(kind: FindingKind.CauseOfConcern, recommendations: Enumerable.Repeat(Assess, 21).ToArray())), "recommendations");
        Then.Valid(DraftFindingRules.Validate(Draft(kind: FindingKind.CauseOfConcern, recommendations: Enumerable.Repeat(Assess, 20).ToArray())));
    }

    [Fact]
    public void Every_recommendation_needs_its_text_and_a_complete_deadline()
    {
        var errors = DraftFindingRules.Validate(Draft(kind: FindingKind.CauseOfConcern, recommendations:
        [
            null!,
            new RecommendationInput(" ", new RecommendationDeadline(DeadlineKind.Immediately)),
            new RecommendationInput("Act.", null),
            new RecommendationInput("Act.", new RecommendationDeadline(DeadlineKind.ByDate)),
            new RecommendationInput("Act.", new RecommendationDeadline(DeadlineKind.WithinMonths)),
            new RecommendationInput("Act.", new RecommendationDeadline(DeadlineKind.WithinMonths, Months: 0)),
            new RecommendationInput("Act.", new RecommendationDeadline(DeadlineKind.WithinMonths, Months: 61)),
            new RecommendationInput(new string('r', 2_001), new RecommendationDeadline(DeadlineKind.WithinMonths, Months: 60)),
            new RecommendationInput("Act.", new RecommendationDeadline(DeadlineKind.WithinMonths, Months: 1)),
        ]));
        var refusal = Then.Invalid(errors, "recommendations[0]", "recommendations[1].text", "recommendations[2].deadline", "recommendations[3].deadline",
            "recommendations[4].deadline", "recommendations[5].deadline", "recommendations[6].deadline", "recommendations[7].text");
        Assert.Equal(["recommendations[0] is empty."], refusal.Errors!["recommendations[0]"]);
        Assert.Equal(["A recommendation needs a deadline: Immediately, ByDate or WithinMonths."], refusal.Errors["recommendations[2].deadline"]);
        Assert.Equal(["A ByDate deadline needs its date."], refusal.Errors["recommendations[3].deadline"]);
        Assert.Equal(["A WithinMonths deadline needs months between 1 and 60."], refusal.Errors["recommendations[6].deadline"]);
    }

    [Fact]
    public void Finding_text_has_limits()
    {
        Then.Invalid(DraftFindingRules.Validate(Draft() with { Heading = new string('h', 201) }), "heading");
        Then.Invalid(DraftFindingRules.Validate(Draft() with { Text = new string('t', 20_001) }), "text");
        Then.Invalid(DraftFindingRules.Validate(Draft(cited: Enumerable.Range(0, 51).Select(_ => Guid.NewGuid()).ToArray())), "citedEvidenceIds");
    }

    // Resends of a draft.

    [Fact]
    public void A_resend_of_the_same_draft_is_answered_with_the_finding_even_after_a_revision()
    {
        var inspection = Given.Inspection(Cumbria.InFieldwork);
        var wouldDraft = Then.Decided(DraftFindingRules.Decide(inspection, Draft(), Logs, People.Ian, Now.AddHours(1)));
        Assert.Null(DraftFindingRules.CheckResend(Given.Finding(Cumbria.HelpDeskDrafted), wouldDraft));
        var revised = Given.Finding(Cumbria.HelpDeskDrafted, C.FindingRevised(Cumbria.HelpDeskFinding, "E3", C.Strength(Cumbria.IncidentLogs) with { Text = "Revised." }, "Clearer."));
        Assert.Null(DraftFindingRules.CheckResend(revised, wouldDraft));
    }

    [Fact]
    public void A_finding_id_used_for_a_different_finding_is_refused()
    {
        var existing = Given.Finding(Cumbria.HelpDeskDrafted);
        var wouldDraft = Cumbria.HelpDeskDrafted;
        Then.Refused(DraftFindingRules.CheckResend(existing, wouldDraft with { Content = wouldDraft.Content with { Heading = "Other" } }), 409,
            $"Finding id {Cumbria.HelpDeskFinding} is already used for a different finding. Choose a new id, or revise the existing finding.");
        Then.Refused(DraftFindingRules.CheckResend(existing, wouldDraft with { Content = wouldDraft.Content with { Kind = FindingKind.InnovativePractice } }), 409);
        Then.Refused(DraftFindingRules.CheckResend(existing, wouldDraft with { Content = wouldDraft.Content with { Text = "Other" } }), 409);
        Then.Refused(DraftFindingRules.CheckResend(existing, wouldDraft with { Content = wouldDraft.Content with { CitedEvidenceIds = [Cumbria.FirearmsStrategy] } }), 409);
        Then.Refused(DraftFindingRules.CheckResend(existing, wouldDraft with { QuestionCode = "E5" }), 409);
        Then.Refused(DraftFindingRules.CheckResend(existing, wouldDraft with { InspectionId = Kent.Inspection.Id }), 409);
    }

    // Revising.

    [Fact]
    public void A_revision_records_the_new_content_and_why()
    {
        var inspection = Given.Inspection(Cumbria.InReporting);
        var finding = Given.Finding(Cumbria.HelpDeskDrafted);
        Then.Decided(ReviseFindingRules.Decide(finding, inspection, Revise(finding, text: " Revised text. "), Logs, People.Sara, Now),
            new FindingRevised(Cumbria.HelpDeskFinding, C.Id, "E3", C.Strength(Cumbria.IncidentLogs) with { Text = "Revised text." }, "Clearer wording.", People.Sara, Now));
    }

    [Fact]
    public void A_withdrawn_finding_cannot_be_revised()
    {
        var finding = Given.Finding(Cumbria.HelpDeskDrafted, C.FindingWithdrawn(Cumbria.HelpDeskFinding, "E3", "Duplicate."));
        Then.Refused(ReviseFindingRules.Decide(finding, Given.Inspection(Cumbria.InReporting), Revise(finding), Logs, People.Sara, Now), 409,
            "The finding has been withdrawn; draft a new one instead.");
    }

    [Fact]
    public void A_cause_of_concern_published_ahead_of_the_report_keeps_its_published_words()
    {
        var id = Guid.Parse("c0b1a000-2018-4019-8000-00000000acc1");
        var drafted = C.FindingDrafted(id, "E3", C.CauseOfConcern([Cumbria.IncidentLogs]));
        var raised = new CauseOfConcernAccelerated(id, C.Id, "E3", "Risk to public safety.", People.Lead, Now);
        var inspection = Given.Inspection(Cumbria.InReporting);
        var concern = Revise(Given.Finding(drafted, raised), FindingKind.CauseOfConcern, recommendations: new RecommendationInput("Act now.", new RecommendationDeadline(DeadlineKind.Immediately)));
        Then.Decided(ReviseFindingRules.Decide(Given.Finding(drafted, raised), inspection, concern, Logs, People.Sara, Now)); // raised, not yet public
        var published = Given.Finding(drafted, raised, new AcceleratedCauseOfConcernPublished(id, C.Id, "E3", new DateOnly(2018, 10, 12), People.Hmi, Now));
        Then.Refused(ReviseFindingRules.Decide(published, inspection, concern with { ExpectedVersion = published.Version }, Logs, People.Sara, Now), 409,
            "published ahead of the report on 12 October 2018; its published words stand");
        // Nor is it withdrawn: its public page stays; a follow-up says it no longer applies.
        Then.Decided(WithdrawFindingRules.Decide(Given.Finding(drafted, raised), inspection, new WithdrawFinding("Not a concern after all.", 2), People.Lead, Now));
        Then.Refused(WithdrawFindingRules.Decide(published, inspection, new WithdrawFinding("Not a concern after all.", 3), People.Lead, Now), 409,
            "published ahead of the report on 12 October 2018", "a follow-up (withdrawn, if it no longer applies)");
    }

    [Fact]
    public void A_revision_is_held_to_the_same_rules_as_a_draft()
    {
        var finding = Given.Finding(Cumbria.HelpDeskDrafted);
        Then.Refused(ReviseFindingRules.Decide(finding, Given.Inspection(Cumbria.E3InQaReview), Revise(finding), Logs, People.Sara, Now), 409,
            "needs question E3 at “Fieldwork” or “Drafting”; it is at “QA review”.");
        Then.Invalid(ReviseFindingRules.Decide(finding, Given.Inspection(Cumbria.InReporting), Revise(finding, cited: [Cumbria.FirearmsStrategy]), AllEvidence, People.Sara, Now),
            "citedEvidenceIds");
    }

    [Fact]
    public void After_publication_a_revision_is_a_correction_for_the_next_version_of_the_report()
    {
        var finding = Given.Finding(Cumbria.HelpDeskDrafted);
        var corrected = Then.Decided(ReviseFindingRules.Decide(finding, Given.Inspection(Cumbria.Published), Revise(finding), Logs, People.Lead, C.PublishedAt.AddDays(30)));
        Assert.Equal("Revised text.", corrected.Content.Text);
    }

    [Theory]
    [InlineData("SignedOff")]
    [InlineData("CheckOpen")]
    [InlineData("CheckClosed")]
    public void Between_the_award_and_publication_the_findings_are_fixed(string story)
    {
        var finding = Given.Finding(Cumbria.HelpDeskDrafted);
        Then.Refused(ReviseFindingRules.Decide(finding, Given.Inspection(Stories.Of(story)), Revise(finding), Logs, People.Lead, Now), 409,
            "needs question E3 at “Fieldwork” or “Drafting”; it is at “Awarded”.");
    }

    [Fact]
    public void A_correction_still_respects_the_question_scope() =>
        Then.Refused(ReviseFindingRules.Decide(Given.Finding(C.FindingDrafted(Cumbria.HelpDeskFinding, "E1", C.Strength(Cumbria.IncidentLogs))),
            Given.Inspection(Cumbria.Published), Revise(Given.Finding(Cumbria.HelpDeskDrafted)), Logs, People.Lead, Now), 409, "scoped for carry-over");

    [Fact]
    public void Recommendations_keep_their_number_and_status_across_revisions_and_new_ones_start_open()
    {
        var cause = C.CauseOfConcern([Cumbria.IncidentLogs], InspectionHistory.Recommendation(1));
        var finding = Given.Finding(C.FindingDrafted(Cumbria.HelpDeskFinding, "E3", cause),
            C.RecommendationStatusChanged(Cumbria.HelpDeskFinding, 1, RecommendationStatus.InProgress));
        var revised = Then.Decided(ReviseFindingRules.Decide(finding, Given.Inspection(Cumbria.Published),
            Revise(finding, FindingKind.CauseOfConcern, recommendations: [Assess, Train]), Logs, People.Lead, Now));
        Assert.Equal([(1, RecommendationStatus.InProgress), (2, RecommendationStatus.Open)], revised.Content.Recommendations.Select(r => (r.Number, r.Status)));
    }

    [Fact]
    public void Removing_a_recommendation_does_not_move_another_ones_status()
    {
        var cause = C.CauseOfConcern([Cumbria.IncidentLogs], InspectionHistory.Recommendation(1), InspectionHistory.Recommendation(2));
        var finding = Given.Finding(C.FindingDrafted(Cumbria.HelpDeskFinding, "E3", cause),
            C.RecommendationStatusChanged(Cumbria.HelpDeskFinding, 2, RecommendationStatus.Discharged));
        var keepOnlySecond = new RecommendationInput(cause.Recommendations[1].Text, cause.Recommendations[1].Deadline);
        var revised = Then.Decided(ReviseFindingRules.Decide(finding, Given.Inspection(Cumbria.Published),
            Revise(finding, FindingKind.CauseOfConcern, recommendations: [keepOnlySecond]), Logs, People.Lead, Now));
        Assert.Equal(RecommendationStatus.Discharged, revised.Content.Recommendations.Single().Status);
    }

    [Fact]
    public void A_revision_needs_the_whole_content_a_reason_and_the_version_it_revises()
    {
        var finding = Given.Finding(Cumbria.HelpDeskDrafted);
        Then.Valid(ReviseFindingRules.Validate(Revise(finding)));
        Then.Invalid(ReviseFindingRules.Validate(Revise(finding) with { Reason = null, ExpectedVersion = null }), "reason", "expectedVersion");
        Then.Invalid(ReviseFindingRules.Validate(Revise(finding) with { Reason = new string('r', 2_001) }), "reason");
        Then.Invalid(ReviseFindingRules.Validate(Revise(finding, FindingKind.CauseOfConcern)), "recommendations");
    }

    // Withdrawing.

    [Fact]
    public void A_finding_is_withdrawn_with_a_reason_while_its_question_is_drafting()
    {
        var finding = Given.Finding(Cumbria.HelpDeskDrafted);
        Then.Decided(WithdrawFindingRules.Decide(finding, Given.Inspection(Cumbria.InReporting), new WithdrawFinding(" Duplicate of another finding. ", finding.Version), People.Lead, Now),
            new FindingWithdrawn(Cumbria.HelpDeskFinding, C.Id, "E3", "Duplicate of another finding.", People.Lead, Now));
        Then.Decided(WithdrawFindingRules.Decide(finding, Given.Inspection(Cumbria.InFieldwork), new WithdrawFinding("Duplicate.", finding.Version), People.Lead, Now));
    }

    [Fact]
    public void A_finding_is_withdrawn_once()
    {
        var finding = Given.Finding(Cumbria.HelpDeskDrafted, C.FindingWithdrawn(Cumbria.HelpDeskFinding, "E3", "Duplicate."));
        Then.Refused(WithdrawFindingRules.Decide(finding, Given.Inspection(Cumbria.InReporting), new WithdrawFinding("Again.", finding.Version), People.Lead, Now), 409,
            "The finding is already withdrawn.");
    }

    [Fact]
    public void A_finding_cannot_be_withdrawn_once_its_question_went_to_QA()
    {
        var finding = Given.Finding(Cumbria.HelpDeskDrafted);
        var refusal = Then.Refused(WithdrawFindingRules.Decide(finding, Given.Inspection(Cumbria.E3InQaReview), new WithdrawFinding("Late.", finding.Version), People.Lead, Now), 409);
        Assert.Equal("Withdrawing a finding needs question E3 at “Fieldwork” or “Drafting”; it is at “QA review”. Its findings await a QA reviewer.", refusal.Detail);
    }

    [Fact]
    public void A_withdrawal_needs_a_reason_and_the_version_it_withdraws()
    {
        Then.Valid(WithdrawFindingRules.Validate(new WithdrawFinding("Duplicate.", 1)));
        Then.Invalid(WithdrawFindingRules.Validate(new WithdrawFinding(null, null)), "reason", "expectedVersion");
        Then.Invalid(WithdrawFindingRules.Validate(new WithdrawFinding(new string('r', 2_001), 1)), "reason");
    }

    // Following up recommendations.

    private static Finding CauseOfConcern(params object[] more) =>
        Given.Finding([C.FindingDrafted(Cumbria.HelpDeskFinding, "E3", C.CauseOfConcern([Cumbria.IncidentLogs], InspectionHistory.Recommendation(1), InspectionHistory.Recommendation(2))), .. more]);

    [Fact]
    public void A_recommendations_status_moves_on_with_the_date_it_took_effect()
    {
        var finding = CauseOfConcern();
        var on = C.PublishedOn.AddMonths(4);
        Then.Decided(ChangeRecommendationStatusRules.Decide(finding, 2, new ChangeRecommendationStatus(RecommendationStatus.Discharged, " Revisited in 2019. ", on, finding.Version), People.Lead, C.PublishedAt.AddMonths(4)),
            new RecommendationStatusChanged(Cumbria.HelpDeskFinding, C.Id, 2, RecommendationStatus.Discharged, "Revisited in 2019.", on, People.Lead, C.PublishedAt.AddMonths(4)));
    }

    [Fact]
    public void A_note_is_optional() =>
        Assert.Null(Then.Decided(ChangeRecommendationStatusRules.Decide(CauseOfConcern(), 1,
            new ChangeRecommendationStatus(RecommendationStatus.InProgress, null, C.PublishedOn, 1), People.Lead, C.PublishedAt)).Note);

    [Fact]
    public void A_recommendation_of_a_withdrawn_finding_does_not_move_on()
    {
        var finding = CauseOfConcern(C.FindingWithdrawn(Cumbria.HelpDeskFinding, "E3", "Merged."));
        Then.Refused(ChangeRecommendationStatusRules.Decide(finding, 1, new ChangeRecommendationStatus(RecommendationStatus.InProgress, null, C.PublishedOn, 2), People.Lead, Now), 409,
            "The finding has been withdrawn.");
    }

    [Fact]
    public void A_recommendation_the_finding_does_not_have_is_not_found() =>
        Then.Refused(ChangeRecommendationStatusRules.Decide(CauseOfConcern(), 3, new ChangeRecommendationStatus(RecommendationStatus.InProgress, null, C.PublishedOn, 1), People.Lead, Now), 404,
            $"Finding {Cumbria.HelpDeskFinding} has no recommendation 3.");

    [Fact]
    public void A_recommendation_already_at_that_status_is_refused()
    {
        var finding = CauseOfConcern(C.RecommendationStatusChanged(Cumbria.HelpDeskFinding, 1, RecommendationStatus.InProgress));
        Then.Refused(ChangeRecommendationStatusRules.Decide(finding, 1, new ChangeRecommendationStatus(RecommendationStatus.InProgress, null, C.PublishedOn, 2), People.Lead, Now), 409,
            "Recommendation 1 is already in progress.");
        Then.Refused(ChangeRecommendationStatusRules.Decide(finding, 2, new ChangeRecommendationStatus(RecommendationStatus.Open, null, C.PublishedOn, 2), People.Lead, Now), 409,
            "Recommendation 2 is already open.");
    }

    [Fact]
    public void A_status_change_needs_the_status_its_date_and_the_version_it_changes()
    {
        Then.Valid(ChangeRecommendationStatusRules.Validate(new ChangeRecommendationStatus(RecommendationStatus.Discharged, null, C.PublishedOn, 1)));
        Then.Invalid(ChangeRecommendationStatusRules.Validate(new ChangeRecommendationStatus(null, null, null, null)), "status", "effectiveOn", "expectedVersion");
        Then.Invalid(ChangeRecommendationStatusRules.Validate(new ChangeRecommendationStatus(RecommendationStatus.Discharged, new string('n', 2_001), C.PublishedOn, 1)), "note");
    }

    // Redacting.

    [Fact]
    public void A_finding_is_redacted_with_every_earlier_version_and_note_and_again_after_a_later_revision()
    {
        var id = Cumbria.HelpDeskFinding;
        var concern = C.CauseOfConcern([Cumbria.IncidentLogs]);
        var finding = Given.Finding(C.FindingDrafted(id, "E3", concern), C.FindingRevised(id, "E3", concern with { Text = "Jane Doe waited." }, "named the victim"),
            C.RecommendationStatusChanged(id, 1, RecommendationStatus.InProgress));
        var redaction = Then.Decided(RedactFindingRules.Decide(finding, new RedactFinding(" Erasure request. ", finding.Version), People.Lead, Now));
        Assert.Equal(new FindingRedacted(id, C.Id, "Erasure request.", People.Lead, Now), redaction);

        var redacted = Given.Finding(C.FindingDrafted(id, "E3", concern), C.FindingRevised(id, "E3", concern with { Text = "Jane Doe waited." }, "named the victim"),
            C.RecommendationStatusChanged(id, 1, RecommendationStatus.InProgress), redaction);
        Assert.Equal(("[redacted]", "[redacted]", "[redacted]"), (redacted.Content.Text, redacted.EarlierVersions[0].SupersededBecause, redacted.Content.Recommendations[0].Text));
        Assert.Equal((FindingKind.CauseOfConcern, RecommendationStatus.InProgress), (redacted.Content.Kind, redacted.Content.Recommendations[0].Status));
        Assert.False(RedactFindingRules.Unredacted(redacted));
        Assert.Equal("The finding was already redacted by lena.lead on 15 October 2018, and nothing has been added since.",
            RedactFindingRules.Decide(redacted, new RedactFinding("Again.", 9), People.Lead, Now).Done?.Why);

        var revised = Given.Finding(C.FindingDrafted(id, "E3", concern), redaction, C.FindingRevised(id, "E3", concern with { Text = "Mrs Doe waited." }, "reworded"));
        Assert.True(RedactFindingRules.Unredacted(revised));
        Assert.NotNull(RedactFindingRules.Decide(revised, new RedactFinding("Again.", 9), People.Lead, Now).Value);
        var withdrawn = Given.Finding(C.FindingDrafted(id, "E3", concern), redaction, new FindingWithdrawn(id, C.Id, "E3", "Jane Doe complained.", People.Lead, Now));
        Assert.True(RedactFindingRules.Unredacted(withdrawn));
    }

    [Fact]
    public void A_finding_redaction_needs_a_reason_and_the_version_it_redacts()
    {
        Then.Valid(RedactFindingRules.Validate(new RedactFinding("Erasure request.", 1)));
        Then.Invalid(RedactFindingRules.Validate(new RedactFinding(null, null)), "reason", "expectedVersion");
    }

    // Triangulation.

    [Fact]
    public void A_finding_is_triangulated_when_its_evidence_was_gathered_by_two_methods()
    {
        var interview = Guid.NewGuid();
        var interviewed = C.EvidenceRecorded(interview, "E3");
        var evidence = new[] { Given.Evidence(Cumbria.IncidentLogsRecorded), Given.Evidence(interviewed with { Content = interviewed.Content with { Method = EvidenceMethod.Interview } }) };
        var onLogs = Given.Finding(Cumbria.HelpDeskDrafted);
        var onBoth = Given.Finding(C.FindingDrafted(Guid.NewGuid(), "E3", C.Strength(Cumbria.IncidentLogs, interview, Cumbria.IncidentLogs)));
        var onUnknown = Given.Finding(C.FindingDrafted(Guid.NewGuid(), "E3", C.Strength(Guid.NewGuid())));

        Assert.Equal((1, "CaseFileReview", (bool?)false), Shape(Triangulation.Of(onLogs, evidence)));
        Assert.Equal((2, "Interview CaseFileReview", (bool?)true), Shape(Triangulation.Of(onBoth, evidence)));
        Assert.Equal((0, "", (bool?)false), Shape(Triangulation.Of(onUnknown, evidence)));
        Assert.Equal([onLogs.Id, onBoth.Id], Triangulation.Of([onLogs, onBoth], evidence).Select(s => s.FindingId));

        // An imported finding rests on the published report alone: the fieldwork behind it is not held, so it is not weighed.
        var recorded = C.EvidenceRecorded(PeelCases.Kernel.ImportedIds.Of(C.Id, PeelCases.Kernel.ImportedIds.PublishedReport), "E3");
        var report = Given.Evidence(recorded with { Content = recorded.Content with { Summary = PeelCases.Kernel.ImportedIds.PublishedReportSummary } });
        var imported = Given.Finding(C.FindingDrafted(Guid.NewGuid(), "E3", C.Strength(report.Id)));
        Assert.Null(Triangulation.Of(imported, [report]).Triangulated);

        static (int, string, bool?) Shape(FindingSources s) => (s.Evidence, string.Join(" ", s.Methods), s.Triangulated);
    }
}

