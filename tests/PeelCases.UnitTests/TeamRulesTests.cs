using System.Security.Claims;
using PeelCases.UnitTests.Support;
using PeelCases.Inspections;
using PeelCases.Kernel;

namespace PeelCases.UnitTests;

/// <summary>Who is on the inspection team, and who may work on the inspection.</summary>
public sealed class TeamRulesTests
{
    private static readonly InspectionHistory C = Cumbria.Inspection;
    private static readonly DateTimeOffset Now = C.ScopedAt;

    private static ClaimsPrincipal User(string name, string role) =>
        new(new ClaimsIdentity([new Claim("sub", name), new Claim("role", role)], "test", "sub", "role"));

    [Fact]
    public void Inspectors_join_and_leave_the_team()
    {
        var inspection = Given.Inspection(Cumbria.Planned);
        Then.Decided(TeamRules.Decide(inspection, new ChangeTeam([" olu.inspector "], [People.Sara], inspection.Version), People.Lead, Now),
            new InspectionTeamChanged(C.Id, [People.Olu], [People.Sara], People.Lead, Now));
    }

    [Fact]
    public void Only_what_changes_is_recorded()
    {
        var inspection = Given.Inspection(Cumbria.Planned);
        var changed = Then.Decided(TeamRules.Decide(inspection,
            new ChangeTeam([People.Ian, People.Olu, "olu.inspector "], ["nobody.inspector", People.Sara, People.Sara], inspection.Version), People.Lead, Now));
        Assert.Equal([People.Olu], changed.Joined);
        Assert.Equal([People.Sara], changed.Left);
    }

    [Fact]
    public void Joining_alone_or_leaving_alone_is_a_change()
    {
        var inspection = Given.Inspection(Cumbria.Planned);
        Assert.Empty(Then.Decided(TeamRules.Decide(inspection, new ChangeTeam([People.Olu], null, 2), People.Lead, Now)).Left);
        Assert.Empty(Then.Decided(TeamRules.Decide(inspection, new ChangeTeam(null, [People.Ian], 2), People.Lead, Now)).Joined);
    }

    [Fact]
    public void A_change_that_leaves_the_team_as_it_is_is_refused()
    {
        var inspection = Given.Inspection(Cumbria.Planned.Then(C.TeamChanged([People.Olu], [People.Sara])));
        Then.Refused(TeamRules.Decide(inspection, new ChangeTeam([People.Ian, People.Olu], [People.Sara], inspection.Version), People.Lead, Now), 409,
            "The team already looks like that.");
        Then.Refused(TeamRules.Decide(inspection, new ChangeTeam(null, null, inspection.Version), People.Lead, Now), 409);
    }

    [Fact]
    public void The_lead_inspector_stays_on_the_team()
    {
        var inspection = Given.Inspection(Cumbria.Planned.Then(C.TeamChanged([People.Lead], [])));
        Then.Refused(TeamRules.Decide(inspection, new ChangeTeam(null, [People.Lead, People.Ian], inspection.Version), People.Lead, Now), 409,
            "lena.lead leads this inspection and stays on its team.");
    }

    [Fact]
    public void A_team_change_needs_the_version_it_was_made_on_and_names_no_one_blank()
    {
        Then.Valid(TeamRules.Validate(new ChangeTeam([People.Olu], null, 3)));
        Then.Invalid(TeamRules.Validate(new ChangeTeam(null, null, null)), "expectedVersion");
        Then.Invalid(TeamRules.Validate(new ChangeTeam([" "], [""], 3)), "join[0]", "leave[0]");
        Then.Invalid(TeamRules.Validate(new ChangeTeam(Enumerable.Range(1, 51).Select(i => $"i{i}").ToList(), null, 3)), "join");
        Then.Invalid(TeamRules.Validate(new ChangeTeam(null, Enumerable.Range(1, 51).Select(i => $"i{i}").ToList(), 3)), "leave");
    }

    [Fact]
    public void An_inspector_on_the_team_may_work_on_the_inspection() =>
        Assert.Null(TeamRules.MayWorkOn(User(People.Ian, Roles.Inspector), Given.Inspection(Cumbria.InFieldwork)));

    [Fact]
    public void A_lead_inspector_may_work_on_any_inspection() =>
        Assert.Null(TeamRules.MayWorkOn(User("lee.lead", Roles.LeadInspector), Given.Inspection(Cumbria.InFieldwork)));

    [Fact]
    public void An_inspector_who_left_the_team_may_no_longer_work_on_it()
    {
        var inspection = Given.Inspection(Cumbria.InFieldwork.Then(C.TeamChanged([People.Olu], [People.Sara])));
        Then.Refused(TeamRules.MayWorkOn(User(People.Sara, Roles.Inspector), inspection), 403,
            $"sara.inspector is not on the team of inspection {C.Id}; the lead inspector can add them.");
        Assert.Null(TeamRules.MayWorkOn(User(People.Olu, Roles.Inspector), inspection));
    }
}
