using PeelCases.UnitTests.Support;
using PeelCases.FactualAccuracy;
using PeelCases.Findings;
using PeelCases.HmiSignOff;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.Publishing;
using PeelCases.ReferenceData;

namespace PeelCases.UnitTests;

/// <summary>From HMI sign-off through the force's factual accuracy check to publication, and the report's summaries.</summary>
public sealed class PublicationTests
{
    private static readonly InspectionHistory C = Cumbria.Inspection;
    private static readonly Guid Challenge = Guid.Parse("c0b1a000-2018-4019-8000-0000000000c1");
    private const string ChallengeText = "The help desk opened in April 2018, not June.";

    // Sign-off.

    [Fact]
    public void The_HMI_signs_off_an_inspection_ready_for_sign_off() =>
        Then.Decided(SignOffRules.Decide(Given.Inspection(Cumbria.ReadyForSignOff), Cumbria.Framework, People.Hmi, C.SignedOffAt),
            new InspectionSignedOff(C.Id, People.Hmi, C.SignedOffAt));

    [Fact]
    public void Sign_off_waits_for_the_workflow_and_says_what_is_outstanding()
    {
        Assert.Equal("HMI sign-off needs the inspection at “HMI sign-off”; it is at “Moderation”. Not yet settled: E3 at “Moderation”.",
            Then.Refused(SignOffRules.Decide(Given.Inspection(Cumbria.InModeration), Cumbria.Framework, People.Hmi, C.SignedOffAt), 409).Detail);
        Assert.Equal("HMI sign-off needs the inspection at “HMI sign-off”; it is at “Moderation”. Every question is settled; pillar grades may still be outstanding.",
            Then.Refused(SignOffRules.Decide(Given.Inspection(Cumbria.PillarProposed), Cumbria.Framework, People.Hmi, C.SignedOffAt), 409).Detail);
    }

    [Fact]
    public void Sign_off_and_publication_wait_for_every_public_summary_and_name_the_missing_ones()
    {
        var unwritten = Given.Inspection(PillarProposedAndAwarded());
        Assert.Equal("HMI sign-off needs the public summary of question E3, question E5 and the effectiveness pillar: a report never prints a grade's rationale " +
            "or a QA comment in its place, so write them first.",
            Then.Refused(SignOffRules.Decide(unwritten, Cumbria.Framework, People.Hmi, C.SignedOffAt), 409).Detail);
        var partly = Given.Inspection(PillarProposedAndAwarded().Then(C.SummaryWritten("E3", "Good at protecting vulnerable people.")));
        Then.Refused(SignOffRules.Decide(partly, Cumbria.Framework, People.Hmi, C.SignedOffAt), 409, "question E5 and the effectiveness pillar");
        Assert.Empty(PublicSummaries.Missing(Given.Inspection(Cumbria.ReadyForSignOff), Cumbria.Framework));
    }

    // HM Inspector's observations (integrated reports).

    [Fact]
    public void An_integrated_report_waits_for_the_HMI_s_observations_and_names_them()
    {
        var k = Kent.Inspection;
        var summarised = Kent.InReporting.Then(k.SummaryWritten("Q3", "Good at investigating crime."), k.SummaryWritten("Q4", "Adequate at protecting vulnerable people."),
            k.SummaryWritten("Q6", "Good at managing offenders."));
        Assert.Equal(["HM Inspector’s observations"], PublicSummaries.Missing(Given.Inspection(summarised), Kent.Framework));

        var observations = Then.Decided(WriteHmiObservationsRules.Decide(Given.Inspection(summarised), Kent.Framework,
            new WriteHmiObservations("  I am pleased with the force’s progress.  ", 9), People.Hmi, C.SignedOffAt));
        Assert.Equal(new HmiObservationsWritten(k.Id, "I am pleased with the force’s progress.", People.Hmi, C.SignedOffAt), observations);
        var written = Given.Inspection(summarised.Then(observations));
        Assert.Equal("I am pleased with the force’s progress.", written.HmiObservations);
        Assert.Empty(PublicSummaries.Missing(written, Kent.Framework));
    }

    [Fact]
    public void Pillar_pages_carry_no_HMI_observations_and_the_text_is_fixed_at_sign_off()
    {
        Then.Refused(WriteHmiObservationsRules.Decide(Given.Inspection(Cumbria.InReporting), Cumbria.Framework, new WriteHmiObservations("Text.", 1), People.Hmi, C.SignedOffAt),
            409, "2018/19 reports are published by pillar and carry no HM Inspector’s observations");
        Assert.DoesNotContain("HM Inspector’s observations", PublicSummaries.Missing(Given.Inspection(Cumbria.InReporting), Cumbria.Framework));
        var signedOff = Given.Inspection(Kent.InReporting.Then(new InspectionSignedOff(Kent.Inspection.Id, People.Hmi, C.SignedOffAt)));
        Then.Refused(WriteHmiObservationsRules.Decide(signedOff, Kent.Framework, new WriteHmiObservations("Text.", 1), People.Hmi, C.SignedOffAt), 409,
            "The report's text is fixed once the HMI has signed off");
    }

    private static object[] PillarProposedAndAwarded() =>
        Cumbria.PillarProposed.Then(C.PillarGradeAwarded(Cumbria.Effectiveness, Grade.Good), C.ReadyForSignOff());

    [Fact]
    public void An_inspection_is_signed_off_once() =>
        Then.Refused(SignOffRules.Decide(Given.Inspection(Cumbria.SignedOff), Cumbria.Framework, People.Hmi, C.SignedOffAt.AddDays(1)), 409,
            "The inspection was signed off by hannah.hmi on 11 March 2019.");

    // Opening the factual accuracy check.

    [Fact]
    public void After_sign_off_the_check_opens_with_a_deadline_in_working_days() =>
        Then.Decided(OpenFactualAccuracyCheckRules.Decide(Given.Inspection(Cumbria.SignedOff), 10, People.Lead, C.CheckOpenedAt),
            new FactualAccuracyCheckOpened(C.Id, "cumbria", 10, new DateTimeOffset(2019, 3, 26, 9, 0, 0, TimeSpan.Zero), People.Lead, C.CheckOpenedAt));

    [Fact]
    public void The_check_opens_only_after_the_HMI_has_signed_off()
    {
        Then.Refused(OpenFactualAccuracyCheckRules.Decide(Given.Inspection(Cumbria.ReadyForSignOff), 10, People.Lead, C.CheckOpenedAt), 409,
            "The factual accuracy check opens after the HMI has signed the inspection off.");
        Assert.Equal("Opening the factual accuracy check needs the inspection at “HMI sign-off”; it is at “Moderation”.",
            Then.Refused(OpenFactualAccuracyCheckRules.Decide(Given.Inspection(Cumbria.PillarProposed), 10, People.Lead, C.CheckOpenedAt), 409).Detail);
    }

    [Fact]
    public void The_check_opens_once() =>
        Then.Refused(OpenFactualAccuracyCheckRules.Decide(Given.Inspection(Cumbria.CheckOpen), 10, People.Lead, C.CheckOpenedAt), 409,
            "it is at “Factual accuracy check”.");

    [Theory]
    [InlineData("2019-03-12T09:00:00Z", 10, "2019-03-26T09:00:00Z")] // Tuesday: two weekends skipped
    [InlineData("2019-03-15T17:30:00Z", 1, "2019-03-18T17:30:00Z")] // Friday evening: next is Monday
    [InlineData("2019-03-16T10:00:00Z", 1, "2019-03-18T10:00:00Z")] // Saturday: next is Monday
    [InlineData("2019-03-17T10:00:00Z", 5, "2019-03-22T10:00:00Z")] // Sunday: Monday to Friday
    [InlineData("2019-03-11T10:00:00Z", 5, "2019-03-18T10:00:00Z")] // Monday: a week later
    [InlineData("2019-03-11T10:00:00Z", 0, "2019-03-11T10:00:00Z")]
    public void Deadlines_count_working_days_and_skip_weekends(string start, int days, string deadline) =>
        Assert.Equal(DateTimeOffset.Parse(deadline), WorkingDayCalendar.Add(DateTimeOffset.Parse(start), days));

    [Theory]
    [InlineData("2022-05-26T09:00:00Z", 10, "2022-06-13T09:00:00Z")] // 10:00 BST; the moved spring holiday (2 June) and the Platinum Jubilee (3 June) skipped
    [InlineData("2022-09-15T09:00:00Z", 2, "2022-09-20T09:00:00Z")] // the State Funeral, Monday 19 September 2022
    [InlineData("2023-05-05T09:00:00Z", 1, "2023-05-09T09:00:00Z")] // the Coronation, Monday 8 May 2023
    [InlineData("2026-12-23T10:00:00Z", 2, "2026-12-29T10:00:00Z")] // Christmas Day and the Boxing Day substitute (Monday 28th) skipped
    [InlineData("2027-03-18T10:00:00Z", 10, "2027-04-05T09:00:00Z")] // 10:00 GMT → 10:00 BST after the clocks change; Easter skipped
    [InlineData("2026-10-22T09:00:00Z", 3, "2026-10-27T10:00:00Z")] // 10:00 BST → 10:00 GMT after the clocks go back
    public void Deadlines_skip_the_bank_holidays_of_England_and_Wales_and_keep_the_UK_time_of_day(string start, int days, string deadline) =>
        Assert.Equal(DateTimeOffset.Parse(deadline), WorkingDayCalendar.Add(DateTimeOffset.Parse(start), days));

    [Fact]
    public void Instants_are_shown_in_UK_local_time()
    {
        Assert.Equal("10 December 2026, 10:00 GMT", PeelCases.Kernel.UkTime.Format(DateTimeOffset.Parse("2026-12-10T10:00:00Z")));
        Assert.Equal("1 July 2026, 11:00 BST", PeelCases.Kernel.UkTime.Format(DateTimeOffset.Parse("2026-07-01T10:00:00Z")));
        Assert.Equal("1 July 2026", PeelCases.Kernel.UkTime.Date(DateTimeOffset.Parse("2026-06-30T23:30:00Z")));
    }

    // Closing the check early.

    [Fact]
    public void The_force_confirms_it_has_no_further_comments_once_and_only_for_itself()
    {
        var open = Given.Inspection(Cumbria.CheckOpen);
        var at = C.CheckOpenedAt.AddDays(2);
        Assert.Equal(new ForceConfirmedNoFurtherComments(C.Id, People.Liaison, at), Then.Decided(CloseCheckEarlyRules.Confirm(open, People.Liaison, "cumbria", at)));
        Then.Refused(CloseCheckEarlyRules.Confirm(open, "kent.liaison", "kent", at), 403);
        Then.Refused(CloseCheckEarlyRules.Confirm(open, People.Liaison, "cumbria", C.CheckDeadline), 409, "reached its deadline");
        Then.Refused(CloseCheckEarlyRules.Confirm(Given.Inspection(Cumbria.SignedOff), People.Liaison, "cumbria", at), 409, "not open");
        var confirmed = Given.Inspection(Cumbria.CheckOpen.Then(new ForceConfirmedNoFurtherComments(C.Id, People.Liaison, at)));
        Assert.NotNull(CloseCheckEarlyRules.Confirm(confirmed, People.Liaison, "cumbria", at).Done);
    }

    [Fact]
    public void The_lead_inspector_closes_the_check_early_once_the_force_is_done_and_every_challenge_answered()
    {
        var at = C.CheckOpenedAt.AddDays(6);
        var challenged = Cumbria.CheckOpen.Then(C.ChallengeRaised(Challenge, ChallengeText));
        Then.Refused(CloseCheckEarlyRules.Close(Given.Inspection(challenged), People.Lead, at), 409, "unless the force confirms it has no further comments");
        var confirmed = challenged.Then(new ForceConfirmedNoFurtherComments(C.Id, People.Liaison, at));
        Then.Refused(CloseCheckEarlyRules.Close(Given.Inspection(confirmed), People.Lead, at), 409, "1 challenge(s) still need an answer");
        var answered = Given.Inspection(confirmed.Then(C.ChallengeResolved(Challenge, true, "Corrected.")));
        var closed = Then.Decided(CloseCheckEarlyRules.Close(answered, People.Lead, at));
        Assert.Equal(new FactualAccuracyCheckClosed(C.Id, 1, at, People.Lead), closed);
        var after = Given.Inspection(confirmed.Then(C.ChallengeResolved(Challenge, true, "Corrected."), closed));
        Assert.Equal((at, People.Lead), (after.FactualAccuracy!.ClosedAt, after.FactualAccuracy.ClosedBy));
        Then.Refused(CloseCheckEarlyRules.Close(after, People.Lead, at), 409, "closed on");
        Then.Refused(ChallengeRules.Raise(after, new RaiseChallenge(Guid.NewGuid(), "Another.", null), People.Liaison, "cumbria", at), 409, "the force having no further comments");
    }

    [Fact]
    public void The_deadline_message_closes_the_check_at_its_deadline_by_the_service_clock_and_not_before()
    {
        var open = Given.Inspection(Cumbria.CheckOpen.Then(C.ChallengeRaised(Challenge, ChallengeText)));
        var message = new CloseFactualAccuracyCheck(C.Id, C.CheckDeadline);
        // Arriving an hour early (the scheduler's clock ahead of the service's), it waits out the hour.
        Assert.Equal(new DeadlineOutcome(null, TimeSpan.FromHours(1)), CheckDeadlineRules.Decide(open, message, C.CheckDeadline.AddHours(-1)));
        Assert.Equal(new DeadlineOutcome(new FactualAccuracyCheckClosed(C.Id, 1, C.CheckDeadline), TimeSpan.Zero),
            CheckDeadlineRules.Decide(open, message, C.CheckDeadline));
        var late = C.CheckDeadline.AddMinutes(3);
        Assert.Equal(late, CheckDeadlineRules.Decide(open, message, late).Closed!.ClosedAt);
        // A message for another deadline, for a check already closed, or for no inspection does nothing, early or late.
        Assert.Same(DeadlineOutcome.Nothing, CheckDeadlineRules.Decide(open, message with { Deadline = C.CheckDeadline.AddDays(-1) }, late));
        Assert.Same(DeadlineOutcome.Nothing, CheckDeadlineRules.Decide(Given.Inspection(Cumbria.CheckClosed), message, C.CheckDeadline.AddHours(-1)));
        Assert.Same(DeadlineOutcome.Nothing, CheckDeadlineRules.Decide(null, message, late));
    }

    [Fact]
    public void The_force_has_ten_working_days_unless_configured_otherwise() =>
        Assert.Equal(10, new FactualAccuracyOptions().WorkingDays);

    // Raising challenges.

    private static Decision<FactualAccuracyChallengeRaised> Raise(Inspection inspection, string text = " " + ChallengeText + " ",
        string? force = "cumbria", DateTimeOffset? at = null, Guid? finding = null) =>
        ChallengeRules.Raise(inspection, new RaiseChallenge(Challenge, text, finding), People.Liaison, force, at ?? C.CheckOpenedAt.AddDays(3),
            finding == Cumbria.HelpDeskFinding ? Given.Finding(Cumbria.HelpDeskDrafted) : null);

    [Fact]
    public void A_challenge_names_a_finding_of_this_inspection_or_none()
    {
        var inspection = Given.Inspection(Cumbria.CheckOpen);
        var unknown = Guid.Parse("c0b1a000-2018-4019-8000-0000000000ff");
        Then.Refused(Raise(inspection, finding: unknown), 404, $"has no finding {unknown}");
        var elsewhere = Given.Finding(Cumbria.HelpDeskDrafted with { InspectionId = Guid.NewGuid() });
        Then.Refused(ChallengeRules.Raise(inspection, new RaiseChallenge(Challenge, ChallengeText, Cumbria.HelpDeskFinding), People.Liaison, "cumbria",
            C.CheckOpenedAt.AddDays(3), elsewhere), 404);
        Then.Decided(Raise(inspection));
    }

    [Fact]
    public void The_forces_liaison_challenges_a_fact_in_the_draft() =>
        Then.Decided(Raise(Given.Inspection(Cumbria.CheckOpen), finding: Cumbria.HelpDeskFinding),
            new FactualAccuracyChallengeRaised(C.Id, Challenge, ChallengeText, Cumbria.HelpDeskFinding, People.Liaison, C.CheckOpenedAt.AddDays(3)));

    [Fact]
    public void A_liaison_challenges_only_their_own_forces_draft()
    {
        Then.Refused(Raise(Given.Inspection(Cumbria.CheckOpen), force: "lancashire"), 403, "A force liaison may challenge only their own force's draft.");
        Then.Refused(Raise(Given.Inspection(Cumbria.CheckOpen), force: null), 403);
    }

    [Theory]
    [InlineData("SignedOff", "HMI sign-off")]
    [InlineData("Published", "Published")]
    public void Challenges_are_raised_only_while_the_check_is_open(string story, string stage) =>
        Then.Refused(Raise(Given.Inspection(Stories.Of(story))), 409, $"The factual accuracy check is not open: the inspection is at “{stage}”.");

    [Fact]
    public void No_challenge_is_accepted_at_or_after_the_deadline_even_before_the_deadline_message_closes_the_check()
    {
        var open = Given.Inspection(Cumbria.CheckOpen);
        Then.Decided(Raise(open, at: C.CheckDeadline.AddTicks(-1)));
        Then.Refused(Raise(open, at: C.CheckDeadline), 409,
            "The factual accuracy check closed at its deadline, 26 March 2019, 09:00 GMT; challenges are no longer accepted.");
        Then.Refused(Raise(Given.Inspection(Cumbria.CheckClosed), at: C.CheckDeadline.AddDays(-1)), 409, "closed at its deadline");
    }

    [Fact]
    public void A_resent_challenge_is_answered_as_already_raised()
    {
        var raised = Given.Inspection(Cumbria.CheckOpen.Then(C.ChallengeRaised(Challenge, ChallengeText)));
        var resent = Raise(raised);
        Assert.Null(resent.Value);
        Assert.Null(resent.Refusal);
        Assert.Equal($"Challenge {Challenge} was raised already.", resent.Done!.Why);
    }

    [Fact]
    public void A_challenge_id_used_for_another_challenge_is_refused()
    {
        var raised = Given.Inspection(Cumbria.CheckOpen.Then(C.ChallengeRaised(Challenge, ChallengeText)));
        Then.Refused(Raise(raised, text: "Another fact."), 409, $"Challenge id {Challenge} is already used for a different challenge.");
    }

    [Fact]
    public void A_challenge_needs_an_id_and_its_text()
    {
        Then.Valid(ChallengeRules.Validate(new RaiseChallenge(Challenge, ChallengeText, null)));
        Then.Invalid(ChallengeRules.Validate(new RaiseChallenge(null, null, null)), "challengeId", "text");
        Then.Invalid(ChallengeRules.Validate(new RaiseChallenge(Guid.Empty, ChallengeText, null)), "challengeId");
    }

    // Answering challenges.

    private static Decision<FactualAccuracyChallengeResolved> Resolve(Inspection inspection, bool accepted = true, Guid? challenge = null) =>
        ChallengeRules.Resolve(inspection, challenge ?? Challenge, new ResolveChallenge(accepted, " The report is corrected. ", inspection.Version),
            People.Lead, C.CheckOpenedAt.AddDays(5));

    [Fact]
    public void The_lead_accepts_or_rejects_a_challenge_with_a_reason()
    {
        var raised = Given.Inspection(Cumbria.CheckOpen.Then(C.ChallengeRaised(Challenge, ChallengeText)));
        Then.Decided(Resolve(raised), new FactualAccuracyChallengeResolved(C.Id, Challenge, true, "The report is corrected.", People.Lead, C.CheckOpenedAt.AddDays(5)));
        Assert.False(Then.Decided(Resolve(raised, accepted: false)).Accepted);
    }

    [Fact]
    public void A_challenge_raised_before_the_deadline_can_be_answered_after_the_check_closed()
    {
        var closed = Given.Inspection(Cumbria.CheckOpen.Then(C.ChallengeRaised(Challenge, ChallengeText), C.CheckClosed(1)));
        Then.Decided(Resolve(closed));
    }

    [Fact]
    public void A_challenge_is_answered_once()
    {
        var accepted = Given.Inspection(Cumbria.CheckOpen.Then(C.ChallengeRaised(Challenge, ChallengeText), C.ChallengeResolved(Challenge, true, "Corrected.")));
        Then.Refused(Resolve(accepted), 409, "The challenge was already accepted by lena.lead.");
        var rejected = Given.Inspection(Cumbria.CheckOpen.Then(C.ChallengeRaised(Challenge, ChallengeText), C.ChallengeResolved(Challenge, false, "The report is right.")));
        Then.Refused(Resolve(rejected), 409, "The challenge was already rejected by lena.lead.");
    }

    [Fact]
    public void Only_a_challenge_that_was_raised_can_be_answered()
    {
        var other = Guid.Parse("c0b1a000-2018-4019-8000-0000000000c2");
        Then.Refused(Resolve(Given.Inspection(Cumbria.CheckOpen.Then(C.ChallengeRaised(Challenge, ChallengeText))), challenge: other), 404,
            $"Inspection {C.Id} has no factual accuracy challenge {other}.");
        Then.Refused(Resolve(Given.Inspection(Cumbria.SignedOff)), 404, "has no factual accuracy challenge");
    }

    [Fact]
    public void An_answer_needs_the_decision_a_reason_and_the_version_it_was_made_on()
    {
        Then.Valid(ChallengeRules.Validate(new ResolveChallenge(true, "Corrected.", 40)));
        Then.Invalid(ChallengeRules.Validate(new ResolveChallenge(null, null, null)), "accepted", "reason", "expectedVersion");
    }

    // Publication.

    private static Decision<InspectionPublished> Publish(Inspection inspection, DateOnly? on = null) =>
        PublishReportRules.Decide(inspection, Cumbria.Framework, new PublishReport(on ?? C.PublishedOn, inspection.Version), People.Hmi, C.PublishedAt);

    [Fact]
    public void Once_the_check_has_closed_the_report_is_published_as_version_1() =>
        Then.Decided(Publish(Given.Inspection(Cumbria.CheckClosed)),
            new InspectionPublished(C.Id, "cumbria", "2018/19", 1, new DateOnly(2019, 5, 2), People.Hmi, C.PublishedAt));

    [Fact]
    public void The_report_is_not_published_while_the_force_may_still_challenge_it() =>
        Then.Refused(Publish(Given.Inspection(Cumbria.CheckOpen)), 409, "The factual accuracy check is open until 26 March 2019, 09:00 GMT.");

    [Fact]
    public void Every_challenge_is_answered_before_publication()
    {
        var unanswered = Given.Inspection(Cumbria.CheckOpen.Then(C.ChallengeRaised(Challenge, ChallengeText), C.CheckClosed(1)));
        Then.Refused(Publish(unanswered), 409, "1 factual accuracy challenge(s) still need an answer before publication.");
        var answered = Given.Inspection(Cumbria.CheckOpen.Then(C.ChallengeRaised(Challenge, ChallengeText), C.ChallengeResolved(Challenge, false, "The report is right."), C.CheckClosed(1)));
        Then.Decided(Publish(answered));
    }

    [Theory]
    [InlineData("InModeration", "Moderation")]
    [InlineData("SignedOff", "HMI sign-off")]
    public void Publication_follows_the_factual_accuracy_check(string story, string stage) =>
        Then.Refused(Publish(Given.Inspection(Stories.Of(story))), 409, $"Publication follows the factual accuracy check; the inspection is at “{stage}”.");

    [Fact]
    public void A_published_report_can_be_published_again_as_a_new_version_dated_no_earlier()
    {
        var published = Given.Inspection(Cumbria.Published);
        Then.Decided(Publish(published, C.PublishedOn),
            new InspectionPublished(C.Id, "cumbria", "2018/19", 2, C.PublishedOn, People.Hmi, C.PublishedAt));
        Assert.Equal(3, Then.Decided(Publish(Given.Inspection(Cumbria.Published.Then(C.Published(2, C.PublishedOn.AddMonths(1)))), C.PublishedOn.AddMonths(2))).ReportVersion);
        Then.Invalid(Publish(published, C.PublishedOn.AddDays(-1)), "publishedOn",
            "Version 1 was published on 2019-05-02; a new version cannot be dated earlier.");
    }

    [Fact]
    public void A_publication_needs_its_date_and_the_version_it_publishes()
    {
        Then.Valid(PublishReportRules.Validate(new PublishReport(C.PublishedOn, 41)));
        Then.Invalid(PublishReportRules.Validate(new PublishReport(null, null)), "publishedOn", "expectedVersion");
    }

    // The report's question summaries.

    private static Decision<QuestionSummaryWritten> Summarise(Inspection inspection, string question = "E3") =>
        WriteQuestionSummaryRules.Decide(inspection, question, new WriteQuestionSummary(" The constabulary is good at protecting vulnerable people. ", inspection.Version),
            People.Lead, C.ReviewedAt.AddDays(1));

    [Fact]
    public void The_lead_writes_the_summary_printed_under_a_questions_findings() =>
        Then.Decided(Summarise(Given.Inspection(Cumbria.AwaitingGrade), "e3"),
            new QuestionSummaryWritten(C.Id, "E3", "The constabulary is good at protecting vulnerable people.", People.Lead, C.ReviewedAt.AddDays(1)));

    [Theory]
    [InlineData("Planned")]
    [InlineData("InReporting")]
    [InlineData("QuestionsSettled")]
    [InlineData("ReadyForSignOff")]
    public void A_summary_can_be_written_until_the_HMI_signs_off(string story)
    {
        Then.Decided(Summarise(Given.Inspection(Stories.Of(story))));
        Then.Decided(Summarise(Given.Inspection(Stories.Of(story)), "E5"));
    }

    [Theory]
    [InlineData("SignedOff", "HMI sign-off")]
    [InlineData("CheckOpen", "Factual accuracy check")]
    [InlineData("Published", "Published")]
    public void The_reports_text_is_fixed_once_the_HMI_has_signed_off(string story, string stage) =>
        Then.Refused(Summarise(Given.Inspection(Stories.Of(story))), 409, $"The report's text is fixed once the HMI has signed off; the inspection is at “{stage}”.");

    [Fact]
    public void A_question_not_inspected_in_detail_has_no_summary_of_findings()
    {
        Then.Refused(Summarise(Given.Inspection(Cumbria.Planned), "E1"), 409,
            "Question E1 is not inspected in detail this time, so its report carries no summary of findings.");
        Then.Refused(Summarise(Given.Inspection(Cumbria.Scheduled)), 409, "Question E3 is not inspected in detail this time");
    }

    [Fact]
    public void Only_a_question_of_the_inspection_has_a_summary() =>
        Then.Refused(Summarise(Given.Inspection(Cumbria.Planned), "F1"), 404, $"Question 'F1' is not in the scope of inspection {C.Id}.");

    [Fact]
    public void A_summary_needs_its_text_and_the_version_it_was_written_on()
    {
        Then.Valid(WriteQuestionSummaryRules.Validate(new WriteQuestionSummary("Summary.", 25)));
        Then.Invalid(WriteQuestionSummaryRules.Validate(new WriteQuestionSummary(null, null)), "summary", "expectedVersion");
        Then.Invalid(WriteQuestionSummaryRules.Validate(new WriteQuestionSummary(new string('s', 20_001), 25)), "summary");
    }

    // The police and crime commissioner's response.

    [Fact]
    public void The_PCC_response_is_recorded_after_publication_from_its_day_to_today_and_falls_due_56_days_after_the_report()
    {
        var published = Given.Inspection(Cumbria.Published);
        var now = C.PublishedAt.AddDays(60);
        const string url = "https://www.cumbria-pcc.gov.uk/peel-2018-19-response";
        var on = C.PublishedOn.AddDays(50);
        Then.Decided(RecordPccResponseRules.Decide(published, new(on, $" {url} ", 1), People.Lead, now),
            new PccResponseRecorded(C.Id, on, url, People.Lead, now));
        Assert.Equal(C.PublishedOn.AddDays(55), published.PccResponseDueOn()); // the last of the 56 days beginning with publication
        Assert.False(PccResponse.Overdue(null, published.PccResponseDueOn(), C.PublishedOn.AddDays(55)));
        Assert.True(PccResponse.Overdue(null, published.PccResponseDueOn(), C.PublishedOn.AddDays(56)));
        Assert.Null(Given.Inspection(Cumbria.CheckClosed).PccResponseDueOn());

        Then.Refused(RecordPccResponseRules.Decide(Given.Inspection(Cumbria.CheckClosed), new(on, url, 1), People.Lead, now), 409, "not published yet");
        Then.Invalid(RecordPccResponseRules.Decide(published, new(C.PublishedOn.AddDays(-1), url, 1), People.Lead, now), "publishedOn", "on or after the report");
        Then.Invalid(RecordPccResponseRules.Decide(published, new(C.PublishedOn.AddDays(61), url, 1), People.Lead, now), "publishedOn", "today or an earlier day");

        var recorded = Given.Inspection(Cumbria.Published.Then(new PccResponseRecorded(C.Id, on, url, People.Lead, now)));
        Assert.Equal(new PccResponse(on, url, People.Lead, now), recorded.PccResponse);
        Assert.NotNull(RecordPccResponseRules.Decide(recorded, new(on, url, 2), People.Lead, now).Done);
        Then.Decided(RecordPccResponseRules.Decide(recorded, new(on.AddDays(1), url, 2), People.Lead, now)); // a correction
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.org/response")]
    [InlineData("www.cumbria-pcc.gov.uk/response")]
    [InlineData("https://example.org/a response")]
    [InlineData("https://example.org/a>[x](javascript:alert(1))")]
    [InlineData("https://example.org/\"onmouseover=\"alert(1)")]
    [InlineData("https://www.cumbria-pcc.gov.uk@elsewhere.example/response")]
    public void A_PCC_response_is_an_http_address_that_cannot_break_out_of_a_link(string url) =>
        Then.Invalid(RecordPccResponseRules.Validate(new RecordPccResponse(new DateOnly(2019, 6, 20), url, 1)), "url");
}

/// <summary>Where a published report is read: the address the outside world is told about.</summary>
public sealed class ReportUrlTests
{
    [Fact]
    public void A_pillar_based_report_is_read_under_the_pillar_its_questions_belong_to()
    {
        Assert.Equal("/reports/cumbria/peel-2018-19/effectiveness", ReportUrls.For(Given.Inspection(Cumbria.Published), Cumbria.Framework));
        var legitimacy = Cumbria.Inspection.WithQuestions("L1", "L2");
        Assert.Equal("/reports/cumbria/peel-2018-19/legitimacy", ReportUrls.For(Given.Inspection(legitimacy.Scheduled()), Cumbria.Framework));
        var mixed = Cumbria.Inspection.WithQuestions("F1", "L1");
        Assert.Equal("/reports/cumbria/peel-2018-19/efficiency", ReportUrls.For(Given.Inspection(mixed.Scheduled()), Cumbria.Framework));
    }

    [Fact]
    public void A_2021_22_report_has_no_pillar_in_its_address() =>
        Assert.Equal("/reports/kent/peel-2021-22", ReportUrls.For(Given.Inspection(Kent.Planned), Kent.Framework));

    [Fact]
    public void A_cycles_slug_has_no_slash() =>
        Assert.Equal(("peel-2018-19", "peel-2016"), (ReportUrls.CycleSlug("2018/19"), ReportUrls.CycleSlug("2016")));
}
