using System.Text.Json;

namespace PeelCases.Kernel;

/// <summary>
/// A NUL character (<c>\u0000</c>) in a request's text is refused (400) before any endpoint reads it, because
/// PostgreSQL's jsonb cannot store it and the write would otherwise fail half-way (a 500 and a tombstone row).
/// The body is read token by token, so only a decoded NUL counts, not the six characters of its escape.
/// </summary>
public static class NoNulStrings
{
    public static bool InAddress(HttpRequest request) =>
        request.Query.Any(q => q.Key.Contains('\0') || q.Value.Any(v => v?.Contains('\0') == true)) || request.Path.Value?.Contains('\0') == true;

    /// <summary>True when a JSON body holds a string with a NUL; malformed JSON is left to the endpoint to refuse.</summary>
    public static bool InJson(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        try
        {
            while (reader.Read())
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped && reader.GetString()!.Contains('\0'))
                    return true;
        }
        catch (JsonException)
        {
        }
        return false;
    }
}
