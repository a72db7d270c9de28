using Alba;
using Marten;
using PeelCases.Tests.Support;
using Wolverine.Tracking;
using Microsoft.Extensions.DependencyInjection;
using PeelCases.FactualAccuracy;
using PeelCases.Grading;
using PeelCases.HmiSignOff;
using PeelCases.Host;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;
using PeelCases.Workflow;

namespace PeelCases.Tests.Integration;

/// <summary>
/// The factual accuracy deadline is a durable scheduled message: open the check on one host,
/// stop it, start another, and the deadline still fires there. Runs on a database of its own,
/// on the real clock.
/// </summary>
[Collection(AppCollection.Name), Trait("Category", "Process")]
public sealed class DeadlineRestartTests(AppFixture app)
{
    [Fact]
    public async Task The_deadline_fires_on_a_new_host_after_the_first_one_stopped()
    {
        var database = await app.Postgres.CreateDatabaseAsync("peelcases_restart");
        var settings = new Dictionary<string, string> { ["FactualAccuracy__WorkingDays"] = "0" };
        try
        {
            // Host A: an inspection ready for the check, opened with the deadline a few seconds ahead.
            var deadlineIn = TimeSpan.FromSeconds(12);
            var clockA = new TestClock(DateTimeOffset.UtcNow.Add(deadlineIn));
            Guid id;
            var hostA = await AppFixture.StartHostAsync(database, clockA, settings);
            try
            {
                id = await SignedOffInspection(hostA.Services.GetRequiredService<IDocumentStore>());
                await hostA.Scenario(s =>
                {
                    s.Post.Json(new InspectionStep(5)).ToUrl($"/inspections/{id}/factual-accuracy-check");
                    s.WithBearerToken(DevToken(TestUser.Lead));
                });
            }
            finally
            {
                await AppFixture.StopHostAsync(hostA);
            }

            // Host B: a new process in all but name, on the real clock; nothing re-schedules the message.
            await using var hostB = await AppFixture.StartHostAsync(database, null, settings);
            await hostB.TrackActivity().Timeout(TimeSpan.FromSeconds(60))
                .WaitForMessageToBeReceivedAt<CloseFactualAccuracyCheck>(hostB)
                .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(_ => Task.CompletedTask));

            await using var session = hostB.Services.GetRequiredService<IDocumentStore>().QuerySession();
            var inspection = await session.LoadAsync<Inspection>(id);
            Assert.NotNull(inspection!.FactualAccuracy!.ClosedAt);
            Assert.Single(await session.Events.FetchStreamAsync(id), e => e.Data is FactualAccuracyCheckClosed);
        }
        finally
        {
            await app.Postgres.DropDatabaseAsync(database);
        }
    }

    private static string DevToken(TestUser user) =>
        PeelCases.Host.DevTokens.Mint(new PeelCases.Host.AuthOptions { SigningKey = AppFixture.SigningKey },
            user.Id, user.Roles, DateTimeOffset.UtcNow, user.ForceId);

    /// <summary>Writes the events of a small inspection that the HMI has signed off.</summary>
    private static async Task<Guid> SignedOffInspection(IDocumentStore store)
    {
        var id = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow;
        var earlier = new JudgmentReference(Guid.NewGuid(), "cumbria", "2017", 2017, "peel-2017", "E2", "effectiveness", Grade.Good, at);
        await using var session = store.LightweightSession();
        session.Events.StartStream<Inspection>(id,
            new InspectionScheduled(id, "cumbria", "2018/19", 2018, "peel-2018-19", 1, ["E2"], "lena.lead",
                new DateOnly(2018, 10, 8), new DateOnly(2018, 10, 19), [], "lena.lead", at),
            new QuestionScoped(id, "cumbria", "E2", QuestionScope.CarryOver, null, null, "lena.lead", at),
            new JudgmentCarriedOver(id, "cumbria", "2018/19", 2018, "peel-2018-19", "E2", Frameworks.InvestigatingCrime, earlier, "workflow", at),
            new InspectionReadyForSignOff(id, at),
            new InspectionSignedOff(id, "hannah.hmi", at));
        await session.SaveChangesAsync();
        return id;
    }
}
