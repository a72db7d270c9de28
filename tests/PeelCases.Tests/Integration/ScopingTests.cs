using PeelCases.Tests.Support;
using PeelCases.Inspections;

namespace PeelCases.Tests.Integration;

public sealed class ScopingTests(AppFixture app) : InspectionTestBase(app)
{
    [Fact]
    public async Task Scoping_moves_the_version_on_and_keeps_each_decision()
    {
        var inspection = await ScheduleAsync();
        App.Clock.Advance(TimeSpan.FromHours(1));
        var scoped = await ScopeAsync(inspection, "E1", QuestionScope.Detailed);
        Assert.Equal(2, scoped.Version);
        Assert.Equal(QuestionScope.Detailed, scoped.Questions.Single(q => q.Code == "E1").Scope);

        var rescoped = await ScopeAsync(scoped, "e1", QuestionScope.CarryOver);
        Assert.Equal(QuestionScope.CarryOver, rescoped.Questions.Single(q => q.Code == "E1").Scope);

        var events = (await EventsOf(inspection.Id)).Select(e => e.Data).OfType<QuestionScoped>().ToList();
        Assert.Equal([QuestionScope.Detailed, QuestionScope.CarryOver], events.Select(e => e.Scope));
        Assert.Equal(QuestionScope.Detailed, events[1].PreviousScope);
        Assert.Equal(AppFixture.Start.AddHours(1), events[0].ScopedAt);
    }

    [Fact]
    public async Task A_stale_expected_version_is_409_and_writes_nothing()
    {
        var inspection = await ScheduleAsync();
        await ScopeAsync(inspection, "E1", QuestionScope.Detailed);
        var problem = await Problem(HttpMethod.Post, $"/inspections/{inspection.Id}/questions/E2/scope",
            new ScopeQuestion(QuestionScope.Detailed, null, inspection.Version), TestUser.Lead, 409);
        Assert.Contains("expected version 1", problem.Detail);
        Assert.Equal(2, (await EventsOf(inspection.Id)).Count);
    }

    [Fact]
    public async Task Two_writers_racing_on_one_inspection_one_wins_one_gets_409()
    {
        var inspection = await ScheduleAsync();
        var statuses = await Task.WhenAll(
            Scope("E1", QuestionScope.Detailed),
            Scope("E2", QuestionScope.Detailed));

        Assert.Equal([200, 409], statuses.Order());
        Assert.Equal(2, (await EventsOf(inspection.Id)).Count);
        var current = await Get<InspectionView>($"/inspections/{inspection.Id}", TestUser.Lead);
        Assert.Equal(2, current.Version);
        Assert.Single(current.Questions, q => q.Scope == QuestionScope.Detailed);

        async Task<int> Scope(string question, QuestionScope scope)
        {
            var result = await App.Host.Scenario(s =>
            {
                s.Post.Json(new ScopeQuestion(scope, null, inspection.Version)).ToUrl($"/inspections/{inspection.Id}/questions/{question}/scope");
                s.WithBearerToken(App.TokenFor(TestUser.Lead));
                s.IgnoreStatusCode();
            });
            return result.Context.Response.StatusCode;
        }
    }

    [Theory]
    [InlineData("E5", QuestionScope.Detailed, "only be scoped as Ungraded")]
    [InlineData("E5", QuestionScope.CarryOver, "only be scoped as Ungraded")]
    [InlineData("E1", QuestionScope.Ungraded, "scope it as Detailed or CarryOver")]
    public async Task Scopes_follow_the_framework(string question, QuestionScope scope, string reason)
    {
        var inspection = await ScheduleAsync();
        var problem = await Problem(HttpMethod.Post, $"/inspections/{inspection.Id}/questions/{question}/scope",
            new ScopeQuestion(scope, null, inspection.Version), TestUser.Lead, 409);
        Assert.Contains(reason, problem.Detail);
    }

    [Fact]
    public async Task Unknown_inspection_or_question_is_404_and_bad_input_400()
    {
        var inspection = await ScheduleAsync(Commands.Schedule(questions: ["E1", "E3"]));
        await Problem(HttpMethod.Post, $"/inspections/{Guid.NewGuid()}/questions/E1/scope",
            new ScopeQuestion(QuestionScope.Detailed, null, 1), TestUser.Lead, 404);
        await Problem(HttpMethod.Post, $"/inspections/{inspection.Id}/questions/E2/scope",
            new ScopeQuestion(QuestionScope.Detailed, null, 1), TestUser.Lead, 404);
        var problem = await Problem(HttpMethod.Post, $"/inspections/{inspection.Id}/questions/E1/scope",
            """{"scope": "Sideways", "expectedVersion": 1}""", TestUser.Lead, 400);
        Assert.Equal(400, problem.Status);
        var missing = await Problem(HttpMethod.Post, $"/inspections/{inspection.Id}/questions/E1/scope",
            new { scope = "Detailed" }, TestUser.Lead, 400);
        Assert.Contains("expectedVersion", missing.Errors!.Keys);
        await Problem(HttpMethod.Post, $"/inspections/{inspection.Id}/questions/E1/scope",
            new ScopeQuestion(QuestionScope.Detailed, null, 1), TestUser.Inspector, 403);
        Assert.Single(await EventsOf(inspection.Id));
    }
}
