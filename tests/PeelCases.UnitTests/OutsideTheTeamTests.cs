using PeelCases.UnitTests.Support;
using PeelCases.Inspections;
using PeelCases.Moderation;

namespace PeelCases.UnitTests;

/// <summary>Moderation is made from outside the team whose work it checks.</summary>
public sealed class OutsideTheTeamTests
{
    private static readonly Inspection Inspection = new() { LeadInspector = People.Lead, Team = [People.Ian, People.Sara] };

    [Theory]
    [InlineData(People.Olu, "olu.inspector proposed this grade")]
    [InlineData(People.Lead, "lena.lead leads this inspection")]
    [InlineData(People.Sara, "sara.inspector is on this inspection's team")]
    public void The_proposer_the_lead_inspector_and_the_team_may_not_moderate(string actor, string why)
    {
        var refusal = OutsideTheTeam.Check(Inspection, People.Olu, actor);
        Assert.Equal((403, $"{why}: moderation is a check on the team's work, made by a moderator from outside the team."), (refusal?.Status, refusal?.Detail));
    }

    [Fact]
    public void A_moderator_from_outside_the_team_may_moderate_a_grade_proposed_or_not()
    {
        Assert.Null(OutsideTheTeam.Check(Inspection, People.Lead, People.Moderator));
        Assert.Null(OutsideTheTeam.Check(Inspection, null, People.Moderator));
    }
}
