using PeelCases.UnitTests.Support;
using PeelCases.Inspections;

namespace PeelCases.UnitTests;

/// <summary>QA review, moderation and the award are made from outside the team whose work they check.</summary>
public sealed class OutsideTheTeamTests
{
    private static readonly Inspection Inspection = new() { LeadInspector = People.Lead, Team = [People.Ian, People.Sara] };

    [Theory]
    [InlineData(People.Olu, "olu.inspector proposed this grade")]
    [InlineData(People.Lead, "lena.lead leads this inspection")]
    [InlineData(People.Sara, "sara.inspector is on this inspection's team")]
    public void The_proposer_the_lead_inspector_and_the_team_may_not_moderate(string actor, string why)
    {
        var refusal = OutsideTheTeam.Check(Inspection, People.Olu, actor, "moderation");
        Assert.Equal((403, $"{why}: moderation is a check on the team's work, made from outside the team."), (refusal?.Status, refusal?.Detail));
    }

    [Fact]
    public void Someone_from_outside_the_team_may_make_the_check_on_a_grade_proposed_or_not()
    {
        Assert.Null(OutsideTheTeam.Check(Inspection, People.Lead, People.Moderator, "moderation"));
        Assert.Null(OutsideTheTeam.Check(Inspection, null, People.Moderator, "the award"));
    }
}
