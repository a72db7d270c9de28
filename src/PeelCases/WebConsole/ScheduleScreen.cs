using Marten;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.WebConsole;

/// <param name="Framework">The framework version chosen, whose questions are offered; null until chosen, on the first step.</param>
public sealed record ScheduleModel(ConsoleChrome Chrome, ConsoleAction Action, IReadOnlyList<Force> Forces, IReadOnlyList<AssessmentFramework> Frameworks,
    Force? Force, AssessmentFramework? Framework, string Lead, IReadOnlyList<string> Known, ConsoleError? Error, IReadOnlyDictionary<string, string>? Typed)
{
    public string Id(string field) => ActionSet.FieldId(Action, null, field);
    public string? Value(string field) => Typed?.GetValueOrDefault(field);
}

/// <summary>
/// A lead inspector schedules an inspection in two steps, each a page that works without scripts: the force and the
/// framework first, then (the framework's questions known) which questions, the fieldwork window, the lead inspector and the
/// team. The form goes to the API's own operation; done, the new inspection's page; refused, this page with its words.
/// </summary>
public static class ScheduleScreen
{
    /// <param name="framework">The framework version's key (AssessmentFramework.Key): a version's questions are its own.</param>
    public static async Task<IResult> Get(HttpContext http, string? forceId, string? framework, IQuerySession session, CancellationToken ct)
    {
        // Continue pressed with a choice missing: this step again, with what is missing linked to its field.
        var chosen = http.Request.Query.ContainsKey("forceId") || http.Request.Query.ContainsKey("framework");
        var (forces, frameworks) = await ChoicesAsync(session, ct);
        List<(string, string)> missing = [];
        if (chosen && forces.All(f => f.Id != forceId)) missing.Add(("forceId", "Choose the force to inspect."));
        if (chosen && frameworks.All(f => f.Key != framework)) missing.Add(("framework", "Choose the cycle and framework."));
        return missing.Count == 0
            ? await Render(http, forceId, framework, (forces, frameworks), session, null, null, ct)
            : await Render(http, forceId, framework, (forces, frameworks), session, new ConsoleError("There is a problem", "", missing, ConsoleRoutes.NewInspection),
                null, ct, StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> Render(HttpContext http, string? forceId, string? frameworkKey,
        (IReadOnlyList<Force> Forces, IReadOnlyList<AssessmentFramework> Frameworks) choices, IQuerySession session, ConsoleError? error,
        IReadOnlyDictionary<string, string>? typed, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        var (forces, frameworks) = choices;
        var force = forces.FirstOrDefault(f => f.Id == forceId);
        var framework = frameworks.FirstOrDefault(f => f.Key == frameworkKey);
        var known = framework is null || force is null ? [] : (await TeamChoice.LoadAsync(session, http.User.Actor(), [], ct)).Known;
        var chrome = ConsolePages.Chrome(http, (error is null ? "" : "Error: ") + "Schedule an inspection", "board", [new("Board", ConsoleRoutes.Board)]);
        return await ConsolePages.Render<SchedulePage>(new ScheduleModel(chrome, ConsoleActions.Find("ScheduleInspection")!, forces, frameworks,
            force, framework, http.User.Actor(), known, error, typed), status);
    }

    /// <summary>The forces by name, and every framework version, newest cycle first (a cycle's versions newest first).</summary>
    private static async Task<(IReadOnlyList<Force>, IReadOnlyList<AssessmentFramework>)> ChoicesAsync(IQuerySession session, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var forces = batch.Query<Force>().ToList();
        var frameworks = batch.Query<AssessmentFramework>().ToList();
        await batch.Execute(ct);
        return ((await forces).OrderBy(f => f.Name).ToList(),
            (await frameworks).OrderByDescending(f => f.Year).ThenBy(f => f.Id, StringComparer.Ordinal).ThenByDescending(f => f.Version).ToList());
    }

    public static async Task<IResult> Post(HttpContext http, IFormCollection form, IQuerySession session, ApiOperations api, CancellationToken ct)
    {
        var action = ConsoleActions.Find("ScheduleInspection")!;
        var answer = await api.SendAsync(http, action.ApiOperation, new Dictionary<string, string>(), action.Command(form));
        if (answer.Succeeded)
            return Results.Redirect((System.Guid.TryParse(form["inspectionId"], out var id) ? ConsoleRoutes.Inspection(id) : ConsoleRoutes.Board) + "?done=" + action.Operation);
        var key = AssessmentFramework.KeyOf(form["frameworkId"].ToString(), int.TryParse(form["frameworkVersion"], out var v) ? v : 0);
        var error = ConsoleError.From(answer, field => ActionSet.FieldId(action, null, ConsoleActions.AsTyped(form, field)), ConsoleRoutes.Schedule(form["forceId"], key));
        return await Render(http, form["forceId"], key, await ChoicesAsync(session, ct), session, error, ConsoleActions.Typed(form), ct, answer.Status);
    }
}
