using Marten;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.WebConsole;

/// <param name="Framework">The framework chosen (its latest version's questions are offered); null until chosen, on the first step.</param>
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
    public static Task<IResult> Get(HttpContext http, string? forceId, string? frameworkId, IQuerySession session, CancellationToken ct) =>
        Render(http, forceId, frameworkId, session, null, null, ct);

    public static async Task<IResult> Render(HttpContext http, string? forceId, string? frameworkId, IQuerySession session, ConsoleError? error,
        IReadOnlyDictionary<string, string>? typed, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        var forces = (await session.Query<Force>().ToListAsync(ct)).OrderBy(f => f.Name).ToList();
        // Newest cycle first; each framework once, as its latest version.
        var frameworks = (await session.Query<AssessmentFramework>().ToListAsync(ct)).GroupBy(f => f.Id).Select(g => g.MaxBy(f => f.Version)!)
            .OrderByDescending(f => f.Year).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
        var force = forces.FirstOrDefault(f => f.Id == forceId);
        var framework = force is null ? null : frameworks.FirstOrDefault(f => f.Id == frameworkId);
        var known = framework is null ? [] : (await TeamChoice.LoadAsync(session, http.User.Actor(), [], ct)).Known;
        var chrome = ConsolePages.Chrome(http, (error is null ? "" : "Error: ") + "Schedule an inspection", "board", [new("Board", ConsoleRoutes.Board)]);
        return await ConsolePages.Render<SchedulePage>(new ScheduleModel(chrome, ConsoleActions.Find("ScheduleInspection")!, forces, frameworks,
            force, framework, http.User.Actor(), known, error, typed), status);
    }

    public static async Task<IResult> Post(HttpContext http, IFormCollection form, IQuerySession session, ApiOperations api, CancellationToken ct)
    {
        var action = ConsoleActions.Find("ScheduleInspection")!;
        var answer = await api.SendAsync(http, action.ApiOperation, new Dictionary<string, string>(), action.Command(form));
        if (answer.Succeeded) return Results.Redirect(ConsoleRoutes.Inspection(System.Guid.Parse(form["inspectionId"]!)) + "?done=" + action.Operation);
        var error = ConsoleError.From(answer, field => ActionSet.FieldId(action, null, ConsoleActions.AsTyped(form, field)),
            ConsoleRoutes.Schedule(form["forceId"], form["frameworkId"]));
        return await Render(http, form["forceId"], form["frameworkId"], session, error, ConsoleActions.Typed(form), ct, answer.Status);
    }
}
