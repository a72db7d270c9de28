using Marten;
using PeelCases.Findings;
using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.Monitoring;
using PeelCases.ReferenceData;

namespace PeelCases.WebConsole;

/// <param name="Concerns">The force's published causes of concern still open: what a move to Engage may name.</param>
/// <param name="Move">The move form's action, when the signed-in role may move the force (an HMI).</param>
public sealed record ForceModel(ConsoleChrome Chrome, Force Force, MonitoringView Monitoring, IReadOnlyList<Inspection> Inspections,
    IReadOnlyList<RegisterItem> Register, IReadOnlyList<RegisterItem> Concerns, GradeHistoryView History, ConsoleAction? Move, ConsoleError? Error,
    IReadOnlyDictionary<string, string>? Typed, DateOnly Today)
{
    public string Id(string field) => ActionSet.FieldId(Move!, Force.Id, field);
    public string? Value(string field) => Typed?.GetValueOrDefault(field);
}

/// <summary>
/// A force: its monitoring (Scan or Engage, why, the causes of concern that led there, every move), its inspections, its
/// register of open areas for improvement, causes of concern and recommendations, and the judgments that stand for it,
/// read through the API's own query functions. An HMI moves the force here, through the API's operation.
/// </summary>
public static class ForceScreen
{
    public static Task<IResult> Get(HttpContext http, string forceId, IQuerySession session, ApiOperations api, TimeProvider clock, CancellationToken ct) =>
        Render(http, forceId, session, api, clock, null, null, ct);

    public static async Task<IResult> Render(HttpContext http, string forceId, IQuerySession session, ApiOperations api, TimeProvider clock, ConsoleError? error,
        IReadOnlyDictionary<string, string>? typed, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        if (await session.LoadAsync<Force>(forceId, ct) is not { } force) return await ConsolePages.NotFound(http, $"There is no force with code '{forceId}'.");
        var monitoring = await MonitoringView.ReadAsync(session, force.Id, ct);
        var inspections = (await session.Query<Inspection>().Where(i => i.ForceId == force.Id).ToListAsync(ct)).OrderByDescending(i => i.Year).ToList();
        var register = RegisterStore.Of(await RegisterStore.SourcesAsync(session, inspections, ct), null);
        var history = await GradeHistoryQueries.ReadAsync(session, force.Id, ct);
        var move = ConsoleActions.Find("ChangeMonitoringStage")!;
        var chrome = ConsolePages.Chrome(http, (error is null ? "" : "Error: ") + force.Name, "forces", [new("Forces", ConsoleRoutes.Forces)]);
        var open = register.Where(r => !r.Closed).ToList();
        var concerns = open.Where(r => r is { Kind: FindingKind.CauseOfConcern, RecommendationNumber: null }).ToList();
        return await ConsolePages.Render<ForcePage>(new ForceModel(chrome, force, monitoring, inspections, open, concerns, history,
            await api.MayCallAsync(http.User, move.Operation) ? move : null, error, typed,
            UkTime.Today(clock.GetUtcNow())), status);
    }

    /// <summary>Done, back to the force's page (post, redirect, get); refused, the page again with the API's words and what was typed.</summary>
    public static async Task<IResult> Post(HttpContext http, string forceId, string operation, IFormCollection form, IQuerySession session, ApiOperations api,
        TimeProvider clock, CancellationToken ct)
    {
        if (ConsoleActions.Find(operation) is not { ForForce: true } action) return await ConsolePages.NotFound(http, $"The console has no action '{operation}' for a force.");
        var answer = await api.SendAsync(http, operation, new Dictionary<string, string> { ["forceId"] = forceId }, action.Command(form));
        if (answer.Succeeded) return Results.Redirect(ConsoleRoutes.Force(forceId) + "?done=" + action.Operation);
        var error = ConsoleError.From(answer, field => ActionSet.FieldId(action, forceId, field), ConsoleRoutes.Force(forceId));
        return await Render(http, forceId, session, api, clock, error, ConsoleActions.Typed(form), ct, answer.Status);
    }
}
