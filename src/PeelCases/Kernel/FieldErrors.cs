using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace PeelCases.Kernel;

/// <summary>Collects field-level problems of a request so they are all reported at once.</summary>
public sealed class FieldErrors
{
    public const int ShortText = 200;
    public const int LongText = 20_000;
    public const int MaxListItems = 100;

    private readonly Dictionary<string, List<string>> _errors = new();

    public bool Any => _errors.Count > 0;

    public FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public FieldErrors Text(string field, string? value, int max = ShortText, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, $"{field} is required.");
        }
        else if (value.Length > max) Add(field, $"{field} is {value.Length} characters long; the limit is {max}.");
        // Prose (longer than a short text) may run over lines; names, codes and headings are one line.
        else if (UnsafeText.Problem(value, lineBreaksAllowed: max > ShortText) is { } problem) Add(field, $"{field} contains {problem}, which text may not hold.");
        return this;
    }

    public FieldErrors Required<T>(string field, T? value) where T : struct
    {
        if (value is null) Add(field, $"{field} is required.");
        return this;
    }

    public FieldErrors NotEmpty(string field, Guid? value)
    {
        if (value == Guid.Empty) Add(field, $"{field} must not be the empty id.");
        return this;
    }

    public FieldErrors List<T>(string field, IReadOnlyCollection<T>? items, int max = MaxListItems, bool required = true)
    {
        if (items is null || items.Count == 0)
        {
            if (required) Add(field, $"{field} needs at least one item.");
        }
        else if (items.Count > max) Add(field, $"{field} has {items.Count} items; the limit is {max}.");
        return this;
    }

    /// <summary>Every item of a list of short texts must be present and within the limit.</summary>
    public FieldErrors Texts(string field, IReadOnlyList<string>? items, int max = ShortText)
    {
        foreach (var (item, i) in (items ?? []).Select((x, i) => (x, i))) Text($"{field}[{i}]", item, max);
        return this;
    }

    public Refusal? ToRefusal() => Any
        ? new Refusal(StatusCodes.Status400BadRequest, "The request is not valid",
            string.Join(" ", _errors.SelectMany(e => e.Value)),
            _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()))
        : null;

    /// <summary>For Wolverine's Validate convention: NoProblems lets the endpoint run.</summary>
    public ProblemDetails ToProblem() => ToRefusal()?.ToProblemDetails() ?? WolverineContinue.NoProblems;

    /// <summary>Validates a request body, which JSON <c>null</c> leaves missing.</summary>
    public static ProblemDetails Check<T>(T? command, Func<T, FieldErrors> validate) where T : class =>
        command is null
            ? new FieldErrors().Add("body", "The request body is missing; send a JSON object.").ToProblem()
            : validate(command).ToProblem();
}
