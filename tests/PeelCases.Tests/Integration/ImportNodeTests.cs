using System.Net;
using System.Net.Http.Json;
using Marten;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;
using PeelCases.Grading;
using PeelCases.Import;
using PeelCases.Kernel;
using PeelCases.Tests.Support;

namespace PeelCases.Tests.Integration;

/// <summary>
/// A history import rebuilds the grade history, and only the node that runs it may: two hosts on a database of their own,
/// the first holding the async projections. Sent to the other, the import is refused before anything is written.
/// </summary>
[Collection(AppCollection.Name), Trait("Category", "Process")]
public sealed class ImportNodeTests(AppFixture app)
{
    private string Admin => app.TokenFor(new TestUser("ada.admin", [Roles.Administrator]));

    [Fact]
    public async Task An_import_sent_to_the_node_without_the_projections_is_refused_with_nothing_written_and_imported_on_the_node_with_them()
    {
        var database = await app.Postgres.CreateDatabaseAsync("peelcases_import_nodes");
        try
        {
            var nodeA = await AppFixture.StartHostAsync(database, null);
            Alba.IAlbaHost? nodeB = null;
            try
            {
                Assert.True(await GradeHistoryRebuild.RunsHereAsync(nodeA.Services.GetRequiredService<IProjectionCoordinator>(), TimeSpan.FromSeconds(30)));
                nodeB = await AppFixture.StartHostAsync(database, null);

                using var refused = await Send(nodeB, ImportTests.Durham());
                Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
                Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
                Assert.Contains("Nothing was imported", await refused.Content.ReadAsStringAsync());
                await using (var session = nodeA.Services.GetRequiredService<IDocumentStore>().QuerySession())
                    Assert.Equal(0, await session.Events.QueryAllRawEvents().CountAsync());
                // Nor was a second copy of the projection started there.
                Assert.DoesNotContain(nodeB.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase().CurrentAgents(),
                    a => a.Name.Identity == "ForceGradeHistory:All");

                using var imported = await Send(nodeA, ImportTests.Durham());
                Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
                Assert.Equal(2, (await imported.Content.ReadFromJsonAsync<ImportReport>(AppFixture.Json))!.Imported);
            }
            finally
            {
                if (nodeB is not null) await AppFixture.StopHostAsync(nodeB);
                await AppFixture.StopHostAsync(nodeA);
            }
        }
        finally
        {
            await app.Postgres.DropDatabaseAsync(database);
        }
    }

    private Task<HttpResponseMessage> Send(Alba.IAlbaHost node, PublishedRecord record)
    {
        var client = node.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Admin);
        return client.PostAsJsonAsync("/history/imports", record, AppFixture.Json);
    }
}
