using PeelCases.UnitTests.Support;
using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.UnitTests;

/// <summary>Scoping a question: in detail, carried over, or ungraded.</summary>
public sealed class ScopeQuestionRulesTests
{
    private static readonly InspectionHistory C = Cumbria.Inspection;
    private static readonly DateTimeOffset Now = C.ScopedAt;

    private static Decision<QuestionScoped> Scope(Inspection inspection, string question, QuestionScope scope, string? reason = " Vulnerability is the focus of the 2018/19 fieldwork. ") =>
        ScopeQuestionRules.Decide(inspection, Frameworks.Peel2018, question, new ScopeQuestion(scope, reason, inspection.Version), People.Lead, Now);

    [Fact]
    public void Scoping_a_question_for_detailed_inspection_records_the_decision_and_the_trimmed_reason()
    {
        var inspection = Given.Inspection(Cumbria.Scheduled);
        Then.Decided(Scope(inspection, "e3", QuestionScope.Detailed), new QuestionScoped(C.Id, "cumbria", "E3", QuestionScope.Detailed, null,
            "Vulnerability is the focus of the 2018/19 fieldwork.", People.Lead, Now));
    }

    [Fact]
    public void A_reason_is_optional() =>
        Assert.Null(Then.Decided(Scope(Given.Inspection(Cumbria.Scheduled), "E1", QuestionScope.CarryOver, reason: null)).Reason);

    [Fact]
    public void Re_scoping_during_fieldwork_records_the_scope_it_replaces()
    {
        var inspection = Given.Inspection(Cumbria.InFieldwork);
        var scoped = Then.Decided(Scope(inspection, "E3", QuestionScope.CarryOver));
        Assert.Equal((QuestionScope.CarryOver, (QuestionScope?)QuestionScope.Detailed), (scoped.Scope, scoped.PreviousScope));
    }

    [Fact]
    public void A_carried_over_question_can_be_taken_back_for_detailed_inspection_during_fieldwork()
    {
        var inspection = Given.Inspection(Cumbria.InFieldwork);
        Assert.True(inspection.FindQuestion("E1")!.Settled);
        Assert.Equal(QuestionScope.CarryOver, Then.Decided(Scope(inspection, "E1", QuestionScope.Detailed)).PreviousScope);
    }

    [Fact]
    public void A_question_outside_the_inspection_cannot_be_scoped()
    {
        var inspection = Given.Inspection(Cumbria.Scheduled);
        Then.Refused(Scope(inspection, "F1", QuestionScope.Detailed), 404, "Question 'F1' is not in the scope of inspection", C.Id.ToString());
        Then.Refused(Scope(inspection, "Q9", QuestionScope.Detailed), 404, "Question 'Q9'");
    }

    [Theory]
    [InlineData("InReporting", "Reporting")]
    [InlineData("InModeration", "Moderation")]
    [InlineData("SignedOff", "HMI sign-off")]
    [InlineData("CheckOpen", "Factual accuracy check")]
    [InlineData("Published", "Published")]
    public void Scope_is_decided_during_planning_and_fieldwork_only(string story, string stage) =>
        Then.Refused(Scope(Given.Inspection(Stories.Of(story)), "E3", QuestionScope.CarryOver), 409,
            $"Questions can be scoped during planning and fieldwork; the inspection is at “{stage}”.");

    [Fact]
    public void A_question_the_framework_leaves_ungraded_can_only_be_scoped_ungraded()
    {
        var inspection = Given.Inspection(Cumbria.Scheduled);
        Then.Refused(Scope(inspection, "E5", QuestionScope.Detailed), 409, "Question E5 is ungraded in PEEL 2018/19: it can only be scoped as Ungraded.");
        Then.Refused(Scope(inspection, "E5", QuestionScope.CarryOver), 409, "E5 is ungraded");
        Assert.Equal(QuestionScope.Ungraded, Then.Decided(Scope(inspection, "E5", QuestionScope.Ungraded)).Scope);
    }

    [Fact]
    public void A_graded_question_cannot_be_scoped_ungraded() =>
        Then.Refused(Scope(Given.Inspection(Cumbria.Scheduled), "E1", QuestionScope.Ungraded), 409,
            "Question E1 is graded in PEEL 2018/19: scope it as Detailed or CarryOver.");

    [Fact]
    public void Scoping_a_question_as_it_already_is_changes_nothing_and_is_refused() =>
        Then.Refused(Scope(Given.Inspection(Cumbria.Planned), "E3", QuestionScope.Detailed), 409, "Question E3 is already scoped for detailed inspection.");

    /// <summary>
    /// No history the service writes has an award before fieldwork is over (scoping closes then), so this guard
    /// is a safety net: it is pinned here with a stored history that has an award during fieldwork.
    /// </summary>
    [Fact]
    public void An_awarded_question_can_no_longer_be_re_scoped()
    {
        var inspection = Given.Inspection(Cumbria.InFieldwork.Then(C.GradeAwarded("E3", Grade.Good)));
        Then.Refused(Scope(inspection, "E3", QuestionScope.CarryOver), 409, "Question E3 has an awarded grade; it can no longer be re-scoped.");
    }

    [Fact]
    public void A_scope_decision_needs_the_scope_and_the_version_it_was_made_on()
    {
        Then.Invalid(ScopeQuestionRules.Validate(new ScopeQuestion(null, null, null)), "scope", "expectedVersion");
        Then.Invalid(ScopeQuestionRules.Validate(new ScopeQuestion(QuestionScope.Detailed, new string('x', 20_001), 3)), "reason");
        Then.Valid(ScopeQuestionRules.Validate(new ScopeQuestion(QuestionScope.Detailed, null, 3)));
    }
}
