using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace PeelCases.Kernel;

/// <summary>
/// The one register of free text: every string field of an event (or of a record it carries) that a person wrote —
/// evidence, reasons, rationales, comments, notes, challenges, summaries, findings — and that may therefore hold
/// personal data. Codes (<see cref="TextFields.Codes"/>) and the ids of the people who acted (<see cref="TextFields.IsPerson"/>)
/// are not free text. Redaction masks exactly these fields (the masking rules are generated from this register,
/// Host/ServiceSetup) and a test keeps the list of them under review (FreeTextRegisterTests).
/// </summary>
public static class TextMask
{
    public const string Marker = "[redacted]";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public static bool IsFreeText(PropertyInfo p) =>
        (p.PropertyType == typeof(string) || typeof(IEnumerable<string>).IsAssignableFrom(p.PropertyType))
        && !TextFields.Codes.Contains(p.Name) && !TextFields.References.Contains(p.Name) && !TextFields.IsPerson(p.Name);

    /// <summary>Every free-text field of <paramref name="type"/>, as paths ("Content.Summary", "Recommendations[].Text").</summary>
    public static IReadOnlyList<string> FieldsOf(Type type) => Walk(type, "", []).ToList();

    private static IEnumerable<string> Walk(Type type, string prefix, HashSet<Type> seen)
    {
        if (!seen.Add(type)) yield break;
        foreach (var p in Properties(type))
        {
            if (IsFreeText(p)) yield return prefix + p.Name;
            else if (Nested(p.PropertyType) is { } nested)
                foreach (var inner in Walk(nested, prefix + p.Name + (nested == p.PropertyType ? "." : "[]."), seen)) yield return inner;
        }
        seen.Remove(type);
    }

    /// <summary>A copy of <paramref name="value"/> with every free-text field replaced by <see cref="Marker"/>; everything else kept.</summary>
    public static T Mask<T>(T value) where T : class
    {
        var copy = (T)JsonSerializer.Deserialize(JsonSerializer.Serialize(value, value.GetType(), Json), value.GetType(), Json)!;
        MaskInPlace(copy);
        return copy;
    }

    /// <summary>True when no free-text field of <paramref name="value"/> holds anything but the marker (or nothing).</summary>
    public static bool IsMasked(object? value) => value is null || Properties(value.GetType()).All(p =>
        IsFreeText(p) ? p.GetValue(value) switch
        {
            string s => s == Marker,
            IEnumerable<string> list => list.All(s => s == Marker),
            _ => true,
        }
        : Nested(p.PropertyType) is null || p.GetValue(value) switch
        {
            IEnumerable items and not string => items.Cast<object?>().All(IsMasked),
            var inner => IsMasked(inner),
        });

    private static void MaskInPlace(object target)
    {
        foreach (var p in Properties(target.GetType()))
        {
            var value = p.GetValue(target);
            if (value is null) continue;
            if (IsFreeText(p))
            {
                if (value is string) p.SetValue(target, Marker);
                else if (value is IEnumerable<string> list) p.SetValue(target, list.Select(_ => Marker).ToList());
            }
            else if (Nested(p.PropertyType) is not null)
            {
                if (value is IEnumerable items and not string) foreach (var item in items) { if (item is not null) MaskInPlace(item); }
                else MaskInPlace(value);
            }
        }
    }

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.CanWrite);

    /// <summary>The record type a property carries (itself, or the items of a list), when it is one of ours.</summary>
    private static Type? Nested(Type type)
    {
        static bool Ours(Type t) => t.Namespace?.StartsWith("PeelCases", StringComparison.Ordinal) == true && t.IsClass;
        if (Ours(type)) return type;
        var item = type.IsArray ? type.GetElementType() : type.IsGenericType ? type.GetGenericArguments().FirstOrDefault() : null;
        return item is not null && typeof(IEnumerable).IsAssignableFrom(type) && Ours(item) ? item : null;
    }
}
