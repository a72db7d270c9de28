using PeelCases.Inspections;
using Marten;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.WebConsole;

public sealed record CheckItem(Guid InspectionId, string ForceName, string Cycle, InspectionStage Stage, FactualAccuracyCheck Check);

public sealed record CheckModel(ConsoleChrome Chrome, IReadOnlyList<CheckItem> Checks, bool Liaison);

/// <summary>
/// Factual accuracy checks. A force liaison sees only their own force's (the force claim of their sign-in, as the API's
/// challenge rules read it); the inspectorate sees every check.
/// </summary>
public static class CheckScreen
{
    public static async Task<IResult> List(HttpContext http, IQuerySession session, CancellationToken ct)
    {
        var liaison = http.User.IsInRole(Roles.ForceLiaison) && !Roles.Inspectorate.Any(http.User.IsInRole);
        if (!liaison && !Roles.Inspectorate.Any(http.User.IsInRole)) { await ConsolePages.Forbidden(http); return Results.Empty; }
        var force = http.User.FindFirst("force")?.Value;
        var query = session.Query<Inspection>().Where(i => i.FactualAccuracy != null);
        var inspections = liaison ? await query.Where(i => i.ForceId == force).ToListAsync(ct) : await query.ToListAsync(ct);
        var forces = (await session.Query<Force>().ToListAsync(ct)).ToDictionary(f => f.Id, f => f.Name);
        var checks = inspections.OrderByDescending(i => i.FactualAccuracy!.OpenedAt)
            .Select(i => new CheckItem(i.Id, forces.GetValueOrDefault(i.ForceId, i.ForceId), i.Cycle, i.Stage, i.FactualAccuracy!)).ToList();
        return await ConsolePages.Render<CheckPage>(new CheckModel(ConsolePages.Chrome(http, "Factual accuracy checks", "checks"), checks, liaison));
    }
}
