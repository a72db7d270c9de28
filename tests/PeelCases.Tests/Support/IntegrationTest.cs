using System.Text.Json;
using Alba;
using Wolverine;
using Wolverine.Tracking;

namespace PeelCases.Tests.Support;

/// <summary>Base for tests through the real stack: each test starts from reset data.</summary>
[Collection(AppCollection.Name)]
public abstract class IntegrationTest(AppFixture app) : IAsyncLifetime
{
    protected AppFixture App { get; } = app;

    public Task InitializeAsync() => App.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Sends a request as <paramref name="user"/> (anonymous when null) and checks the status.</summary>
    protected async Task<IScenarioResult> Send(HttpMethod method, string url, object? body, TestUser? user, int expectedStatus)
    {
        return await App.Host.Scenario(s =>
        {
            if (method == HttpMethod.Get) s.Get.Url(url);
            else s.Post.RawJson(body as string ?? JsonSerializer.Serialize(body ?? new { }, AppFixture.Json)).ToUrl(url);
            if (user is not null) s.WithBearerToken(App.TokenFor(user));
            s.StatusCodeShouldBe(expectedStatus);
        });
    }

    protected async Task<T> Post<T>(string url, object body, TestUser user, int expectedStatus = 200) =>
        Read<T>(await Send(HttpMethod.Post, url, body, user, expectedStatus));

    protected async Task<T> Get<T>(string url, TestUser? user, int expectedStatus = 200) =>
        Read<T>(await Send(HttpMethod.Get, url, null, user, expectedStatus));

    protected async Task<ProblemBody> Problem(HttpMethod method, string url, object? body, TestUser? user, int expectedStatus) =>
        Read<ProblemBody>(await Send(method, url, body, user, expectedStatus));

    /// <summary>Runs the request and waits until every workflow message it caused has been handled.</summary>
    protected async Task<ITrackedSession> Tracked(Func<Task> action) =>
        await App.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).ExecuteAndWaitAsync((Func<IMessageContext, Task>)(_ => action()));

    protected static T Read<T>(IScenarioResult result) =>
        JsonSerializer.Deserialize<T>(result.ReadAsText(), AppFixture.Json)
        ?? throw new InvalidOperationException("The response had no body.");
}

public sealed record ProblemBody(int Status, string Title, string? Detail, Dictionary<string, string[]>? Errors);
