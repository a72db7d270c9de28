using System.Text.Json;
using PeelCases.Tests.Support;
using PeelCases.Inspections;

namespace PeelCases.Tests.Integration;

public sealed class SchedulingTests(AppFixture app) : InspectionTestBase(app)
{
    [Fact]
    public async Task Scheduling_records_who_and_when_and_lists_questions_in_framework_order()
    {
        var result = await Send(HttpMethod.Post, "/inspections", Commands.Schedule(questions: ["E3", "E1", "E5"]), TestUser.Lead, 201);
        var inspection = Read<InspectionView>(result);

        Assert.Equal($"/inspections/{inspection.Id}", result.Context.Response.Headers.Location.ToString());
        Assert.Equal("Cumbria Constabulary", inspection.ForceName);
        Assert.Equal(InspectionStage.Planning, inspection.Stage);
        Assert.Equal(["E1", "E3", "E5"], inspection.Questions.Select(q => q.Code));
        Assert.All(inspection.Questions, q => Assert.Null(q.Scope));
        Assert.Equal(1, inspection.Version);
        Assert.Equal("lena.lead", inspection.ScheduledBy);
        Assert.Equal(AppFixture.Start, inspection.ScheduledAt);

        var events = await EventsOf(inspection.Id);
        var scheduled = Assert.IsType<InspectionScheduled>(Assert.Single(events).Data);
        Assert.Equal("lena.lead", scheduled.ScheduledBy);
        Assert.Equal("lena.lead", events[0].UserName);
        Assert.False(string.IsNullOrEmpty(events[0].CorrelationId));

        var fetched = await Get<InspectionView>($"/inspections/{inspection.Id}", TestUser.Inspector);
        Assert.Equal(JsonSerializer.Serialize(inspection, AppFixture.Json), JsonSerializer.Serialize(fetched, AppFixture.Json));
    }

    [Fact]
    public async Task The_actor_comes_from_the_token_not_the_body()
    {
        var body = new
        {
            forceId = "cumbria", cycle = "2018/19", frameworkId = "peel-2018-19", questionCodes = new[] { "E1" },
            leadInspector = "lena.lead", fieldworkStarts = "2018-10-08", fieldworkEnds = "2018-10-19", scheduledBy = "mallory",
        };
        var inspection = await Post<InspectionView>("/inspections", body, TestUser.Lead, 201);
        Assert.Equal("lena.lead", inspection.ScheduledBy);
    }

    [Fact]
    public async Task A_retried_schedule_with_the_same_id_records_one_inspection()
    {
        var command = Commands.Schedule(id: Guid.NewGuid());
        var first = await ScheduleAsync(command);
        var again = await Post<InspectionView>("/inspections", command, TestUser.Lead, 200);
        Assert.Equal(first.Id, again.Id);
        Assert.Single(await EventsOf(first.Id));
    }

    [Fact]
    public async Task One_inspection_of_a_pillar_per_force_and_cycle()
    {
        await ScheduleAsync();
        var problem = await Problem(HttpMethod.Post, "/inspections", Commands.Schedule(), TestUser.Lead, 409);
        Assert.Contains("already has an inspection of effectiveness for cycle 2018/19", problem.Detail);
        Assert.Equal(1, await TotalEvents());
    }

    [Fact]
    public async Task Two_schedulings_of_the_same_pillars_racing_each_other_record_one_inspection()
    {
        // Both pass the check before either is stored: the unique index on force, cycle and coverage decides.
        var statuses = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
            (await App.Host.Scenario(s =>
            {
                s.Post.Json(Commands.Schedule(id: Guid.NewGuid())).ToUrl("/inspections");
                s.WithBearerToken(App.TokenFor(TestUser.Lead));
                s.IgnoreStatusCode();
            })).Context.Response.StatusCode));
        Assert.Contains(201, statuses);
        Assert.All(statuses, s => Assert.True(s is 201 or 409, $"status {s}"));
        // The loser's events were never stored (Marten may leave a tombstone to mark the sequence it had taken).
        await using var session = App.Store.QuerySession();
        Assert.Equal(1, await Marten.QueryableExtensions.CountAsync(session.Query<Inspection>()));
        Assert.Equal(1, (await session.QueryAsync<long>("select count(*) from peelcases.mt_events where type = 'inspection_scheduled'")).Single());
    }

    public static TheoryData<object, string> InvalidSchedules => new()
    {
        { Commands.Schedule(force: "atlantis"), "forceId" },
        { Commands.Schedule(framework: "peel-1999"), "frameworkId" },
        { Commands.Schedule(cycle: "2021/22"), "cycle" },
        { Commands.Schedule(questions: ["E9"]), "questionCodes" },
        { Commands.Schedule(questions: ["E1", "e1"]), "questionCodes" },
        { Commands.Schedule() with { FieldworkEnds = Commands.FieldworkStarts.AddDays(-1) }, "fieldworkEnds" },
        { Commands.Schedule() with { FieldworkStarts = new DateOnly(2016, 10, 3), FieldworkEnds = new DateOnly(2016, 10, 14) }, "fieldworkStarts" },
        { Commands.Schedule() with { LeadInspector = new string('x', 201) }, "leadInspector" },
        { Commands.Schedule() with { QuestionCodes = [] }, "questionCodes" },
        { Commands.Schedule() with { InspectionId = Guid.Empty }, "inspectionId" },
        { new { forceId = "cumbria" }, "frameworkId" },
    };

    [Theory, MemberData(nameof(InvalidSchedules))]
    public async Task Invalid_schedules_are_400_naming_the_field_and_write_nothing(object command, string field)
    {
        var problem = await Problem(HttpMethod.Post, "/inspections", command, TestUser.Lead, 400);
        Assert.NotNull(problem.Errors);
        Assert.Contains(field, problem.Errors!.Keys);
        Assert.Equal(0, await TotalEvents());
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("null")]
    [InlineData("""{"forceId": 42, "questionCodes": "E1"}""")]
    [InlineData("""{"fieldworkStarts": "next tuesday"}""")]
    [InlineData("[]")]
    public async Task Malformed_bodies_are_400_problems(string body)
    {
        var problem = await Problem(HttpMethod.Post, "/inspections", body, TestUser.Lead, 400);
        Assert.Equal(400, problem.Status);
        Assert.Equal(0, await TotalEvents());
    }

    [Fact]
    public async Task Only_a_lead_inspector_schedules()
    {
        await Problem(HttpMethod.Post, "/inspections", Commands.Schedule(), TestUser.Inspector, 403);
        await Problem(HttpMethod.Post, "/inspections", Commands.Schedule(), null, 401);
        Assert.Equal(0, await TotalEvents());
    }

    [Fact]
    public async Task Unknown_inspections_are_404()
    {
        var problem = await Problem(HttpMethod.Get, $"/inspections/{Guid.NewGuid()}", null, TestUser.Lead, 404);
        Assert.Contains("no inspection", problem.Detail);
        await Problem(HttpMethod.Get, "/inspections/not-a-guid", null, TestUser.Lead, 404);
    }

    [Fact]
    public async Task Inspections_are_listed_by_force_and_cycle()
    {
        await ScheduleAsync();
        await ScheduleAsync(Commands.Schedule(force: "kent"));
        await ScheduleAsync(Commands.Schedule(force: "cumbria", framework: "peel-2021-22", cycle: "2021/22", questions: ["Q3"]));

        var cumbria = await Get<List<InspectionSummary>>("/inspections?force=cumbria", TestUser.Moderator);
        Assert.Equal(["2021/22", "2018/19"], cumbria.Select(i => i.Cycle));
        var cycle = await Get<List<InspectionSummary>>("/inspections?cycle=2018/19", TestUser.Moderator);
        Assert.Equal(["cumbria", "kent"], cycle.Select(i => i.ForceId));
        await Problem(HttpMethod.Get, "/inspections", null, TestUser.Liaison, 403);
    }
}
