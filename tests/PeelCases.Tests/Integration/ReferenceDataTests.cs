using PeelCases.Tests.Support;
using PeelCases.ReferenceData;

namespace PeelCases.Tests.Integration;

public sealed class ReferenceDataTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_43_forces_are_seeded_and_public()
    {
        await Problem(HttpMethod.Get, "/forces", null, null, 401);
        var forces = await Get<List<Force>>("/forces", TestUser.Liaison);
        Assert.Equal(43, forces.Count);
        Assert.Equal(39, forces.Count(f => f.Nation == Nation.England));
        Assert.Equal(4, forces.Count(f => f.Nation == Nation.Wales));
        Assert.Contains(forces, f => f is { Id: "cumbria", Name: "Cumbria Constabulary" });
    }

    [Fact]
    public async Task Frameworks_carry_their_scale_hierarchy_and_lineage()
    {
        var peel2018 = await Get<AssessmentFramework>("/frameworks/peel-2018-19", TestUser.Inspector);
        Assert.Equal(["effectiveness", "efficiency", "legitimacy"], peel2018.Pillars.Select(p => p.Code));
        Assert.Equal(10, peel2018.Questions.Count);
        Assert.Equal(GradeScales.FourPoint, peel2018.Scale);
        Assert.False(peel2018.FindQuestion("E5")!.Graded);
        Assert.Equal(Frameworks.PreventingCrime, peel2018.FindQuestion("E1")!.LineageKey);

        var peel2021 = await Get<AssessmentFramework>("/frameworks/peel-2021-22", TestUser.Inspector);
        Assert.Empty(peel2021.Pillars);
        Assert.Equal(5, peel2021.Scale.Count);
        Assert.Contains(peel2021.Questions, q => q.Topics.Any(t => t.Characteristics.Any(c => c.Code == "3.1.1")));

        var all = await Get<List<AssessmentFramework>>("/frameworks", TestUser.Inspector);
        Assert.Equal(["peel-2016", "peel-2017", "peel-2018-19", "peel-2021-22"], all.Select(f => f.Id));
    }

    [Fact]
    public async Task Unknown_reference_data_is_a_404_problem()
    {
        var problem = await Problem(HttpMethod.Get, "/forces/atlantis", null, TestUser.Inspector, 404);
        Assert.Contains("atlantis", problem.Detail);
        await Problem(HttpMethod.Get, "/frameworks/peel-1999", null, TestUser.Inspector, 404);
    }

    [Fact]
    public async Task Health_endpoints_answer()
    {
        await Send(HttpMethod.Get, "/health/live", null, null, 200);
        await Send(HttpMethod.Get, "/health/ready", null, null, 200);
    }
}
