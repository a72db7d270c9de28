using PeelCases.Fieldwork;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.QualityAssurance;
using PeelCases.UnitTests.Support;

namespace PeelCases.UnitTests;

/// <summary>Key lines of enquiry: set in planning and fieldwork for a question inspected this time, concluded before its findings go to QA.</summary>
public sealed class LinesOfEnquiryTests
{
    private static readonly InspectionHistory C = Cumbria.Inspection;
    private static readonly DateTimeOffset At = C.SubmittedAt.AddHours(1);
    private const string Enquiry = "The force management statement says demand from vulnerable people is rising: is it met?";

    private static Decision<LineOfEnquirySet> Set(object[] history, string code, string enquiry = Enquiry, EnquiryBasis basis = EnquiryBasis.ForceManagementStatement) =>
        SetLineOfEnquiryRules.Decide(Given.Inspection(history), code, new SetLineOfEnquiry($" {enquiry} ", basis, 1), People.Lead, At);

    private static Decision<LineOfEnquiryConcluded> Conclude(object[] history, int number, EnquiryOutcome outcome = EnquiryOutcome.Answered, string text = "Met: the dip sample shows it.",
        params Evidence[] cited) => Citing(history, number, cited.Select(e => e.Id).ToList(), cited, outcome, text);

    private static Decision<LineOfEnquiryConcluded> Citing(object[] history, int number, IReadOnlyList<Guid> ids, IReadOnlyCollection<Evidence> loaded,
        EnquiryOutcome outcome = EnquiryOutcome.Answered, string text = "Met: the dip sample shows it.") =>
        ConcludeLineOfEnquiryRules.Decide(Given.Inspection(history), "e3", number, new ConcludeLineOfEnquiry(outcome, text, 1, ids), loaded, People.Sara, At);

    private static LineOfEnquirySet Line(int number, string enquiry = Enquiry) =>
        new(C.Id, "E3", number, enquiry, EnquiryBasis.ForceManagementStatement, People.Lead, At);

    [Fact]
    public void A_line_is_numbered_within_its_question_and_the_same_words_again_are_the_same_line()
    {
        Then.Decided(Set(Cumbria.Planned, "e3"), Line(1));
        var one = Cumbria.Planned.Then(Line(1));
        Then.Decided(Set(one, "E3", "Does the force check on repeat victims?", EnquiryBasis.Data),
            new LineOfEnquirySet(C.Id, "E3", 2, "Does the force check on repeat victims?", EnquiryBasis.Data, People.Lead, At));
        Assert.NotNull(Set(one, "E3").Done);
        Assert.Equal(1, Given.Inspection(one).FindQuestion("E3")!.LinesOfEnquiry.Single().Number);
        Then.Refused(Set(one, "E3", basis: EnquiryBasis.Data), 409, "Line of enquiry 1 for question E3 says that already, prompted by the force management statement");
        // A concluded line is not the same line: a dropped enquiry may be set again.
        var dropped = one.Then(new LineOfEnquiryConcluded(C.Id, "E3", 1, EnquiryOutcome.Dropped, "Not now.", People.Lead, At));
        Assert.Equal(2, Then.Decided(Set(dropped, "E3")).Number);
    }

    [Fact]
    public void A_line_is_set_in_planning_or_fieldwork_for_a_question_inspected_this_time()
    {
        Then.Refused(Set(Cumbria.Planned, "E1"), 409, "E1 is carried over");
        Then.Refused(Set(Cumbria.Planned, "E9"), 404);
        Then.Decided(Set(Cumbria.InFieldwork, "E3"));
        Then.Refused(Set(Cumbria.InReporting, "E3"), 409, "set in planning and fieldwork");
        Then.Invalid(SetLineOfEnquiryRules.Validate(new SetLineOfEnquiry(" ", null, null)), "enquiry", "basis", "expectedVersion");
    }

    [Fact]
    public void A_line_is_concluded_once_with_what_was_found_or_why_it_was_dropped()
    {
        var open = Cumbria.InFieldwork.Then(Line(1));
        Then.Decided(Conclude(open, 1), new LineOfEnquiryConcluded(C.Id, "E3", 1, EnquiryOutcome.Answered, "Met: the dip sample shows it.", People.Sara, At));
        Then.Refused(Conclude(open, 2), 404, "no line of enquiry 2");
        var concluded = open.Then(new LineOfEnquiryConcluded(C.Id, "E3", 1, EnquiryOutcome.Answered, "Met: the dip sample shows it.", People.Sara, At));
        var line = Given.Inspection(concluded).FindQuestion("E3")!.LinesOfEnquiry.Single();
        Assert.Equal(new EnquiryConclusion(EnquiryOutcome.Answered, "Met: the dip sample shows it.", People.Sara, At), line.Concluded);
        Assert.NotNull(Conclude(concluded, 1).Done);
        Then.Refused(Conclude(concluded, 1, EnquiryOutcome.Dropped, "Out of time."), 409, "was answered by sara.inspector");
        Then.Invalid(ConcludeLineOfEnquiryRules.Validate(new ConcludeLineOfEnquiry(null, "", 1)), "outcome", "conclusion");
    }

    [Fact]
    public void A_conclusion_rests_on_evidence_recorded_for_its_question()
    {
        var open = Cumbria.InFieldwork.Then(Line(1));
        var logs = Given.Evidence(Cumbria.IncidentLogsRecorded);
        var concluded = Then.Decided(Conclude(open, 1, cited: logs));
        Assert.Equal([logs.Id], concluded.EvidenceIds);
        Assert.Equal([logs.Id], Given.Inspection(open.Then(concluded)).FindQuestion("E3")!.LinesOfEnquiry.Single().Concluded!.EvidenceIds);
        // Evidence bearing on another question, recorded for another inspection, or not recorded at all is refused.
        Then.Refused(Conclude(open, 1, cited: Given.Evidence(Cumbria.FirearmsStrategyRecorded)), 400, "does not bear on question E3");
        Then.Refused(Conclude(open, 1, cited: Given.Evidence(Cumbria.IncidentLogsRecorded with { InspectionId = Guid.NewGuid() })), 400, "is not recorded for this inspection");
        Then.Refused(Citing(open, 1, [Guid.NewGuid()], []), 400, "is not recorded for this inspection");
        // The same conclusion on the same evidence again is the same (in any order, named twice); on other evidence, or none, it is another.
        Assert.NotNull(Conclude(open.Then(concluded), 1, cited: logs).Done);
        var survey = Given.Evidence(C.EvidenceRecorded(Guid.NewGuid(), "E3"));
        var both = Then.Decided(Conclude(open, 1, cited: [logs, survey]));
        Assert.NotNull(Citing(open.Then(both), 1, [survey.Id, logs.Id, survey.Id], [logs, survey]).Done);
        Then.Refused(Conclude(open.Then(concluded), 1), 409, "was answered by sara.inspector");
        Then.Invalid(ConcludeLineOfEnquiryRules.Validate(new ConcludeLineOfEnquiry(EnquiryOutcome.Answered, "Met.", 1, [.. Enumerable.Range(0, EvidenceCitations.Max + 1).Select(_ => Guid.NewGuid())])),
            "evidenceIds");
    }

    private static Decision<LineOfEnquiryRevised> Revise(object[] history, int number, string enquiry, EnquiryBasis basis = EnquiryBasis.ForceManagementStatement) =>
        ReviseLineOfEnquiryRules.Decide(Given.Inspection(history), "e3", number, new ReviseLineOfEnquiry($" {enquiry} ", basis, " Narrowed to the data. ", 1), People.Lead, At);

    [Fact]
    public void An_open_lines_words_are_corrected_with_a_reason_and_the_record_says_who_corrected_them()
    {
        const string narrower = "Is rising demand from vulnerable people met in the two districts the data names?";
        var open = Cumbria.InFieldwork.Then(Line(1), Line(2, "Are repeat victims identified?"));
        var revised = Then.Decided(Revise(open, 1, narrower, EnquiryBasis.Data));
        Assert.Equal(new LineOfEnquiryRevised(C.Id, "E3", 1, narrower, EnquiryBasis.Data, "Narrowed to the data.", People.Lead, At), revised);
        var line = Given.Inspection(open.Then(revised)).FindQuestion("E3")!.LinesOfEnquiry.First();
        Assert.Equal((narrower, EnquiryBasis.Data, People.Lead, People.Lead), (line.Enquiry, line.Basis, line.SetBy, line.Revised!.RevisedBy));
        // The same words again change nothing; another open line's words, a missing line or the wrong stage are refused.
        Assert.NotNull(Revise(open, 1, Enquiry).Done);
        Then.Refused(Revise(open, 1, "Are repeat victims identified?"), 409, "Line of enquiry 2 for question E3 says that already");
        Then.Refused(Revise(open, 3, narrower), 404, "no line of enquiry 3");
        Then.Refused(Revise(Cumbria.InReporting.Then(Line(1)), 1, narrower), 409, "set and corrected in planning and fieldwork");
        // A concluded line's words stand as concluded.
        var concluded = open.Then(new LineOfEnquiryConcluded(C.Id, "E3", 1, EnquiryOutcome.Answered, "Met.", People.Sara, At));
        Then.Refused(Revise(concluded, 1, narrower), 409, "was answered by sara.inspector: its words stand as concluded");
        Then.Invalid(ReviseLineOfEnquiryRules.Validate(new ReviseLineOfEnquiry(" ", null, "", null)), "enquiry", "basis", "reason", "expectedVersion");
    }

    [Fact]
    public void Findings_go_to_QA_only_once_every_line_of_their_question_is_concluded()
    {
        var open = Cumbria.InReporting.Then(Line(1), Line(2, "Are repeat victims identified?"),
            new LineOfEnquiryConcluded(C.Id, "E3", 1, EnquiryOutcome.Dropped, "Covered by the national thematic instead.", People.Ian, At));
        Then.Refused(SubmitForQaRules.Decide(Given.Inspection(open), "E3", 2, People.Ian, At), 409, "Line of enquiry 2 for question E3 is still open",
            "Are repeat victims identified?");
        // E5 has no lines: nothing waits.
        Then.Decided(SubmitForQaRules.Decide(Given.Inspection(open), "E5", 1, People.Ian, At));
        var closed = open.Then(new LineOfEnquiryConcluded(C.Id, "E3", 2, EnquiryOutcome.Answered, "Yes: flagged on the system.", People.Ian, At));
        Then.Decided(SubmitForQaRules.Decide(Given.Inspection(closed), "E3", 2, People.Ian, At));
        // After QA has the findings, a line is no longer concluded there.
        Then.Refused(Conclude(open.Then(C.SubmittedForQa("E3", 2)), 2), 409, "before its findings went to QA");
    }

    [Fact]
    public void What_a_question_needs_next_counts_its_open_lines()
    {
        var two = Cumbria.InReporting.Then(Line(1), Line(2, "Are repeat victims identified?"));
        Assert.Equal("Its findings have not been submitted for QA. 2 lines of enquiry are still open.", Stages.Missing(Given.Inspection(two).FindQuestion("E3")!));
        var one = two.Then(new LineOfEnquiryConcluded(C.Id, "E3", 1, EnquiryOutcome.Answered, "Yes.", People.Ian, At));
        Assert.Equal("Its findings have not been submitted for QA. 1 line of enquiry is still open.", Stages.Missing(Given.Inspection(one).FindQuestion("E3")!));
    }

    [Fact]
    public void Re_scoping_a_question_keeps_its_lines_and_a_carried_over_questions_open_line_is_dropped()
    {
        var rescoped = Cumbria.Planned.Then(Line(1), C.Scoped("E3", QuestionScope.CarryOver), C.Scoped("E3", QuestionScope.Detailed));
        Assert.Equal(Enquiry, Given.Inspection(rescoped).FindQuestion("E3")!.LinesOfEnquiry.Single().Enquiry);
        var carried = Cumbria.Planned.Then(Line(1), C.Scoped("E3", QuestionScope.CarryOver), C.CarriedOver("E3", Cumbria.Inspection2017.Reference("E3", Cumbria.Earlier)));
        Assert.Equal(QuestionStage.CarriedOver, Given.Inspection(carried).FindQuestion("E3")!.Stage);
        Then.Decided(Conclude(carried, 1, EnquiryOutcome.Dropped, "The question is carried over."));
    }
}
