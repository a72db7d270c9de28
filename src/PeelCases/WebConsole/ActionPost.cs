using Marten;

namespace PeelCases.WebConsole;

/// <summary>
/// A console form posted: the named action's command goes to its API operation (ApiOperations). Done, the browser is sent
/// back to the page it came from (post, redirect, get); refused, the page is shown again with the service's own message
/// as an error summary, what was typed, and the API's status (400, 403, 404, 409).
/// </summary>
public static class ActionPost
{
    public static async Task<IResult> Post(HttpContext http, Guid inspectionId, string operation, IFormCollection form,
        IQuerySession session, ApiOperations api, CancellationToken ct)
    {
        if (ConsoleActions.Find(operation) is not { OwnPage: false } action) return await ConsolePages.NotFound(http, $"The console has no action '{operation}' for an inspection.");
        var code = form["questionCode"].ToString() is { Length: > 0 } c ? c : null;
        var route = new Dictionary<string, string> { ["inspectionId"] = inspectionId.ToString() };
        if (code is not null) route["questionCode"] = code;
        var item = action.ItemField is { } field ? form[field].ToString() : null;
        if (item is not null) route[action.ItemField!] = item;
        foreach (var name in action.RouteFields) route[name] = form[name].ToString();
        if (action.ForEarlierFinding)
        {
            // The finding's own inspection routes the call; the note is made in the inspection whose page sent it.
            route["inspectionId"] = form["findingInspectionId"].ToString();
            form = new FormCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>(form) { ["recordedIn"] = inspectionId.ToString() });
        }
        // A pillar's or a flag's forms are told apart by its code, a line's by its number; a recommendation's by its finding.
        var part = action.ForPillar ? route["pillarCode"] : action.ForDraftFlag ? route["flagId"]
            : action.ForLine && int.TryParse(route["number"], out var line) ? ConsoleAction.LineScope(code, line) : null;
        var answer = await api.SendAsync(http, action.ApiOperation, route, action.Command(form));

        var back = form["returnTo"].ToString();
        var onQuestion = code is not null && back == ConsoleRoutes.Question(inspectionId, code);
        if (answer.Succeeded)
            return Results.Redirect((onQuestion ? ConsoleRoutes.Question(inspectionId, code!) : ConsoleRoutes.Inspection(inspectionId)) + "?done=" + action.Operation);

        var error = ConsoleError.From(answer, field => ActionSet.FieldId(action, item ?? part ?? code, ConsoleActions.AsTyped(form, field)),
            onQuestion ? ConsoleRoutes.Question(inspectionId, code!) : ConsoleRoutes.Inspection(inspectionId));
        var typed = new ActionRefusal(action.Operation, code, ConsoleActions.Typed(form));
        return onQuestion
            ? await QuestionScreen.Render(http, inspectionId, code!, new ViewPoint(null, null, null), null, session, api, error, typed, ct, answer.Status)
            : await InspectionScreen.Render(http, inspectionId, session, api, error, typed, ct, answer.Status);
    }
}
