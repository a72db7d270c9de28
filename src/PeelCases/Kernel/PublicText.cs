namespace PeelCases.Kernel;

/// <summary>
/// Marks a string field of an event written for the public: a published page may print it. Every
/// other string field of an event is either a code (<see cref="TextFields.Codes"/>) or internal —
/// rationales, reasons, QA comments, evidence, challenges, names — and never reaches a public page;
/// a test plants a marker in every internal field it finds and looks for it on every page format,
/// so a new field is covered without anyone remembering.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class PublicTextAttribute : Attribute;

public static class TextFields
{
    /// <summary>String fields that are codes and identifiers, not free text (by property name).</summary>
    public static readonly IReadOnlySet<string> Codes = new HashSet<string>
    {
        "ForceId", "Cycle", "FrameworkId", "QuestionCode", "QuestionCodes", "LineageKey", "PillarCode", "PillarCodes", "Pillars", "Covers",
    };
}
