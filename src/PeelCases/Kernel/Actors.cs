using System.Security.Claims;

namespace PeelCases.Kernel;

public static class Roles
{
    public const string Inspector = "inspector";
    public const string LeadInspector = "lead-inspector";
    public const string QaReviewer = "qa-reviewer";
    public const string Moderator = "moderator";
    public const string Hmi = "hmi";
    public const string ForceLiaison = "force-liaison";
    public const string Administrator = "administrator";

    public static readonly IReadOnlyList<string> All =
        [Inspector, LeadInspector, QaReviewer, Moderator, Hmi, ForceLiaison, Administrator];

    /// <summary>Everyone inside the inspectorate (not force liaisons, not the public).</summary>
    public static readonly string[] Inspectorate = [Inspector, LeadInspector, QaReviewer, Moderator, Hmi, Administrator];

    /// <summary>A role in a sentence: "a QA reviewer", "an HM Inspector".</summary>
    public static string Name(string role) => role switch
    {
        QaReviewer => "a QA reviewer",
        Hmi => "an HM Inspector",
        Inspector => "an inspector",
        Administrator => "an administrator",
        _ => "a " + role.Replace('-', ' '),
    };
}

public static class Policies
{
    public const string Inspectorate = "inspectorate";
    public const string Planning = "planning";
    public const string Fieldwork = "fieldwork";
    public const string Awarding = "awarding";
    public const string QualityAssurance = "quality-assurance";
    public const string Moderation = "moderation";
    public const string SignOff = "sign-off";
    public const string FactualAccuracy = "factual-accuracy";
    public const string Redaction = "redaction";
    public const string Administration = "administration";
    public const string DraftReview = "draft-review";
}

public static class ActorExtensions
{
    /// <summary>The acting user, always from the authenticated token, never from a request body.</summary>
    public static string Actor(this ClaimsPrincipal user) =>
        user.FindFirstValue("sub") ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.Identity?.Name
        ?? throw new InvalidOperationException("An authenticated user is required; the endpoint must demand authorization.");
}
