using PeelCases.Kernel;
namespace PeelCases.ReferenceData;

/// <summary>How a question's lineage relates to one it replaced.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(PeelCases.Kernel.StrictEnumConverter<LineageChange>))]
public enum LineageChange { OneToOne, ManyToOne, OneToMany }

/// <summary>
/// A question of a later cycle that replaced one of an earlier cycle under another lineage key
/// (merged, split, renumbered or reworded), with the reason. Carry-over follows these mappings to
/// find the judgment that stands; where several earlier judgments could, the lead inspector chooses.
/// </summary>
public sealed record LineageMapping(string From, string To, LineageChange Change, string Reason);

public static class LineageMappings
{
    private const string MergedDemand =
        "2018/19 asks one question, how well the force uses its resources to meet the demand it faces, where 2017 asked two: " +
        "how well it understands demand, and how well it uses its resources. Either 2017 judgment could stand for it, so the lead inspector chooses " +
        "(2018/19 efficiency pages: \"In 2017, we judged Kent Police as outstanding at meeting current demands and using resources.\").";

    private const string SplitDemand =
        "2015 asked one efficiency question, how well the force uses its resources to meet its demand; 2016 asked it as two: how well it understands " +
        "current and likely future demand, and how well it uses its resources to manage current demand. The 2015 judgment can stand for either. " +
        "Inferred from the two cycles' wordings (../shared/reference/peel-frameworks.md §2–3); no published page seen carries it over.";

    public static readonly IReadOnlyList<LineageMapping> All =
    [
        new("peel-2015/meeting-demand", Frameworks.UnderstandingDemand, LineageChange.OneToMany, SplitDemand),
        new("peel-2015/meeting-demand", Frameworks.UsingResources, LineageChange.OneToMany, SplitDemand),
        new(Frameworks.UnderstandingDemand, "efficiency/meeting-demand", LineageChange.ManyToOne, MergedDemand),
        new(Frameworks.UsingResources, "efficiency/meeting-demand", LineageChange.ManyToOne, MergedDemand),
        new(Frameworks.PlanningForFutureDemand, "efficiency/planning-for-the-future", LineageChange.OneToOne,
            "The same question under a new wording: 2017's third efficiency question (planning for future demand) became 2018/19's question on " +
            "planning for the future, and 2018/19 efficiency pages carried the 2017 efficiency judgment over (Kent, Gwent, Durham)."),
    ];

    /// <summary>The lineages whose judgments can stand for a question of this lineage: its own, and those mapped into it.</summary>
    public static IReadOnlyList<(string Lineage, LineageMapping? Mapping)> SourcesOf(string lineage) =>
        [(lineage, null), .. All.Where(m => m.To == lineage).Select(m => (m.From, (LineageMapping?)m))];

    private const string AreasFollowedUp =
        "From 2021/22 grades are not comparable across cycles and never carried over, but each inspection weighs \"progress against causes of " +
        "concern and areas for improvement\" (PEEL 2021/22, ../shared/reference/peel-frameworks.md §11): an area's earlier items are looked at " +
        "again under the same area of the next cycle.";

    /// <summary>
    /// The areas of one cycle whose published areas for improvement and causes of concern the same area of the next looks at
    /// again, though their grades are not comparable (no judgment stands across them: <see cref="SourcesOf"/> leaves them out).
    /// The same area by name from 2021/22 to 2023–25; 2021/22's treatment of the public to 2023–25's police powers and public
    /// treatment (modelled on it); 2023–25's leadership to 2025–27's first question (the same words).
    /// </summary>
    public static readonly IReadOnlyList<LineageMapping> FollowedUpAcrossCycles =
    [
        .. Frameworks.Peel2023.Questions.Where(q => q.LineageKey is not null).Select(q => q.LineageKey!.Replace("peel-2023/", "peel-2021/"))
            .Where(from => Frameworks.Peel2021Revised.Questions.Any(q => q.LineageKey == from))
            .Select(from => new LineageMapping(from, from.Replace("peel-2021/", "peel-2023/"), LineageChange.OneToOne, AreasFollowedUp)),
        new("peel-2021/area/treatment-of-the-public", "peel-2023/area/police-powers", LineageChange.OneToOne,
            AreasFollowedUp + " 2023–25's police powers and public treatment is modelled on 2021/22's treatment of the public."),
        new("peel-2023/area/leadership", "peel-2025/q1", LineageChange.OneToOne,
            AreasFollowedUp + " 2025–27's first question has the words of 2023–25's leadership and force management area."),
    ];

    /// <summary>The lineages whose published findings a question of this lineage looks at again: those a judgment could stand from, and those followed up across cycles.</summary>
    public static IReadOnlySet<string> FollowedUpFrom(string lineage) =>
        SourcesOf(lineage).Select(s => s.Lineage).Concat(FollowedUpAcrossCycles.Where(m => m.To == lineage).Select(m => m.From)).ToHashSet();
}
