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
        "Code", "Tranche", "PublicationBatch", "ForceId", "Cycle", "FrameworkId", "QuestionCode", "QuestionCodes", "LineageKey", "PillarCode", "PillarCodes", "Pillars", "Covers",
    };

    /// <summary>Fields that name something the service itself wrote (a lineage mapping, a draft flag, a page address), not a person's text.</summary>
    public static readonly IReadOnlySet<string> References = new HashSet<string> { "Via", "FlagId", "Element", "ReportUrl" };

    /// <summary>Fields naming the people who acted (user ids): the audit keeps them; they are not free text.</summary>
    public static bool IsPerson(string name) => name.EndsWith("By", StringComparison.Ordinal) || People.Contains(name);

    private static readonly HashSet<string> People = ["LeadInspector", "Team", "Joined", "Left", "Holder"];
}
