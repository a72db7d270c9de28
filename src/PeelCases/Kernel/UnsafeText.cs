using System.Text.Json;

namespace PeelCases.Kernel;

/// <summary>
/// Characters no text field may hold, refused (400, naming the field) before any endpoint reads the request:
/// NUL (PostgreSQL's jsonb cannot store it: the write would fail half-way), other control characters (ESC, BEL,
/// DEL and C1: they rewrite a terminal or a log line), and the bidirectional overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069) that make text read differently from what is stored. Tab, line feed and
/// carriage return pass here, as long text needs them; <see cref="FieldErrors.Text"/> refuses them in
/// single-line fields.
/// </summary>
public static class UnsafeText
{
    /// <summary>What is wrong with the first unsafe character of <paramref name="text"/>, or null.</summary>
    public static string? Problem(string? text, bool lineBreaksAllowed = true)
    {
        foreach (var c in text ?? "")
            if (Describe(c, lineBreaksAllowed) is { } what) return what;
        return null;
    }

    private static string? Describe(char c, bool lineBreaksAllowed) => c switch
    {
        '\0' => "a NUL character (U+0000)",
        '\t' or '\n' or '\r' => lineBreaksAllowed ? null : $"a tab or line break (U+{(int)c:X4}); this field is a single line",
        < ' ' or '\u007f' or (>= '\u0080' and <= '\u009f') => $"a control character (U+{(int)c:X4})",
        (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069') => $"a bidirectional override (U+{(int)c:X4})",
        _ => null,
    };

    /// <summary>The first query value or path with an unsafe character, as (field, problem); line breaks are never allowed there.</summary>
    public static (string Field, string Problem)? InAddress(HttpRequest request)
    {
        if (Problem(request.Path.Value, lineBreaksAllowed: false) is { } inPath) return ("path", inPath);
        foreach (var (key, values) in request.Query)
        {
            if (Problem(key, lineBreaksAllowed: false) is { } inKey) return ("query", inKey);
            foreach (var value in values)
                if (Problem(value, lineBreaksAllowed: false) is { } inValue) return (key, inValue);
        }
        return null;
    }

    /// <summary>
    /// The first string (or property name) of a JSON body with an unsafe character, as (path, problem), the path
    /// written as the field errors are ("inspections[0].questions[1].summary"). Malformed JSON is left to the
    /// endpoint to refuse.
    /// </summary>
    public static (string Field, string Problem)? InJson(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var path = new List<Step>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        path[^1] = path[^1] with { Name = name };
                        if (Problem(name, lineBreaksAllowed: false) is { } inName) return (Render(path), inName);
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        continue;
                }
                // A value: the next item of an array, or the value of the property just named.
                if (path.Count > 0 && path[^1].IsArray) path[^1] = path[^1] with { Index = path[^1].Index + 1 };
                if (reader.TokenType == JsonTokenType.String && Problem(reader.GetString()) is { } inValue)
                    return (path.Count == 0 ? "body" : Render(path), inValue);
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    path.Add(new Step(reader.TokenType == JsonTokenType.StartArray, -1, null));
            }
        }
        catch (JsonException)
        {
        }
        return null;
    }

    private readonly record struct Step(bool IsArray, int Index, string? Name);

    private static string Render(List<Step> path) =>
        string.Concat(path.Select((s, i) => s.IsArray ? $"[{s.Index}]" : i == 0 ? s.Name : "." + s.Name)).TrimStart('.');
}
