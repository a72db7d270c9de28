using PeelCases.Grading;
using PeelCases.ReferenceData;

namespace PeelCases.UnitTests;

/// <summary>How a judgment moved from the one that stood before it on its lineage, and where no movement can be computed.</summary>
public sealed class GradeMovementTests
{
    private const string Planning = "efficiency/planning-for-the-future";

    private static StandingJudgment Four(int year, string cycle, Grade grade, string lineage = Planning, bool carried = false) =>
        new(year, cycle, lineage, grade, GradeScales.FourPoint, carried);

    [Theory]
    [InlineData(Grade.Good, Grade.Inadequate, -2, "Down two grades from Good in 2016.")]
    [InlineData(Grade.Inadequate, Grade.Good, 2, "Up two grades from Inadequate in 2016.")]
    [InlineData(Grade.RequiresImprovement, Grade.Good, 1, "Up one grade from Requires improvement in 2016.")]
    [InlineData(Grade.Outstanding, Grade.Inadequate, -3, "Down three grades from Outstanding in 2016.")]
    [InlineData(Grade.Good, Grade.Good, 0, "Unchanged: Good, as in 2016.")]
    public void Movement_counts_the_steps_on_the_scale_between_the_two_grades(Grade before, Grade after, int steps, string words)
    {
        var movement = GradeMovements.Between(Four(2016, "2016", before), Four(2017, "2017", after));
        Assert.Equal((before, "2016", (int?)steps, words), (movement.From, movement.FromCycle, movement.Steps, movement.Description));
    }

    [Fact]
    public void The_latest_earlier_judgment_on_the_lineage_or_one_mapped_into_it_is_the_one_compared()
    {
        var in2018 = Four(2018, "2018/19", Grade.Good);
        var earlier = new[]
        {
            Four(2016, "2016", Grade.Outstanding),
            Four(2017, "2017", Grade.Inadequate, Frameworks.PlanningForFutureDemand), // the question 2018/19's replaced
            Four(2017, "2017", Grade.Outstanding, "legitimacy/treating-the-public-fairly"),
            Four(2019, "2019", Grade.Inadequate),
        };
        Assert.Equal("Up two grades from Inadequate in 2017.", GradeMovements.Of(in2018, earlier)!.Description);
    }

    [Fact]
    public void A_carried_over_judgment_says_so_and_the_first_judgment_has_no_movement()
    {
        Assert.Equal("Carried over: Good, as in 2017.", GradeMovements.Between(Four(2017, "2017", Grade.Good), Four(2018, "2018/19", Grade.Good, carried: true)).Description);
        var first = GradeMovements.Of(Four(2016, "2016", Grade.Good), []);
        Assert.Equal((null, "The first judgment on this question."), (first!.Steps, first.Description));
        Assert.Null(GradeMovements.Of(new StandingJudgment(2016, "2016", null, Grade.Good, GradeScales.FourPoint), []));
    }

    [Fact]
    public void Across_the_change_to_the_five_tier_scale_no_movement_is_computed()
    {
        var movement = GradeMovements.Between(Four(2018, "2018/19", Grade.Good), new StandingJudgment(2021, "2021/22", Planning, Grade.Adequate, GradeScales.FivePoint));
        Assert.Null(movement.Steps);
        Assert.Equal("Not comparable with Good in 2018/19: the grades of 2021/22 use a different scale, and the inspectorate says they cannot be compared.", movement.Description);
    }
}
