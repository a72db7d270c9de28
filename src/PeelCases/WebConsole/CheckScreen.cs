using PeelCases.Inspections;
using Marten;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.WebConsole;

public sealed record CheckItem(Guid InspectionId, string ForceName, string Cycle, InspectionStage Stage, long Version, FactualAccuracyCheck Check,
    IReadOnlyList<CheckAction> Offered)
{
    public bool Offers(string operation) => Offered.Any(a => a.Operation == operation);
}

public sealed record CheckModel(ConsoleChrome Chrome, IReadOnlyList<CheckItem> Checks, bool Liaison, ConsoleError? Error = null, CheckRefusal? Refused = null)
{
    /// <summary>What was typed into a refused form, given back to the same form only.</summary>
    public string? Typed(string operation, string scope, string field) =>
        Refused is { } r && r.Operation == operation && r.Scope == scope ? r.Typed.GetValueOrDefault(field) : null;
}

/// <summary>
/// Factual accuracy checks. A force liaison sees only their own force's (the force claim of their sign-in, as the API's
/// challenge rules read it); the inspectorate sees every check. Each check offers the forms of the actions the signed-in
/// role's API policy allows and the check's state leaves open (CheckActions).
/// </summary>
public static class CheckScreen
{
    public static Task<IResult> List(HttpContext http, IQuerySession session, ApiOperations api, CancellationToken ct) =>
        Render(http, session, api, null, null, ct);

    public static async Task<IResult> Render(HttpContext http, IQuerySession session, ApiOperations api, ConsoleError? error, CheckRefusal? refused,
        CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        var liaison = http.User.IsInRole(Roles.ForceLiaison) && !Roles.Inspectorate.Any(http.User.IsInRole);
        if (!liaison && !Roles.Inspectorate.Any(http.User.IsInRole)) { await ConsolePages.Forbidden(http); return Results.Empty; }
        var force = http.User.FindFirst("force")?.Value;
        var query = session.Query<Inspection>().Where(i => i.FactualAccuracy != null);
        var inspections = liaison ? await query.Where(i => i.ForceId == force).ToListAsync(ct) : await query.ToListAsync(ct);
        var forces = (await session.Query<Force>().ToListAsync(ct)).ToDictionary(f => f.Id, f => f.Name);
        var allowed = new List<CheckAction>();
        foreach (var action in CheckActions.All)
            if (await api.MayCallAsync(http.User, action.Operation)) allowed.Add(action);
        var checks = inspections.OrderByDescending(i => i.FactualAccuracy!.OpenedAt)
            .Select(i => new CheckItem(i.Id, forces.GetValueOrDefault(i.ForceId, i.ForceId), i.Cycle, i.Stage, i.Version, i.FactualAccuracy!,
                allowed.Where(a => a.OfferedWhen(i.Stage, i.FactualAccuracy!)).ToList())).ToList();
        var chrome = ConsolePages.Chrome(http, (error is null ? "" : "Error: ") + "Factual accuracy checks", "checks");
        return await ConsolePages.Render<CheckPage>(new CheckModel(chrome, checks, liaison, error, refused), status);
    }
}
