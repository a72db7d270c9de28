using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.Moderation;
using PeelCases.ReferenceData;
using PeelCases.UnitTests.Support;

namespace PeelCases.UnitTests;

/// <summary>
/// A carried-over judgment the team disputes: GIVEN Cumbria 2018/19 with E2 carried over from
/// 2017 (Good), WHEN the lead names the grade the team intends, THEN the question goes to
/// moderation with both grades, and the moderator upholds one of the two, saying why.
/// </summary>
public sealed class DisputedCarryOverTests
{
    private static readonly InspectionHistory C = Cumbria.Inspection;
    private static readonly DateTimeOffset Now = C.ProposedAt;
    private static readonly JudgmentReference From2017 = Cumbria.Inspection2017.Reference("E2", Cumbria.Earlier);

    private static readonly Inspection CarriedOver = Given.Inspection(Cumbria.Planned);

    private static Decision<CarriedOverJudgmentDisputed> Dispute(Inspection inspection, Grade intended, string reason = "Call handling has slipped since 2017.") =>
        DisputeCarriedOverJudgmentRules.Decide(inspection, Cumbria.Framework, "E2", new DisputeCarriedOverJudgment(intended, reason, 3), People.Lead, Now);

    private static object[] DisputedHistory => Cumbria.Planned.Then(Then.Decided(Dispute(CarriedOver, Grade.RequiresImprovement)));

    private static Inspection Disputed => Given.Inspection(DisputedHistory);

    [Fact]
    public void The_team_disputes_a_carried_over_judgment_and_the_question_goes_to_moderation_with_both_grades()
    {
        var disputed = Then.Decided(Dispute(CarriedOver, Grade.RequiresImprovement));
        Assert.Equal(new CarriedOverJudgmentDisputed(C.Id, "E2", From2017, Grade.RequiresImprovement, "Call handling has slipped since 2017.", People.Lead, Now,
            "effectiveness"), disputed); // the question's pillar in this framework, whose grade is moderated again

        var q = Disputed.FindQuestion("E2")!;
        Assert.Equal((QuestionStage.Moderation, Grade.RequiresImprovement, From2017, false), (q.Stage, q.Proposed!.Grade, q.DisputedCarryOver, q.Settled));
    }

    [Fact]
    public void Only_a_carried_over_judgment_on_the_scale_and_different_from_the_earlier_one_can_be_disputed()
    {
        Then.Refused(DisputeCarriedOverJudgmentRules.Decide(CarriedOver, Cumbria.Framework, "E3", new DisputeCarriedOverJudgment(Grade.Good, "x", 3), People.Lead, Now),
            409, "only a carried-over judgment can be disputed");
        Then.Invalid(Dispute(CarriedOver, Grade.Good), "intendedGrade", "already Good");
        Then.Refused(Dispute(CarriedOver, Grade.Adequate), 400);
        Then.Invalid(DisputeCarriedOverJudgmentRules.Validate(new DisputeCarriedOverJudgment(null, " ", null)), "intendedGrade", "reason", "expectedVersion");
    }

    [Fact]
    public void The_moderator_chooses_one_of_the_two_grades_and_says_why()
    {
        Then.Invalid(Moderate(Grade.Outstanding, "Better than both."), "grade", "choose the earlier judgment (Good, 2017) or the team's grade (Requires improvement)");
        Then.Invalid(Moderate(Grade.Good, null), "reason");
    }

    [Fact]
    public void Upholding_the_earlier_judgment_settles_the_question_on_it_and_keeps_the_dispute()
    {
        var moderated = Then.Decided(Moderate(Grade.Good, "The 2017 evidence still holds; the slip is one month's data."));
        Assert.Equal(From2017, moderated.Upheld);
        var upheld = Given.Inspection(DisputedHistory.Then(moderated));
        var q = upheld.FindQuestion("E2")!;
        Assert.Equal((QuestionStage.CarriedOver, From2017, From2017, Grade.Good), (q.Stage, q.CarriedOverFrom, q.DisputedCarryOver, q.StandingGrade));
        Then.Refused(Dispute(upheld, Grade.Inadequate), 409, "the moderator upheld it");
    }

    [Fact]
    public void Choosing_the_teams_grade_leaves_it_to_be_awarded()
    {
        var moderated = Then.Decided(Moderate(Grade.RequiresImprovement, "The team's evidence shows the change."));
        Assert.Null(moderated.Upheld);
        var inspection = Given.Inspection(DisputedHistory.Then(moderated));
        Assert.Equal(QuestionStage.AwaitingAward, inspection.FindQuestion("E2")!.Stage);
        var awarded = Then.Decided(AwardGradeRules.Decide(inspection, Cumbria.Framework, "E2", "hmi.hana", Now));
        Assert.Equal(Grade.RequiresImprovement, awarded.Grade);
    }

    private static Decision<GradeModerated> Moderate(Grade grade, string? reason) =>
        ModerateGradeRules.Decide(Disputed, Cumbria.Framework, "E2", new ModerateGrade(grade, reason, 4), "mo.moderator", Now);
}
