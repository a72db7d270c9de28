using Marten;
using PeelCases.FactualAccuracy;
using PeelCases.Inspections;

namespace PeelCases.WebConsole;

/// <summary>
/// What the factual accuracy check page offers: the force's liaison raises challenges and says when the force has no
/// further comments; the lead inspector answers each challenge and closes the check early. Each is its API operation,
/// called as the signed-in user (ApiOperations), so the API's policy, the force rule and the deadline decide.
/// </summary>
public sealed record CheckAction(string Operation, string Label, bool PerChallenge, Func<InspectionStage, FactualAccuracyCheck, bool> OfferedWhen,
    Func<IFormCollection, object> Command);

/// <summary>A refused check form: which action, for which check or challenge, and what was typed (so nothing is lost).</summary>
public sealed record CheckRefusal(string Operation, string Scope, IReadOnlyDictionary<string, string> Typed);

public static class CheckActions
{
    // Only what the check's state leaves open is offered; the API decides the rest (the deadline, the force, the version).
    private static bool Open(InspectionStage stage, FactualAccuracyCheck check) => stage == InspectionStage.FactualAccuracyCheck && check.ClosedAt is null;

    public static readonly IReadOnlyList<CheckAction> All =
    [
        new("RaiseChallenge", "Challenge a fact in the draft", false, Open, f =>
            new RaiseChallenge(ConsoleActions.Guid(f, "challengeId"), ConsoleActions.Text(f, "text"), ConsoleActions.Guid(f, "findingId"))),
        new("ConfirmNoFurtherComments", "Confirm the force has no further comments", false,
            (stage, check) => Open(stage, check) && check.NoFurtherComments is null, _ => new { }),
        new("ResolveChallenge", "Answer the challenge", true, (_, check) => check.Challenges.Any(c => c.Accepted is null), f =>
            new ResolveChallenge(f["accepted"].ToString() switch { "true" => true, "false" => false, _ => null }, ConsoleActions.Text(f, "reason"),
                ConsoleActions.Long(f, "expectedVersion"))),
        // Personal data in a challenge or its answer, removed at any time once raised (the lead inspector's or an administrator's).
        new("RedactChallenge", "Remove personal data", true, (_, check) => check.Challenges.Any(Redactable), f =>
            new RedactText(ConsoleActions.Text(f, "reason"), ConsoleActions.Long(f, "expectedVersion"))),
        new("CloseFactualAccuracyCheckEarly", "Close the check early", false, (stage, check) => Open(stage, check) && check.NoFurtherComments is not null,
            f => new InspectionStep(ConsoleActions.Long(f, "expectedVersion"))),
    ];

    /// <summary>A challenge with free text not yet redacted (RedactChallengeRules refuses one without).</summary>
    public static bool Redactable(Challenge challenge) => !PeelCases.Kernel.TextMask.IsMasked(challenge);

    public static CheckAction? Find(string operation) => All.FirstOrDefault(a => a.Operation == operation);

    /// <summary>Done, back to the checks (post, redirect, get); refused, the page again with the API's words and what was typed.</summary>
    public static async Task<IResult> Post(HttpContext http, Guid inspectionId, string operation, IFormCollection form,
        IQuerySession session, ApiOperations api, CancellationToken ct)
    {
        if (Find(operation) is not { } action) return await ConsolePages.NotFound(http, $"The console has no action '{operation}'.");
        var route = new Dictionary<string, string> { ["inspectionId"] = inspectionId.ToString() };
        var challenge = form["challengeId"].ToString();
        if (action.PerChallenge) route["challengeId"] = challenge;
        var answer = await api.SendAsync(http, operation, route, action.Command(form));
        if (answer.Succeeded) return Results.Redirect(ConsoleRoutes.Checks + "?done=" + action.Operation);

        var scope = action.PerChallenge ? challenge : inspectionId.ToString();
        var error = ConsoleError.From(answer, field => FieldId(action.Operation, scope, field), ConsoleRoutes.Checks);
        return await CheckScreen.Render(http, session, api, error, new CheckRefusal(action.Operation, scope, ConsoleActions.Typed(form)), ct, answer.Status);
    }

    /// <summary>A form field's id, unique on a page with several checks and challenges (the error summary links to it).</summary>
    public static string FieldId(string operation, string scope, string field) => $"{operation}-{scope}-{field}";
}
