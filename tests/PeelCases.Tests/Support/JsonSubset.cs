using System.Text.Json.Nodes;

namespace PeelCases.Tests.Support;

/// <summary>
/// "Everything the earlier answer said is still said the same way": every property of the
/// expected JSON is present in the actual JSON with an equal value, arrays element by element.
/// New properties are allowed, so additive changes to a response do not break stored answers.
/// </summary>
public static class JsonSubset
{
    public static IEnumerable<string> Differences(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected)
        {
            case null:
                if (actual is not null) yield return $"{path}: expected null, got {actual.ToJsonString()}";
                yield break;
            case JsonObject e when actual is JsonObject a:
                foreach (var (key, value) in e)
                {
                    if (!a.ContainsKey(key)) { yield return $"{path}.{key}: missing"; continue; }
                    foreach (var d in Differences(value, a[key], $"{path}.{key}")) yield return d;
                }
                yield break;
            case JsonArray e when actual is JsonArray a:
                if (e.Count != a.Count) { yield return $"{path}: {e.Count} items expected, {a.Count} found"; yield break; }
                for (var i = 0; i < e.Count; i++)
                    foreach (var d in Differences(e[i], a[i], $"{path}[{i}]")) yield return d;
                yield break;
            case JsonValue when actual is JsonValue && JsonNode.DeepEquals(expected, actual):
                yield break;
            default:
                yield return $"{path}: expected {expected.ToJsonString()}, got {actual?.ToJsonString() ?? "nothing"}";
                yield break;
        }
    }
}
