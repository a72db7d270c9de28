using PeelCases.UnitTests.Support;
using PeelCases.Inspections;
using PeelCases.QualityAssurance;

namespace PeelCases.UnitTests;

/// <summary>Handing a question's findings to QA, and the QA reviewer's decision.</summary>
public sealed class QualityAssuranceTests
{
    private static readonly InspectionHistory C = Cumbria.Inspection;

    [Fact]
    public void The_drafting_team_hands_a_questions_findings_to_QA_with_how_many_there_are() =>
        Then.Decided(SubmitForQaRules.Decide(Given.Inspection(Cumbria.InReporting), "e3", 6, People.Ian, C.SubmittedAt),
            new FindingsSubmittedForQa(C.Id, "E3", 6, People.Ian, C.SubmittedAt));

    [Fact]
    public void Findings_returned_by_QA_can_be_submitted_again()
    {
        var returned = Given.Inspection(Cumbria.E3InQaReview.Then(C.ReturnedByQa("E3", "Cite the dip sample.")));
        Then.Decided(SubmitForQaRules.Decide(returned, "E3", 2, People.Ian, C.ReviewedAt.AddDays(2)));
    }

    [Fact]
    public void Only_a_question_of_the_inspection_can_be_submitted() =>
        Then.Refused(SubmitForQaRules.Decide(Given.Inspection(Cumbria.InReporting), "F1", 1, People.Ian, C.SubmittedAt), 404,
            $"Question 'F1' is not in the scope of inspection {C.Id}.");

    [Fact]
    public void Findings_go_to_QA_only_once_fieldwork_is_complete() =>
        Assert.Equal("Submitting findings for QA needs question E3 at “Drafting”; it is at “Fieldwork”. Fieldwork is still under way.",
            Then.Refused(SubmitForQaRules.Decide(Given.Inspection(Cumbria.InFieldwork), "E3", 2, People.Ian, C.SubmittedAt), 409).Detail);

    [Fact]
    public void Findings_already_with_QA_are_not_submitted_twice() =>
        Then.Refused(SubmitForQaRules.Decide(Given.Inspection(Cumbria.E3InQaReview), "E3", 2, People.Ian, C.SubmittedAt), 409,
            "it is at “QA review”. Its findings await a QA reviewer.");

    [Fact]
    public void A_question_with_no_current_findings_has_nothing_to_submit() =>
        Then.Refused(SubmitForQaRules.Decide(Given.Inspection(Cumbria.InReporting), "E3", 0, People.Ian, C.SubmittedAt), 409,
            "Question E3 has no current findings to submit for QA.");

    [Fact]
    public void QA_accepts_the_findings_with_optional_comments()
    {
        var inspection = Given.Inspection(Cumbria.E3InQaReview);
        Then.Decided(ReviewFindingsRules.Decide(inspection, "e3", new ReviewFindings(QaOutcome.Accept, " Well evidenced. ", inspection.Version), People.Qa, C.ReviewedAt),
            new FindingsAcceptedByQa(C.Id, "E3", "Well evidenced.", People.Qa, C.ReviewedAt));
        Assert.Null(((FindingsAcceptedByQa)Then.Decided(ReviewFindingsRules.Decide(inspection, "E3", new ReviewFindings(QaOutcome.Accept, null, inspection.Version), People.Qa, C.ReviewedAt))).Comments);
    }

    [Fact]
    public void QA_returns_the_findings_to_drafting_with_comments()
    {
        var inspection = Given.Inspection(Cumbria.E3InQaReview);
        Then.Decided(ReviewFindingsRules.Decide(inspection, "E3", new ReviewFindings(QaOutcome.Return, " Cite the dip sample. ", inspection.Version), People.Qa, C.ReviewedAt),
            new FindingsReturnedByQa(C.Id, "E3", "Cite the dip sample.", People.Qa, C.ReviewedAt));
    }

    [Fact]
    public void QA_reviews_only_findings_submitted_to_it()
    {
        var inspection = Given.Inspection(Cumbria.InReporting);
        Assert.Equal("A QA review needs question E3 at “QA review”; it is at “Drafting”. Its findings have not been submitted for QA.",
            Then.Refused(ReviewFindingsRules.Decide(inspection, "E3", new ReviewFindings(QaOutcome.Accept, null, inspection.Version), People.Qa, C.ReviewedAt), 409).Detail);
        var accepted = Given.Inspection(Cumbria.AwaitingGrade);
        Then.Refused(ReviewFindingsRules.Decide(accepted, "E3", new ReviewFindings(QaOutcome.Return, "Late.", accepted.Version), People.Qa, C.ReviewedAt), 409, "it is at “Awaiting a grade”");
    }

    [Fact]
    public void QA_reviews_only_questions_of_the_inspection() =>
        Then.Refused(ReviewFindingsRules.Decide(Given.Inspection(Cumbria.E3InQaReview), "L1", new ReviewFindings(QaOutcome.Accept, null, 1), People.Qa, C.ReviewedAt), 404,
            $"Question 'L1' is not in the scope of inspection {C.Id}.");

    [Fact]
    public void Returning_findings_needs_comments_accepting_them_does_not()
    {
        Then.Valid(ReviewFindingsRules.Validate(new ReviewFindings(QaOutcome.Accept, null, 12)));
        Then.Valid(ReviewFindingsRules.Validate(new ReviewFindings(QaOutcome.Return, "Cite the dip sample.", 12)));
        Then.Invalid(ReviewFindingsRules.Validate(new ReviewFindings(QaOutcome.Return, " ", 12)), "comments");
        Then.Invalid(ReviewFindingsRules.Validate(new ReviewFindings(null, null, null)), "outcome", "expectedVersion");
        Then.Invalid(ReviewFindingsRules.Validate(new ReviewFindings(QaOutcome.Accept, new string('c', 20_001), 12)), "comments");
    }
}
