using System.Text.RegularExpressions;

namespace PeelCases.Kernel;

/// <summary>A stored value in the words a lead inspector uses: what people read never shows an enum name.</summary>
public static partial class Words
{
    /// <summary>"AreaForImprovement" → "Area for improvement".</summary>
    public static string Sentence(string pascal)
    {
        var words = Capitals().Replace(pascal, " $1").Trim().ToLowerInvariant();
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>An enum value inside a sentence: <c>CaseFileReview</c> → "case file review".</summary>
    public static string Lower<T>(T value) where T : struct, Enum => Sentence(value.ToString()).ToLowerInvariant();

    /// <summary>A text of up to <paramref name="max"/> characters kept whole; a longer one cut, an ellipsis ending it.</summary>
    public static string Short(string text, int max) => text.Length <= max ? text : text[..(max - 3)] + "…";

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex Capitals();
}
