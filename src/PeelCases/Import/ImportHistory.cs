using System.Security.Claims;
using System.Text.Json;
using JasperFx.CommandLine;
using Marten;
using Marten.Events.Daemon.Coordination;
using PeelCases.Grading;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Import;

public static class ImportHistoryEndpoint
{
    public static ProblemDetails Validate(PublishedRecord? record) => FieldErrors.Check(record, PublishedRecordRules.Validate);

    /// <summary>
    /// Only the node that runs the grade history may rebuild it after an import (<see cref="GradeHistoryRebuild.RunsHereAsync"/>).
    /// Anywhere else the import is refused before anything is written: 503 with Retry-After, and the next try may reach that node.
    /// </summary>
    public static async Task<ProblemDetails> Before(HttpContext http, IProjectionCoordinator projections)
    {
        if (await GradeHistoryRebuild.RunsHereAsync(projections, TimeSpan.FromSeconds(3))) return WolverineContinue.NoProblems;
        http.Response.Headers.RetryAfter = "5";
        return new Refusal(StatusCodes.Status503ServiceUnavailable, "Another node runs the grade history",
            "A history import rebuilds the grade history on the node that runs it, and this node does not. Nothing was imported; " +
            "send the same record again in a few seconds (importing it twice imports nothing twice).").ToProblemDetails();
    }

    /// <summary>
    /// Imports the published record of past inspections in one request: 200 with what was imported
    /// and, by position in the request, each inspection refused and why. Importing the same record
    /// again imports nothing twice.
    /// </summary>
    [WolverinePost("/history/imports", Name = "ImportHistory"), Authorize(Policy = Policies.Administration)]
    [ProducesResponseType<ImportReport>(200)]
    public static Task<ImportReport> Post(PublishedRecord record, HistoryImport import, ClaimsPrincipal user, CancellationToken ct) =>
        import.ImportAsync(record, user.Actor(), ct);
}

public sealed class ImportHistoryInput : NetCoreInput
{
    [Description("JSON files, each a published record ({\"source\": …, \"inspections\": […]}), as POST /history/imports takes")]
    public List<string> Files { get; set; } = [];

    [Description("Who is importing (recorded on every event); defaults to the operating-system user")]
    [FlagAlias("as")]
    public string? AsFlag { get; set; }
}

/// <summary><c>dotnet PeelCases.dll import-history record.json …</c>: the same import from files, for an operator.</summary>
[Description("Import the published record of past inspections from JSON files", Name = "import-history")]
public sealed class ImportHistoryCommand : JasperFxAsyncCommand<ImportHistoryInput>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public override async Task<bool> Execute(ImportHistoryInput input)
    {
        using var host = input.BuildHost();
        // The service is not started here: bring the schema (where the service would) and the reference data up to date first.
        var store = host.Services.GetRequiredService<IDocumentStore>();
        if (host.Services.GetRequiredService<IConfiguration>().GetValue("Database:ApplyChangesOnStartup", true))
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await new ReferenceDataSeeder().Populate(store, CancellationToken.None);
        var import = host.Services.GetRequiredService<HistoryImport>();
        var ok = true;
        foreach (var file in input.Files)
        {
            var record = JsonSerializer.Deserialize<PublishedRecord>(await File.ReadAllTextAsync(file), Json);
            var problems = record is null ? null : PublishedRecordRules.Validate(record).ToProblem();
            if (record is null || problems is ValidationProblemDetails)
            {
                Console.Error.WriteLine($"{file}: not a published record. {JsonSerializer.Serialize(problems)}");
                ok = false;
                continue;
            }
            var report = await import.ImportAsync(record, input.AsFlag ?? $"import:{Environment.UserName}", CancellationToken.None);
            Console.WriteLine($"{file}: {report.Imported} imported ({report.Events} events), {report.AlreadyImported} already there, {report.Refused.Count} refused, {report.Seconds:0.0} s");
            foreach (var r in report.Refused) Console.WriteLine($"  refused #{r.Index} {r.ForceId} {r.FrameworkId}: {r.Reason}");
        }
        return ok;
    }
}
