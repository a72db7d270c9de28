using Marten;
using PeelCases.Findings;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.Monitoring;
using PeelCases.ReferenceData;

namespace PeelCases.WebConsole;

/// <summary>One force on the forces page: its monitoring, its latest inspection, and what its published reports still ask of it.</summary>
/// <param name="PccResponsesOverdue">Its published reports whose police and crime commissioner's response is past due and not recorded.</param>
public sealed record ForceLine(Force Force, MonitoringView Monitoring, Inspection? Latest, int OpenConcerns, int OpenAreas, int OpenRecommendations,
    int OverdueRecommendations = 0, int PccResponsesOverdue = 0);

public sealed record ForcesModel(ConsoleChrome Chrome, IReadOnlyList<ForceLine> Lines, MonitoringStage? Stage, bool WithOpenItems, DateOnly Today);

/// <summary>
/// Every force at a glance, the way in to a force's page once its inspections are published and off the board: Scan or
/// Engage (and an improvement plan overdue), its latest inspection, and the open causes of concern, areas for improvement
/// and recommendations of its register. Filtered by monitoring stage, or to forces with something open.
/// </summary>
public static class ForcesScreen
{
    public static async Task<IResult> Get(HttpContext http, string? monitoring, bool? open, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var stage = Enum.TryParse<MonitoringStage>(monitoring, out var s) ? s : (MonitoringStage?)null;
        var batch = session.CreateBatchQuery();
        var forces = batch.Query<Force>().ToList();
        var moves = batch.Query<ForceMonitoring>().ToList();
        var inspections = batch.Query<Inspection>().ToList();
        await batch.Execute(ct);
        var register = RegisterStore.Of(await RegisterStore.SourcesAsync(session, await inspections, ct), null).Where(r => !r.Closed).ToLookup(r => r.ForceId);
        var monitored = (await moves).ToDictionary(m => m.ForceId);
        var latest = (await inspections).GroupBy(i => i.ForceId).ToDictionary(g => g.Key, g => g.MaxBy(i => (i.Year, i.FieldworkStarts)));
        var today = UkTime.Today(clock.GetUtcNow());
        var pccOverdue = (await inspections).Where(i => PccResponse.Overdue(i.PccResponse, i.PccResponseDueOn(), today)).ToLookup(i => i.ForceId);
        var lines = (await forces).OrderBy(f => f.Name).Select(f =>
        {
            var items = register[f.Id].ToList();
            return new ForceLine(f, MonitoringView.Of(f.Id, monitored.GetValueOrDefault(f.Id)), latest.GetValueOrDefault(f.Id),
                items.Count(i => i is { Kind: FindingKind.CauseOfConcern, RecommendationNumber: null }),
                items.Count(i => i is { Kind: FindingKind.AreaForImprovement }), items.Count(i => i.RecommendationNumber is not null),
                items.Count(i => i.OverdueOn(today)), pccOverdue[f.Id].Count());
        }).Where(l => (stage is null || l.Monitoring.Stage == stage) && (open != true || l.OpenConcerns + l.OpenAreas + l.OpenRecommendations > 0)).ToList();
        return await ConsolePages.Render<ForcesPage>(new ForcesModel(ConsolePages.Chrome(http, "Forces", "forces"), lines, stage, open == true, today));
    }
}
