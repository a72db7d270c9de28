using PeelCases.Tests.Support;
using PeelCases.Inspections;
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
        Assert.Equal((2, 1, "How well does the force use its resources to meet the demand it faces?"),
            (peel2018.Version, peel2018.FindQuestion("F1")!.Number, peel2018.FindQuestion("F1")!.Text));
        Assert.Equal(GradeScales.FourPoint, peel2018.Scale);
        Assert.False(peel2018.FindQuestion("E5")!.Graded);
        Assert.Equal(Frameworks.PreventingCrime, peel2018.FindQuestion("E1")!.LineageKey);

        var peel2021 = await Get<AssessmentFramework>("/frameworks/peel-2021-22/versions/1", TestUser.Inspector);
        Assert.Empty(peel2021.Pillars);
        Assert.Equal(5, peel2021.Scale.Count);
        Assert.Contains(peel2021.Questions, q => q.Topics.Any(t => t.Characteristics.Any(c => c.Code == "3.1.1")));

        var all = await Get<List<AssessmentFramework>>("/frameworks", TestUser.Inspector);
        Assert.Equal(["peel-2014@1", "peel-2015@1", "peel-2016@1", "peel-2016@2", "peel-2017@1", "peel-2017@2", "peel-2018-19@1", "peel-2018-19@2", "peel-2021-22@1", "peel-2021-22@2", "peel-2023-25@1", "peel-2025-27@1"],
            all.Select(f => f.Key));

        // 2016 with its four pillars, leadership narrative only; 2023–25 areas with the victim service ungraded, holding crime recording.
        var peel2016 = await Get<AssessmentFramework>("/frameworks/peel-2016", TestUser.Inspector);
        Assert.Equal(["effectiveness", "efficiency", "legitimacy", "leadership"], peel2016.Pillars.Select(p => p.Code));
        Assert.False(peel2016.FindQuestion("LD1")!.Graded);
        Assert.NotNull(peel2016.FindQuestion("LD1")!.Unconfirmed);
        var peel2023 = await Get<AssessmentFramework>("/frameworks/peel-2023-25", TestUser.Inspector);
        Assert.Equal((false, true, "VS"), (peel2023.FindQuestion("VS")!.Graded, peel2023.FindQuestion("CD")!.Graded, peel2023.FindQuestion("CD")!.WithinCode));
        Assert.Equal(11, peel2023.Questions.Count);

        // 2014: thirteen questions, six of them graded; 2015: eleven graded-grid questions (one ungraded) and leadership.
        var peel2014 = await Get<AssessmentFramework>("/frameworks/peel-2014", TestUser.Inspector);
        Assert.Equal((13, 6), (peel2014.Questions.Count, peel2014.Questions.Count(q => q.Graded)));
        Assert.All(peel2014.Questions.Where(q => q.PillarCode == "legitimacy"), q => Assert.NotNull(q.Unconfirmed));
        var peel2015 = await Get<AssessmentFramework>("/frameworks/peel-2015", TestUser.Inspector);
        Assert.Equal((11, 10), (peel2015.Questions.Count(q => q.PillarCode != "leadership"), peel2015.Questions.Count(q => q.Graded)));

        // 2017 as published: three pillars, numbered within each, with what no public source confirms said so.
        var peel2017 = await Get<AssessmentFramework>("/frameworks/peel-2017", TestUser.Inspector);
        Assert.Equal(2, peel2017.Version);
        Assert.Equal(["effectiveness", "efficiency", "legitimacy"], peel2017.Pillars.Select(p => p.Code));
        Assert.Equal([1, 2, 3], peel2017.Questions.Where(q => q.PillarCode == "efficiency").Select(q => q.Number));
        Assert.Contains("planning for the future", peel2017.FindQuestion("F3")!.Unconfirmed);
        Assert.Null(peel2017.FindQuestion("F1")!.Unconfirmed);
    }

    [Fact]
    public async Task A_published_framework_version_is_never_rewritten_a_change_is_a_new_version()
    {
        await using (var session = App.Store.LightweightSession())
        {
            session.Store(Frameworks.Peel2018 with { Name = "PEEL 2018/19, edited in place" });
            await session.SaveChangesAsync();
        }
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => new ReferenceDataSeeder().Populate(App.Store, CancellationToken.None));
        Assert.Contains("Framework peel-2018-19 version 1 is stored and differs from its definition in the code", refused.Message);
        Assert.Equal("PEEL 2018/19, edited in place", (await Get<AssessmentFramework>("/frameworks/peel-2018-19/versions/1", TestUser.Inspector)).Name);
    }

    [Fact]
    public async Task A_new_version_stands_beside_the_old_one_and_each_inspection_keeps_the_version_it_was_scheduled_on()
    {
        var onSecond = await Post<InspectionView>("/inspections", Commands.Schedule(force: "kent", questions: ["E1"]), TestUser.Lead, 201);
        var reworded = Frameworks.Peel2018Published with
        {
            Version = 3,
            Key = AssessmentFramework.KeyOf(Frameworks.Peel2018.Id, 3),
            Questions = Frameworks.Peel2018Published.Questions.Select(q => q.Code == "E1" ? q with { Text = "How well does the force prevent crime?" } : q).ToList(),
        };
        await using (var session = App.Store.LightweightSession())
        {
            session.Insert(reworded);
            await session.SaveChangesAsync();
        }
        await new ReferenceDataSeeder().Populate(App.Store, CancellationToken.None); // adds nothing, rewrites nothing

        Assert.Equal(3, (await Get<AssessmentFramework>("/frameworks/peel-2018-19", TestUser.Inspector)).Version);
        Assert.Equal(Frameworks.Peel2018.FindQuestion("E1")!.Text, (await Get<AssessmentFramework>("/frameworks/peel-2018-19/versions/2", TestUser.Inspector)).FindQuestion("E1")!.Text);
        Assert.Equal(3, (await Get<List<AssessmentFramework>>("/frameworks", TestUser.Inspector)).Count(f => f.Id == "peel-2018-19"));

        var kept = await Get<InspectionView>($"/inspections/{onSecond.Id}", TestUser.Lead);
        Assert.Equal((2, Frameworks.Peel2018.FindQuestion("E1")!.Text), (kept.FrameworkVersion, kept.Questions[0].Text));
        var onThird = await Post<InspectionView>("/inspections", Commands.Schedule(force: "dorset", questions: ["E1"]), TestUser.Lead, 201);
        Assert.Equal((3, "How well does the force prevent crime?"), (onThird.FrameworkVersion, onThird.Questions[0].Text));
        await Problem(HttpMethod.Get, "/frameworks/peel-2018-19/versions/4", null, TestUser.Inspector, 404);
    }

    [Fact]
    public async Task Unknown_reference_data_is_a_404_problem()
    {
        var problem = await Problem(HttpMethod.Get, "/forces/atlantis", null, TestUser.Inspector, 404);
        Assert.Contains("atlantis", problem.Detail);
        await Problem(HttpMethod.Get, "/frameworks/peel-1999", null, TestUser.Inspector, 404);
    }
}
