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
}
