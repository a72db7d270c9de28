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
    public async Task A_stale_question_version_is_409_and_writes_nothing()
    {
        var inspection = await ScheduleAsync();
        await ScopeAsync(inspection, "E1", QuestionScope.Detailed);
        var problem = await Problem(HttpMethod.Post, $"/inspections/{inspection.Id}/questions/E1/scope",
            new ScopeQuestion(QuestionScope.CarryOver, null, inspection.QuestionVersion("E1")), TestUser.Lead, 409);
        Assert.Contains("expected version 1 but the question E1 is now at version 2", problem.Detail);
        Assert.Equal(2, (await EventsOf(inspection.Id)).Count);
    }

    [Fact]
    public async Task Work_on_one_question_does_not_make_another_stale()
    {
        var inspection = await ScheduleAsync();
        await ScopeAsync(inspection, "E1", QuestionScope.Detailed);
        // The view read before E1 changed still holds E2's current version.
        var after = await Post<InspectionView>($"/inspections/{inspection.Id}/questions/E2/scope",
            new ScopeQuestion(QuestionScope.Detailed, null, inspection.QuestionVersion("E2")), TestUser.Lead);
        Assert.Equal((QuestionScope.Detailed, QuestionScope.Detailed), (after.Questions[0].Scope, after.Questions[1].Scope));
        Assert.Equal(3, (await EventsOf(inspection.Id)).Count);
    }

    [Fact]
    public async Task Two_people_deciding_on_the_same_question_at_once_one_wins_one_gets_409()
    {
        var inspection = await ScheduleAsync();
        var statuses = await Task.WhenAll(Scope(inspection, "E1", QuestionScope.Detailed), Scope(inspection, "E1", QuestionScope.Detailed));

        Assert.Equal([200, 409], statuses.Order());
        Assert.Equal(2, (await EventsOf(inspection.Id)).Count);
        var current = await Get<InspectionView>($"/inspections/{inspection.Id}", TestUser.Lead);
        Assert.Equal((2L, 2L), (current.Version, current.QuestionVersion("E1")));
    }

    [Fact]
    public async Task Two_people_on_different_questions_of_one_inspection_at_once_are_both_recorded()
    {
        var inspection = await ScheduleAsync();
        var statuses = await Task.WhenAll(Scope(inspection, "E1", QuestionScope.Detailed), Scope(inspection, "E2", QuestionScope.Detailed));

        Assert.Equal([200, 200], statuses);
        var current = await Get<InspectionView>($"/inspections/{inspection.Id}", TestUser.Lead);
        Assert.Equal(3, current.Version);
        Assert.All(current.Questions.Where(q => q.Code is "E1" or "E2"), q => Assert.Equal((QuestionScope?)QuestionScope.Detailed, q.Scope));
    }

    [Fact]
    public async Task Scoping_every_question_for_carry_over_at_once_while_the_workflow_answers_refuses_none()
    {
        // Each carry-over scoping sets the workflow looking for an earlier judgment, and its answer
        // lands in the same inspection stream while the other scopings are still arriving.
        var codes = new[] { "E1", "E2", "E3", "E4", "F1", "F2", "L1", "L2", "L3" };
        var inspection = await ScheduleAsync(Commands.Schedule(force: "dorset", questions: codes));
        var statuses = Array.Empty<int>();
        await Tracked(async () => statuses = await Task.WhenAll(codes.Select(q => Scope(inspection, q, QuestionScope.CarryOver))));

        Assert.All(statuses, s => Assert.Equal(200, s));
        var after = await View(inspection.Id);
        Assert.All(after.Questions, q => Assert.Equal((QuestionScope.CarryOver, "No earlier"), (q.Scope!.Value, q.CarryOverProblem?[..10])));
    }

    private async Task<int> Scope(InspectionView inspection, string question, QuestionScope scope)
    {
        var result = await App.Host.Scenario(s =>
        {
            s.Post.Json(new ScopeQuestion(scope, null, inspection.QuestionVersion(question))).ToUrl($"/inspections/{inspection.Id}/questions/{question}/scope");
            s.WithBearerToken(App.TokenFor(TestUser.Lead));
            s.IgnoreStatusCode();
        });
        return result.Context.Response.StatusCode;
    }

    [Theory]
    [InlineData("E5", QuestionScope.Detailed, "only be scoped as Ungraded")]
    [InlineData("E5", QuestionScope.CarryOver, "only be scoped as Ungraded")]
    [InlineData("E1", QuestionScope.Ungraded, "scope it as Detailed or CarryOver")]
    public async Task Scopes_follow_the_framework(string question, QuestionScope scope, string reason)
    {
        var inspection = await ScheduleAsync();
        var problem = await Problem(HttpMethod.Post, $"/inspections/{inspection.Id}/questions/{question}/scope",
            new ScopeQuestion(scope, null, inspection.QuestionVersion(question)), TestUser.Lead, 409);
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
