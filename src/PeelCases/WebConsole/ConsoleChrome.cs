namespace PeelCases.WebConsole;

/// <summary>What every console page carries around its content: title, signed-in person, the response's nonce, the anti-forgery token.</summary>
public sealed record ConsoleChrome(string Title, string Section, string Nonce, string? User, string? Role, string? Antiforgery,
    IReadOnlyList<Breadcrumb>? Breadcrumbs = null, string? Notice = null, bool Inspectorate = false);

public sealed record Breadcrumb(string Text, string Href);

/// <summary>A refusal from the API, shown as a GOV.UK error summary with the service's own message and a way to reload.</summary>
public sealed record ConsoleError(string Title, string Detail, IReadOnlyList<(string Field, string Message)> Fields, string ReloadHref)
{
    /// <summary>A refusal a query function answered (a point in the record it cannot give, a comparison it cannot make).</summary>
    public static ConsoleError From(Microsoft.AspNetCore.Mvc.ProblemDetails problem, string reload) =>
        new(problem.Title ?? "There is a problem", problem.Detail ?? "", [], reload);

    /// <summary>An API operation's refusal of a console form: its words, each field's message linked to that field of the form.</summary>
    public static ConsoleError From(ApiAnswer answer, Func<string, string> fieldId, string reload) =>
        new(answer.Title ?? "There is a problem", answer.Detail ?? "The service refused this.",
            (answer.Errors ?? new Dictionary<string, string[]>()).SelectMany(e => e.Value.Select(m => (fieldId(e.Key), ConsoleText.Refusal(e.Key, m)))).ToList(), reload);
}

public static class ConsoleRoutes
{
    public const string Root = "/console";
    public const string SignIn = "/console/sign-in";
    public const string SignOut = "/console/sign-out";
    public const string SignInWithProvider = "/console/sign-in/provider";
    public const string Board = "/console/board";
    public const string Forces = "/console/forces";
    public const string Moderation = "/console/moderation";
    public const string Checks = "/console/checks";
    public const string Proposers = "/console/moderation/proposers";

    public static string Inspection(Guid id) => $"/console/inspections/{id}";
    public static string Question(Guid id, string code) => $"/console/inspections/{id}/questions/{Uri.EscapeDataString(code)}";
    public static string Comparison(string cycle, string question, string? tranche = null) =>
        $"/console/moderation/comparison?cycle={Uri.EscapeDataString(cycle)}&question={Uri.EscapeDataString(question)}"
        + (tranche is null ? "" : $"&tranche={Uri.EscapeDataString(tranche)}");
    public static string ReportPreview(Guid id) => $"/console/inspections/{id}/report";
    public static string Check(Guid id) => $"/console/inspections/{id}/check";
    public static string Force(string forceId) => $"/console/forces/{Uri.EscapeDataString(forceId)}";
    public const string NewInspection = "/console/inspections/new";
    public static string Schedule(string? forceId, string? framework) =>
        $"{NewInspection}?forceId={Uri.EscapeDataString(forceId ?? "")}&framework={Uri.EscapeDataString(framework ?? "")}";
}
