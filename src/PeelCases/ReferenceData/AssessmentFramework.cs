using System.Text.Json.Serialization;
using PeelCases.Kernel;

namespace PeelCases.ReferenceData;

[System.Text.Json.Serialization.JsonConverter(typeof(PeelCases.Kernel.StrictEnumConverter<Grade>))]
public enum Grade { Outstanding, Good, Adequate, RequiresImprovement, Inadequate }

/// <summary>
/// One version of an assessment framework: its questions, their hierarchy and its grade scale.
/// Every inspection is assessed against exactly one framework version; grades from different
/// frameworks are not comparable, so questions only match across cycles through a lineage key.
/// <see cref="AppliesFrom"/>: inspections whose fieldwork starts on or after it are assessed on this
/// version (2021/22 was revised for the forces inspected from March 2022); null: from the cycle's start.
/// </summary>
public sealed record AssessmentFramework(
    string Id,
    int Version,
    string Name,
    string Cycle,
    int Year,
    IReadOnlyList<Grade> Scale,
    IReadOnlyList<Pillar> Pillars,
    IReadOnlyList<FrameworkQuestion> Questions,
    DateOnly? AppliesFrom = null)
{
    /// <summary>
    /// Where this version is stored: a published version is never edited, so each (id, version)
    /// is a document of its own and a correction or a remodelling is a new version.
    /// </summary>
    public string Key { get; init; } = KeyOf(Id, Version);

    public static string KeyOf(string id, int version) => $"{id}@{version}";

    public bool HasPillars => Pillars.Count > 0;

    public FrameworkQuestion? FindQuestion(string code) =>
        Questions.FirstOrDefault(q => string.Equals(q.Code, code, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A pillar (2015–2018/19 frameworks only), with its headline question.</summary>
public sealed record Pillar(string Code, string Name, string HeadlineQuestion);

/// <summary>
/// A core question. <see cref="Graded"/> false means the framework itself marks it Ungraded
/// (e.g. 2018/19 specialist capabilities). <see cref="LineageKey"/> is null where the
/// question has no predecessor or successor in other cycles. <see cref="ShortTitle"/> is how a
/// report names it in a sentence ("good at <i>investigating crime</i>"). <see cref="Unconfirmed"/>
/// says what no public source confirms (a wording, whether it was graded); null when all is confirmed.
/// <see cref="WithinCode"/> names the area that holds this one (2021/22: crime data integrity, graded,
/// within the victim service assessment, which is not).
/// </summary>
public sealed record FrameworkQuestion(
    string Code,
    int Number,
    string Text,
    string? PillarCode,
    bool Graded,
    string? LineageKey,
    IReadOnlyList<Topic> Topics,
    string? ShortTitle = null,
    string? Unconfirmed = null,
    string? WithinCode = null);

public sealed record Topic(string Code, string Title, IReadOnlyList<Characteristic> Characteristics);

public sealed record Characteristic(string Code, string Text);

public static class GradeScales
{
    public static readonly IReadOnlyList<Grade> FourPoint =
        [Grade.Outstanding, Grade.Good, Grade.RequiresImprovement, Grade.Inadequate];

    public static readonly IReadOnlyList<Grade> FivePoint =
        [Grade.Outstanding, Grade.Good, Grade.Adequate, Grade.RequiresImprovement, Grade.Inadequate];
}
