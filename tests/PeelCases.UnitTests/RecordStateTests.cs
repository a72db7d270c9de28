using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;
using PeelCases.UnitTests.Support;
using C = PeelCases.UnitTests.Support.Cumbria;

namespace PeelCases.UnitTests;

/// <summary>
/// How the record changes as events arrive (each capability's …State, put together by the
/// inspection projection), and the version check at the grain of what a command decides on.
/// </summary>
public sealed class RecordStateTests
{
    private static InspectionHistory I => C.Inspection;

    public static TheoryData<object, string> Changes() => new()
    {
        { I.TeamChanged(["sara.inspector"], []), People.Lead },
        { I.FieldworkStarted(), People.Lead },
        { I.FieldworkCompleted(), People.Lead },
        { I.PillarGradeProposed(C.Effectiveness, Grade.Good), People.Lead },
        { I.SignedOff(), People.Hmi },
        { I.CheckOpened(), People.Lead },
        { I.Published(), People.Hmi },
    };

    [Theory, MemberData(nameof(Changes))]
    public void The_record_says_who_changed_it_last_and_when(object change, string by)
    {
        var after = Given.Inspection(C.Planned.Then(change));
        Assert.Equal(by, after.LastChangedBy);
        Assert.Equal(((IBusinessEvent)change).BusinessTime, after.LastChangedAt);
    }

    [Fact]
    public void A_challenge_raised_and_resolved_is_stamped_with_who_did_it()
    {
        var raised = Given.Inspection(C.CheckOpen.Then(I.ChallengeRaised(Guid.NewGuid(), "The figure is 82%, not 72%.")));
        Assert.Equal(People.Liaison, raised.LastChangedBy);
    }

    [Fact]
    public void A_question_scoped_during_fieldwork_goes_straight_to_fieldwork_and_a_carry_over_waits_in_scoping()
    {
        var inFieldwork = Given.Inspection(C.InFieldwork.Then(I.Scoped("E2", QuestionScope.Detailed, QuestionScope.CarryOver, I.FieldworkStartedAt.AddDays(1))));
        Assert.Equal(QuestionStage.Fieldwork, inFieldwork.FindQuestion("E2")!.Stage);
        var carried = Given.Inspection(C.InFieldwork.Then(I.Scoped("E3", QuestionScope.CarryOver, QuestionScope.Detailed, I.FieldworkStartedAt.AddDays(1))));
        Assert.Equal(QuestionStage.Scoping, carried.FindQuestion("E3")!.Stage);
    }

    [Fact]
    public void Every_change_to_a_question_moves_its_own_version_and_no_other()
    {
        var scheduled = Given.Inspection(C.Scheduled);
        Assert.All(scheduled.Questions, q => Assert.Equal(1, q.Version));

        var scoped = Given.Inspection(C.Scheduled.Then(I.Scoped("E3", QuestionScope.Detailed)));
        Assert.Equal(2, scoped.FindQuestion("E3")!.Version);
        Assert.Equal(1, scoped.FindQuestion("E4")!.Version);

        // Starting fieldwork moves every inspected question, so each of them changes.
        var started = Given.Inspection(C.InFieldwork);
        var planned = Given.Inspection(C.Planned);
        Assert.All(started.Questions.Where(q => q.Scope is QuestionScope.Detailed or QuestionScope.Ungraded),
            q => Assert.Equal(planned.FindQuestion(q.Code)!.Version + 1, q.Version));
    }

    [Fact]
    public void A_question_level_command_is_stale_only_when_its_own_question_changed()
    {
        var inspection = Given.Inspection(C.Scheduled.Then(I.Scoped("E3", QuestionScope.Detailed)));
        Assert.Null(Expected.Question("E3", 2).CheckAgainst(inspection));
        Assert.Null(Expected.Question("E4", 1).CheckAgainst(inspection));
        Then.Refused(Expected.Question("E3", 1).CheckAgainst(inspection), 409, "expected version 1 but the question E3 is now at version 2");
        Then.Refused(Expected.Question("e3", 1).CheckAgainst(inspection), 409, "question E3");
    }

    [Fact]
    public void An_inspection_wide_command_compares_the_inspection_version()
    {
        var inspection = Given.Inspection(C.Scheduled.Then(I.Scoped("E3", QuestionScope.Detailed)));
        Assert.Null(Expected.Inspection(2).CheckAgainst(inspection));
        Then.Refused(Expected.Inspection(1).CheckAgainst(inspection), 409, "expected version 1 but the inspection is now at version 2");
    }

    [Fact]
    public void Without_a_version_or_for_an_unknown_question_there_is_nothing_to_compare()
    {
        var inspection = Given.Inspection(C.Scheduled);
        Assert.Null(Expected.Nothing.CheckAgainst(inspection));
        Assert.Null(Expected.Question("E3", null).CheckAgainst(inspection));
        // The decision refuses an unknown question with a 404 of its own.
        Assert.Null(Expected.Question("Z9", 1).CheckAgainst(inspection));
    }

    [Fact]
    public void The_before_step_answers_a_stale_version_as_a_409_problem_and_leaves_an_unknown_inspection_to_the_middleware()
    {
        var inspection = Given.Inspection(C.Scheduled.Then(I.Scoped("E3", QuestionScope.Detailed)));
        Assert.Same(Wolverine.Http.WolverineContinue.NoProblems, Expected.Question("E3", 2).Check(inspection));
        Assert.Same(Wolverine.Http.WolverineContinue.NoProblems, Expected.Inspection(1).Check(null));
        var stale = Expected.Inspection(1).Check(inspection);
        Assert.Equal((409, "Stale version"), (stale.Status, stale.Title));
    }
}
