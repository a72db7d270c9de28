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
/// <param name="Plan">The improvement plan form's action, when the signed-in role may record it (an HMI) and the force is at Engage.</param>
/// <param name="Refused">The operation whose form was refused: what was typed goes back to that form only.</param>
/// <param name="Redact">The redaction form's action, when the signed-in role may redact and the record holds something.</param>
public sealed record ForceModel(ConsoleChrome Chrome, Force Force, MonitoringView Monitoring, IReadOnlyList<Inspection> Inspections,
    IReadOnlyList<RegisterItem> Register, IReadOnlyList<RegisterItem> Concerns, GradeHistoryView History, ConsoleAction? Move, ConsoleError? Error,
    IReadOnlyDictionary<string, string>? Typed, DateOnly Today, ConsoleAction? Plan = null, string? Refused = null, ConsoleAction? Redact = null)
{
    public string Id(string field) => Id(Move!, field);
    public string Id(ConsoleAction action, string field) => ActionSet.FieldId(action, Force.Id, field);
    public string? Value(string field) => Value(Move!, field);
    public string? Value(ConsoleAction action, string field) => Refused == action.Operation ? Typed?.GetValueOrDefault(field) : null;
}

/// <summary>
/// A force: its monitoring (Scan or Engage, why, the causes of concern that led there, every move), its inspections, its
/// register of open areas for improvement, causes of concern and recommendations, and the judgments that stand for it,
/// read through the API's own query functions. An HMI moves the force here, and records the improvement plan a force at
/// Engage sent, through the API's operations.
/// </summary>
public static class ForceScreen
{
    public static Task<IResult> Get(HttpContext http, string forceId, IQuerySession session, ApiOperations api, TimeProvider clock, CancellationToken ct) =>
        Render(http, forceId, session, api, clock, null, null, ct);

    public static async Task<IResult> Render(HttpContext http, string forceId, IQuerySession session, ApiOperations api, TimeProvider clock, ConsoleError? error,
        IReadOnlyDictionary<string, string>? typed, CancellationToken ct, int status = StatusCodes.Status200OK, string? refused = null)
    {
        if (await session.LoadAsync<Force>(forceId, ct) is not { } force) return await ConsolePages.NotFound(http, $"There is no force with code '{forceId}'.");
        var monitoring = await MonitoringView.ReadAsync(session, force.Id, ct);
        var inspections = (await session.Query<Inspection>().Where(i => i.ForceId == force.Id).ToListAsync(ct)).OrderByDescending(i => i.Year).ToList();
        var register = RegisterStore.Of(await RegisterStore.SourcesAsync(session, inspections, ct), null);
        var history = await GradeHistoryQueries.ReadAsync(session, force.Id, ct);
        var move = ConsoleActions.Find("ChangeMonitoringStage")!;
        var plan = ConsoleActions.Find("RecordImprovementPlan")!;
        var redact = ConsoleActions.Find("RedactMonitoring")!;
        var chrome = ConsolePages.Chrome(http, (error is null ? "" : "Error: ") + force.Name, "forces", [new("Forces", ConsoleRoutes.Forces)]);
        var open = register.Where(r => !r.Closed).ToList();
        var concerns = open.Where(r => r is { Kind: FindingKind.CauseOfConcern, RecommendationNumber: null }).ToList();
        return await ConsolePages.Render<ForcePage>(new ForceModel(chrome, force, monitoring, inspections, open, concerns, history,
            await api.MayCallAsync(http.User, move.Operation) ? move : null, error, typed,
            UkTime.Today(clock.GetUtcNow()),
            monitoring.Stage == MonitoringStage.Engage && await api.MayCallAsync(http.User, plan.Operation) ? plan : null, refused,
            RedactMonitoringRules.HoldsText(monitoring.Moves, monitoring.ImprovementPlans ?? []) && await api.MayCallAsync(http.User, redact.Operation) ? redact : null),
            status);
    }

    /// <summary>Done, back to the force's page (post, redirect, get); refused, the page again with the API's words and what was typed.</summary>
    public static async Task<IResult> Post(HttpContext http, string forceId, string operation, IFormCollection form, IQuerySession session, ApiOperations api,
        TimeProvider clock, CancellationToken ct)
    {
        if (ConsoleActions.Find(operation) is not { ForForce: true } action) return await ConsolePages.NotFound(http, $"The console has no action '{operation}' for a force.");
        var answer = await api.SendAsync(http, operation, new Dictionary<string, string> { ["forceId"] = forceId }, action.Command(form));
        if (answer.Succeeded) return Results.Redirect(ConsoleRoutes.Force(forceId) + "?done=" + action.Operation);
        var error = ConsoleError.From(answer, field => ActionSet.FieldId(action, forceId, field), ConsoleRoutes.Force(forceId));
        return await Render(http, forceId, session, api, clock, error, ConsoleActions.Typed(form), ct, answer.Status, action.Operation);
    }
}
