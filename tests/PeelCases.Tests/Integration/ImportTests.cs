using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using PeelCases.Audit;
using PeelCases.Demo;
using PeelCases.Findings;
using PeelCases.Grading;
using PeelCases.Import;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;
using PeelCases.Tests.Support;

namespace PeelCases.Tests.Integration;

/// <summary>
/// The published record of past inspections imported in one request: each inspection built by the
/// same decision functions as the API, an invalid one refused by name, the rest stored with their
/// real dates through the bulk path, every read model brought up to date, and the workflow never
/// reacting to history.
/// </summary>
public sealed class ImportTests(AppFixture app) : GradingTestBase(app)
{
    private static readonly TestUser Admin = new("ada.admin", [Roles.Administrator]);

    private static PublishedQuestion Detailed(string code, Grade grade, DateOnly awarded, FindingKind kind = FindingKind.Strength) =>
        new(code, QuestionScope.Detailed, grade, awarded, $"The summary the report gives for {code}.", [new PublishedFinding(kind, "Summary of findings", $"What the report says about {code}.",
            kind == FindingKind.CauseOfConcern ? [new RecommendationInput("Act within six months.", new RecommendationDeadline(DeadlineKind.WithinMonths, Months: 6))] : null)]);

    /// <summary>Durham's efficiency pages: 2016 and 2017 as published, and a 2017 legitimacy record with a grade off the four-point scale.</summary>
    internal static PublishedRecord Durham(Grade f3In2016 = Grade.Good, Grade f3In2017 = Grade.Inadequate) => new("HMICFRS PEEL pages, Durham Constabulary",
    [
        new(null, "durham", "peel-2016", null, new(2016, 5, 9), new(2016, 5, 20),
            [Detailed("F1", Grade.Good, new(2016, 9, 1)), Detailed("F2", Grade.Outstanding, new(2016, 9, 1)), Detailed("F3", f3In2016, new(2016, 9, 1))],
            [new PublishedPillar("efficiency", Grade.Good, new(2016, 9, 8), "Durham is good at efficiency.")], new(2016, 11, 3), "https://example.org/peel-2016/durham/efficiency"),
        new(null, "durham", "peel-2017", null, new(2017, 5, 8), new(2017, 5, 19),
            [Detailed("F1", Grade.Good, new(2017, 9, 4)), Detailed("F2", Grade.Outstanding, new(2017, 9, 4)),
             Detailed("F3", f3In2017, new(2017, 9, 4), f3In2017 == Grade.Inadequate ? FindingKind.CauseOfConcern : FindingKind.Strength)],
            [new PublishedPillar("efficiency", Grade.Good, new(2017, 9, 11), "Durham is good at efficiency.")], new(2017, 11, 9), "https://example.org/peel-2017/durham/efficiency"),
        new(null, "durham", "peel-2017", null, new(2017, 6, 5), new(2017, 6, 16),
            [Detailed("L1", Grade.Adequate, new(2017, 10, 2)), Detailed("L2", Grade.Good, new(2017, 10, 2)), Detailed("L3", Grade.Good, new(2017, 10, 2))],
            [new PublishedPillar("legitimacy", Grade.Good, Summary: "Durham is good at legitimacy.")], new(2017, 12, 12), "https://example.org/peel-2017/durham/legitimacy"),
    ]);

    [Fact]
    public async Task A_forces_history_is_imported_with_an_invalid_inspection_refused_and_named_and_a_carry_over_resolves_to_an_imported_award_on_its_real_date()
    {
        var report = await Post<ImportReport>("/history/imports", Durham(), Admin);

        Assert.Equal((2, 0), (report.Imported, report.AlreadyImported));
        var refused = Assert.Single(report.Refused);
        Assert.Equal((2, "durham", "peel-2017"), (refused.Index, refused.ForceId, refused.FrameworkId));
        Assert.Contains("Adequate", refused.Reason);

        // Every read model holds what was imported, as a rebuild from the events would.
        var history = await Get<GradeHistoryView>("/forces/durham/grade-history", TestUser.Moderator);
        Assert.Equal(8, history.Entries.Count); // three questions and a pillar in each of two cycles
        Assert.Equal(new DateTimeOffset(2017, 9, 4, 10, 0, 0, TimeSpan.Zero), history.Entries.Single(e => e is { Cycle: "2017", Code: "F3" }).DecidedAt);
        var before = await ReadModels.SnapshotAsync(App.Store);
        await ReadModels.RebuildAllAsync(App.Host);
        ReadModels.AssertIdentical(before, await ReadModels.SnapshotAsync(App.Store));

        // The events are marked as imported and the workflow added nothing to them.
        var imported = report.InspectionIds[1];
        var events = (await Get<EventPage>($"/inspections/{imported}/events?pageSize=200", TestUser.Moderator)).Events;
        Assert.All(events, e => Assert.Equal("https://example.org/peel-2017/durham/efficiency", e.ImportedFrom));
        Assert.All(events, e => Assert.Equal(Admin.Id, e.Actor));
        await using (var session = App.Store.QuerySession())
            Assert.Equal(report.Events, await session.Events.QueryAllRawEvents().CountAsync());

        // A 2018/19 question carries over the imported 2017 award, with its real date.
        var view = await BuildAsync("durham", "peel-2018-19", "2018/19", 2018, new QuestionPlan("F2", QuestionScope.CarryOver));
        var carried = Assert.Single(view.Questions).CarriedOverFrom!;
        Assert.Equal((imported, "F3", Grade.Inadequate, new DateTimeOffset(2017, 9, 4, 10, 0, 0, TimeSpan.Zero)),
            (carried.InspectionId, carried.QuestionCode, carried.Grade, carried.AwardedAt));

        // Importing the same record again imports nothing twice.
        var again = await Post<ImportReport>("/history/imports", Durham(), Admin);
        Assert.Equal((0, 2, 0L), (again.Imported, again.AlreadyImported, again.Events));
    }

    [Fact]
    public async Task Grade_movement_is_shown_across_three_cycles_of_one_question_and_not_across_the_change_of_scale()
    {
        await Post<ImportReport>("/history/imports", Durham(f3In2016: Grade.Good, f3In2017: Grade.Inadequate), Admin);
        var view = await BuildAsync("durham", "peel-2018-19", "2018/19", 2018, new QuestionPlan("F2", QuestionScope.Detailed, Grade.Good));

        await App.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var history = await Get<GradeHistoryView>("/forces/durham/grade-history", TestUser.Moderator);
        string Movement(string cycle, string code) => history.Entries.Single(e => e.Cycle == cycle && e.Code == code && !e.IsPillar).Movement!.Description;
        Assert.Equal("The first judgment on this question.", Movement("2016", "F3"));
        Assert.Equal("Down two grades from Good in 2016.", Movement("2017", "F3"));
        Assert.Equal("Up two grades from Inadequate in 2017.", Movement("2018/19", "F2")); // the question that replaced 2017's F3

        var trail = await Get<GradeTrailView>($"/inspections/{view.Id}/questions/F2/trail", TestUser.Moderator);
        Assert.Equal(2, trail.Movement!.Steps);

        var later = new StandingJudgment(2021, "2021/22", "efficiency/planning-for-the-future", Grade.Adequate, GradeScales.FivePoint);
        var movement = GradeMovements.Of(later, [new StandingJudgment(2018, "2018/19", "efficiency/planning-for-the-future", Grade.Good, GradeScales.FourPoint)]);
        Assert.Null(movement!.Steps);
        Assert.Contains("cannot be compared", movement.Description);
    }

    [Fact]
    public async Task The_whole_demo_history_loads_and_every_force_has_a_grade_history()
    {
        var import = App.Host.Services.GetRequiredService<HistoryImport>();
        var record = new PublishedRecord("PeelCases demo data", [.. DemoHistory.Cumbria(), .. DemoHistory.Generated(Frameworks.All, Forces.All)]);

        var report = await import.ImportAsync(record, "demo-data", CancellationToken.None);

        Assert.Empty(report.Refused);
        Assert.True(report.Imported > 600, $"{report.Imported} inspections imported");
        foreach (var force in Forces.All)
        {
            var history = await Get<GradeHistoryView>($"/forces/{force.Id}/grade-history", TestUser.Moderator);
            Assert.True(history.Entries.Count > 20, $"{force.Id}: {history.Entries.Count} judgments");
        }
        // Each generated report has the police and crime commissioner's response, published within the 56 days.
        await using var session = App.Store.QuerySession();
        var generated = (await session.Query<Inspection>().Where(i => i.ForceId == "kent").ToListAsync()).Where(i => i.Publications.Count > 0).ToList();
        Assert.NotEmpty(generated);
        Assert.All(generated, i => Assert.InRange(i.PccResponse!.PublishedOn, i.Publications[0].PublishedOn, i.PccResponseDueOn()!.Value));
        // Their findings rest on the published report alone: not weighed for triangulation.
        var latest = generated.MaxBy(i => i.Publications[0].PublishedOn)!;
        var asOf = await Get<QuestionAsOf>($"/inspections/{latest.Id}/questions/{latest.Questions.First(q => q.Scope == QuestionScope.Detailed).Code}/as-of", TestUser.Lead);
        Assert.NotEmpty(asOf.Sources);
        Assert.All(asOf.Sources, s => Assert.Null(s.Triangulated));
    }

    [Fact]
    public async Task A_malformed_record_is_a_400_naming_the_field_and_only_an_administrator_may_import()
    {
        var problem = await Problem(HttpMethod.Post, "/history/imports",
            new PublishedRecord("x", [new PublishedInspection(null, "durham", null, null, null, new(2017, 5, 19), [])]), Admin, 400);
        Assert.Contains("inspections[0].frameworkId", problem.Errors!.Keys);
        problem = await Problem(HttpMethod.Post, "/history/imports", new PublishedRecord("x", [Durham().Inspections![0] with
            { PccResponse = new PublishedPccResponse(null, "javascript:alert(1)") }]), Admin, 400);
        Assert.Equal(["inspections[0].pccResponse.publishedOn", "inspections[0].pccResponse.url"], problem.Errors!.Keys.Order());
        await Problem(HttpMethod.Post, "/history/imports", Durham(), TestUser.Lead, 403);
        Assert.Equal(0, await TotalEvents());
    }
}
