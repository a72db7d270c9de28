using Microsoft.AspNetCore.Mvc;

namespace PeelCases.Kernel;

/// <summary>
/// Why a command was turned down, in words a person can act on. Decision functions return
/// one instead of throwing, so they stay pure and easy to test; endpoints turn it into an
/// RFC 9457 ProblemDetails response.
/// </summary>
public sealed record Refusal(int Status, string Title, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static Refusal Invalid(string field, string message) =>
        new(StatusCodes.Status400BadRequest, "The request is not valid", message,
            new Dictionary<string, string[]> { [field] = [message] });

    public static Refusal NotFound(string detail) =>
        new(StatusCodes.Status404NotFound, "Not found", detail);

    /// <summary>This person may not do this to this record, whatever their role allows elsewhere.</summary>
    public static Refusal Forbidden(string detail) =>
        new(StatusCodes.Status403Forbidden, "Forbidden", detail);

    /// <summary>A rule of the inspection process forbids this now.</summary>
    public static Refusal ProcessRule(string detail) =>
        new(StatusCodes.Status409Conflict, "Not allowed at this point in the process", detail);

    public static Refusal StaleVersion(string what, long expected, long actual) =>
        new(StatusCodes.Status409Conflict, "Stale version",
            $"You sent expected version {expected} but the {what} is now at version {actual}. Reload it, check what changed and try again.");

    public ProblemDetails ToProblemDetails()
    {
        var problem = Errors is null
            ? new ProblemDetails()
            : new ValidationProblemDetails(Errors.ToDictionary(e => e.Key, e => e.Value));
        problem.Status = Status;
        problem.Title = Title;
        problem.Detail = Detail;
        problem.Type = $"https://peelcases.dev/problems/{Status}";
        return problem;
    }

    public IResult ToResult() => Results.Problem(ToProblemDetails());
}

/// <summary>
/// The command's effect is already in the record — a resend, or a step the workflow has already
/// taken: a success that appends nothing. Not a refusal.
/// </summary>
public sealed record AlreadyDone(string Why);

/// <summary>The outcome of a decision: what happened, that it had already happened, or why not.</summary>
public readonly record struct Decision<T>(T? Value, Refusal? Refusal, AlreadyDone? Done = null) where T : class
{
    public static implicit operator Decision<T>(T value) => new(value, null);
    public static implicit operator Decision<T>(Refusal refusal) => new(null, refusal);
    public static implicit operator Decision<T>(AlreadyDone done) => new(null, null, done);
}
