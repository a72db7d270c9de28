using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.Tests.Support;

namespace PeelCases.Tests.Integration;

/// <summary>The same import from files, as an operator runs it: <c>dotnet PeelCases.dll import-history record.json</c>.</summary>
[Collection(AppCollection.Name), Trait("Category", "Process")]
public sealed class ImportCliTests(AppFixture app)
{
    [Fact]
    public async Task An_operator_imports_a_record_from_a_file_and_a_second_run_imports_nothing_twice()
    {
        var database = await app.Postgres.CreateDatabaseAsync("peelcases_import_cli");
        var file = Path.Combine(Path.GetTempPath(), $"durham-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(ImportTests.Durham(), new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        try
        {
            await ServiceCli.RunAsync(database, "db-apply");
            var first = await ServiceCli.RunAsync(database, "import-history", file, "--as", "ops.importer");
            Assert.Contains(": 2 imported", first);
            Assert.Contains("refused #2 durham peel-2017", first);
            Assert.Contains(": 0 imported (0 events), 2 already there", await ServiceCli.RunAsync(database, "import-history", file));

            await using var host = await AppFixture.StartHostAsync(database, null, new Dictionary<string, string> { ["Database__ApplyChangesOnStartup"] = "false" });
            await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
            var inspections = await session.Query<Inspection>().Where(i => i.ForceId == "durham").ToListAsync();
            Assert.Equal(["2016", "2017"], inspections.Select(i => i.Cycle).Order());
            Assert.All(inspections, i => Assert.Equal(InspectionStage.Published, i.Stage));
            var history = await session.LoadAsync<ForceGradeHistory>("durham");
            Assert.Equal(8, history!.Entries.Count);
        }
        finally
        {
            File.Delete(file);
            await app.Postgres.DropDatabaseAsync(database);
        }
    }
}
