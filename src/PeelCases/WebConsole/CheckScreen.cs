using PeelCases.FactualAccuracy;
using PeelCases.Findings;
using PeelCases.Inspections;
using Marten;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.WebConsole;

/// <param name="Findings">The inspection's findings, withdrawn ones too, loaded only where a challenge may name one or names one.</param>
/// <param name="Redactions">The inspection's redactions, a challenge's among them.</param>
public sealed record CheckItem(Guid InspectionId, string ForceName, string Cycle, InspectionStage Stage, long Version, FactualAccuracyCheck Check,
    IReadOnlyList<CheckAction> Offered, IReadOnlyList<Finding> Findings, IReadOnlyList<InspectionRedaction> Redactions)
{
    /// <summary>Who last removed personal data from the challenge, when and why.</summary>
    public RedactionStamp? Redacted(Challenge challenge) =>
        InspectionRedaction.Latest(Redactions, RedactChallengeRules.What(challenge.Id));

    public bool Offers(string operation) => Offered.Any(a => a.Operation == operation);

    /// <summary>What a new challenge may name: the findings the draft prints, in question order.</summary>
    public IEnumerable<Finding> Challengeable => Findings.Where(f => !f.Withdrawn).OrderBy(f => f.QuestionCode).ThenBy(f => f.DraftedAt);

    /// <summary>The finding a challenge names, in the words of its kind and heading.</summary>
    public string? Named(Challenge challenge) =>
        challenge.FindingId is { } id && Findings.FirstOrDefault(f => f.Id == id) is { } f ? ConsoleText.Finding(f) : null;
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
        var offered = inspections.ToDictionary(i => i.Id, i => allowed.Where(a => a.OfferedWhen(i.Stage, i.FactualAccuracy!)).ToList());
        // Findings only for the checks whose page names them: a challenge may be raised, or one names a finding.
        var naming = inspections.Where(i => offered[i.Id].Any(a => a.Operation == "RaiseChallenge") || i.FactualAccuracy!.Challenges.Any(c => c.FindingId is not null))
            .Select(i => i.Id).ToList();
        var findings = (naming.Count == 0 ? [] : await session.Query<Finding>().Where(f => f.InspectionId.IsOneOf(naming)).ToListAsync(ct)).ToLookup(f => f.InspectionId);
        var checks = inspections.OrderByDescending(i => i.FactualAccuracy!.OpenedAt)
            .Select(i => new CheckItem(i.Id, forces.GetValueOrDefault(i.ForceId, i.ForceId), i.Cycle, i.Stage, i.Version, i.FactualAccuracy!,
                offered[i.Id], findings[i.Id].ToList(), i.Redactions)).ToList();
        var chrome = ConsolePages.Chrome(http, (error is null ? "" : "Error: ") + "Factual accuracy checks", "checks");
        return await ConsolePages.Render<CheckPage>(new CheckModel(chrome, checks, liaison, error, refused), status);
    }
}
