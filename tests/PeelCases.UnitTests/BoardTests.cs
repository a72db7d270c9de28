using PeelCases.FactualAccuracy;
using PeelCases.Board;
using PeelCases.Inspections;
using PeelCases.UnitTests.Support;

namespace PeelCases.UnitTests;

/// <summary>The board's stuck rule, for every stage: planning and fieldwork by their planned dates, the rest by time waited.</summary>
public sealed class BoardTests
{
    private static readonly BoardOptions Options = new();

    [Fact]
    public void Fieldwork_past_its_planned_end_by_more_than_the_margin_is_stuck_and_says_by_how_much()
    {
        var inspection = Given.Inspection(Cumbria.InFieldwork); // fieldwork planned 8 to 19 October 2018
        var onTime = BoardQueries.Compose(inspection, "Cumbria", Options, new DateTimeOffset(2018, 10, 26, 12, 0, 0, TimeSpan.Zero));
        Assert.False(onTime.Stuck);
        var late = BoardQueries.Compose(inspection, "Cumbria", Options, new DateTimeOffset(2018, 10, 27, 12, 0, 0, TimeSpan.Zero));
        Assert.True(late.Stuck);
        Assert.Equal("Fieldwork was planned to end on 19 October 2018; 8 day(s) past it.", late.Blocker);
        Assert.Contains(late.Questions, q => q is { Stage: QuestionStage.Fieldwork, Stuck: true });
        // 1,852 days on, as the issue found it: stuck.
        Assert.True(BoardQueries.Compose(inspection, "Cumbria", Options, new DateTimeOffset(2023, 11, 14, 12, 0, 0, TimeSpan.Zero)).Stuck);
        Assert.False(BoardQueries.Compose(inspection, "Cumbria", new BoardOptions { FieldworkOverrunDays = 30 }, new DateTimeOffset(2018, 11, 1, 0, 0, 0, TimeSpan.Zero)).Stuck);
    }

    [Fact]
    public void Once_every_question_is_settled_the_board_says_where_each_pillar_grade_stands_and_who_it_waits_on()
    {
        var now = Cumbria.Inspection.PillarAwardedAt;
        (string? Blocker, string HeldBy) Row(object[] history, bool withFramework = true) =>
            BoardQueries.Compose(Given.Inspection(history), "Cumbria", Options, now, withFramework ? Cumbria.Framework : null) is var row ? (row.Blocker, row.HeldBy) : default;
        Assert.Equal(("Questions are still in progress.", "moderation panel"), Row(Cumbria.InModeration));
        Assert.Equal(("Pillar grades: Effectiveness: grade to propose.", People.Lead), Row(Cumbria.QuestionsSettled));
        Assert.Equal(("Pillar grades: Effectiveness: awaiting moderation.", "moderation panel"), Row(Cumbria.PillarProposed));
        Assert.Equal(("Pillar grades: Effectiveness: awaiting its award.", "HMI"), Row(Cumbria.PillarModerated));
        Assert.Equal((null, "moderation panel"), Row(Cumbria.PillarProposed, withFramework: false));
    }

    [Fact]
    public void In_the_factual_accuracy_check_the_board_names_whoever_the_next_step_waits_on()
    {
        var c = Cumbria.Inspection;
        var challenge = Guid.NewGuid();
        (string? Blocker, string HeldBy) Row(object[] history) =>
            BoardQueries.Compose(Given.Inspection(history), "Cumbria Constabulary", Options, c.CheckOpenedAt.AddDays(4)) is var row ? (row.Blocker, row.HeldBy) : default;
        Assert.Equal("Cumbria Constabulary's force liaison", Row(Cumbria.CheckOpen).HeldBy);
        Assert.StartsWith("The force may challenge facts until", Row(Cumbria.CheckOpen).Blocker);
        // The force says it has nothing more: the lead inspector may close the check early.
        Assert.Equal(("The force has no further comments; the lead inspector may close the check early.", People.Lead),
            Row(Cumbria.CheckOpen.Then(new ForceConfirmedNoFurtherComments(c.Id, People.Liaison, c.CheckOpenedAt.AddDays(2)))));
        // Closed with a challenge unanswered: the lead inspector answers it; answered, the HMI publishes.
        var raised = Cumbria.CheckOpen.Then(c.ChallengeRaised(challenge, "The report gives the wrong year for the new control room."));
        Assert.Equal(("The force has no further comments; the lead inspector answers 1 challenge(s), then may close the check early.", People.Lead),
            Row(raised.Then(new ForceConfirmedNoFurtherComments(c.Id, People.Liaison, c.CheckOpenedAt.AddDays(4)))));
        Assert.Equal(("Check closed; challenges await an answer.", People.Lead), Row(raised.Then(c.CheckClosed(1))));
        Assert.Equal(("Check closed; ready to publish.", "HMI"), Row(raised.Then(c.ChallengeResolved(challenge, true, "Corrected to 2017."), c.CheckClosed(1))));
    }

    [Fact]
    public void Planning_that_has_passed_the_planned_start_of_fieldwork_is_stuck()
    {
        var planned = Given.Inspection(Cumbria.Planned);
        Assert.False(BoardQueries.Compose(planned, "Cumbria", Options, new DateTimeOffset(2018, 10, 8, 12, 0, 0, TimeSpan.Zero)).Stuck);
        var late = BoardQueries.Compose(planned, "Cumbria", Options, new DateTimeOffset(2018, 10, 9, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal((true, "Fieldwork was planned to start on 8 October 2018; 1 day(s) past it."), (late.Stuck, late.Blocker));
    }

    [Theory]
    [InlineData("Reporting", 60)]
    [InlineData("SignOff", 14)]
    [InlineData("FactualAccuracyCheck", 21)]
    [InlineData("Moderation", 14)]
    public void Every_other_stage_has_a_limit(string stage, int days) => Assert.Equal(TimeSpan.FromDays(days), Options.LimitFor(stage));
}

/// <summary>An inspection's tranche and publication batch.</summary>
public sealed class TrancheTests
{
    private static readonly InspectionHistory C = Cumbria.Inspection;
    private static readonly DateTimeOffset Now = new(2018, 9, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_tranche_is_assigned_changed_and_fixed_at_publication()
    {
        var planned = Given.Inspection(Cumbria.Planned);
        var assigned = Then.Decided(AssignTrancheRules.Decide(planned, new AssignTranche(" Tranche 2 ", " ", 1), People.Lead, Now));
        Assert.Equal(new InspectionTrancheAssigned(C.Id, "Tranche 2", null, People.Lead, Now), assigned);
        var inTranche = Given.Inspection(Cumbria.Planned.Then(assigned));
        Assert.Equal(("Tranche 2", (string?)null), (inTranche.Tranche, inTranche.PublicationBatch));
        Assert.NotNull(AssignTrancheRules.Decide(inTranche, new AssignTranche("Tranche 2", null, 1), People.Lead, Now).Done);
        Assert.Equal("Batch 3", Then.Decided(AssignTrancheRules.Decide(inTranche, new AssignTranche("Tranche 2", "Batch 3", 1), People.Lead, Now)).PublicationBatch);
        Then.Refused(AssignTrancheRules.Decide(Given.Inspection(Cumbria.Published), new AssignTranche("Tranche 2", null, 1), People.Lead, Now), 409, "published");
        Then.Invalid(AssignTrancheRules.Validate(new AssignTranche(null, new string('b', 61), null)), "tranche", "publicationBatch", "expectedVersion");
    }
}
