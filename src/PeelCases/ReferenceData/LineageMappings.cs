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
        "concern and areas for improvement\" (HMICFRS, PEEL assessments 2021/22): an area's earlier items are looked at " +
        "again under the same area of the next cycle.";

    private const string PillarsFollowedUp =
        "2021/22 replaced the pillars' questions with areas (core questions for the first eight forces) and its grades are not comparable with " +
        "theirs, but each inspection weighs \"progress against causes of concern and areas for improvement\" (HMICFRS, PEEL " +
        "assessments 2021/22): a pillar question's items (2016 to 2018/19) are looked at again under the area, or core question, " +
        "that took up its subject.";

    private const string Inferred = " Which one took it up is inferred from the two frameworks' wordings; no published page seen says so.";

    private const string SeparatelyInspected =
        " Vetting and counter-corruption were inspected apart from PEEL from September 2021, so an item on them may be answered there instead.";

    /// <summary>Mappings from pairs, each marked one to one, many to one or one to many from how often its ends recur.</summary>
    private static IEnumerable<LineageMapping> Followed(string reason, params (string From, string To, string? Note)[] pairs) =>
        pairs.Select(p => new LineageMapping(p.From, p.To,
            pairs.Count(x => x.To == p.To) > 1 ? LineageChange.ManyToOne : pairs.Count(x => x.From == p.From) > 1 ? LineageChange.OneToMany : LineageChange.OneToOne,
            reason + (p.Note ?? "")));

    private const string Workforce = "legitimacy/treating-the-workforce-fairly", Ethical = "legitimacy/ethical-and-lawful-workforce",
        PublicFairly = "legitimacy/treating-the-public-fairly", MeetingDemand = "efficiency/meeting-demand", Planning = "efficiency/planning-for-the-future";

    private static string Area2021(string area) => $"peel-2021/area/{area}";
    private static string Area2023(string area) => $"peel-2023/area/{area}";

    /// <summary>
    /// The questions and areas of one cycle whose published areas for improvement and causes of concern a question or area of
    /// the next looks at again, though their grades are not comparable (no judgment stands across them: <see cref="SourcesOf"/>
    /// leaves them out). From the pillars to 2021/22 (its areas, and the core questions of its first eight forces); from
    /// 2021/22 to 2023–25 the same area by name, the area each core question became, treatment of the public to police powers
    /// and public treatment (modelled on it), the workplace to the workforce and use of resources to force management; and
    /// 2023–25's leadership to 2025–27's first question (the same words). Specialist capabilities, and from the revision of
    /// March 2022 serious and organised crime, left PEEL's areas: their items are not looked at again there.
    /// </summary>
    public static readonly IReadOnlyList<LineageMapping> FollowedUpAcrossCycles =
    [
        .. Frameworks.Peel2023.Questions.Where(q => q.LineageKey is not null).Select(q => q.LineageKey!.Replace("peel-2023/", "peel-2021/"))
            .Where(from => Frameworks.Peel2021Revised.Questions.Any(q => q.LineageKey == from))
            .Select(from => new LineageMapping(from, from.Replace("peel-2021/", "peel-2023/"), LineageChange.OneToOne, AreasFollowedUp)),
        new(Area2021("treatment-of-the-public"), Area2023("police-powers"), LineageChange.OneToOne,
            AreasFollowedUp + " 2023–25's police powers and public treatment is modelled on 2021/22's treatment of the public."),
        .. Followed(AreasFollowedUp,
            (Area2021("positive-workplace"), Area2023("workforce"), " 2021/22's developing a positive workplace became 2023–25's building, supporting and protecting the workforce."),
            (Area2021("use-of-resources"), Area2023("leadership"), " 2021/22's good use of resources is taken up by 2023–25's leadership and force management." + Inferred)),
        new(Area2023("leadership"), "peel-2025/q1", LineageChange.OneToOne,
            AreasFollowedUp + " 2025–27's first question has the words of 2023–25's leadership and force management area."),
        // The pillars' questions to the areas of the revised 2021/22 framework.
        .. Followed(PillarsFollowedUp + Inferred,
            (Frameworks.PreventingCrime, Area2021("preventing-crime"), null),
            (Frameworks.InvestigatingCrime, Area2021("investigating-crime"), " The pillar question asked about investigating crime and reducing re-offending."),
            (Frameworks.InvestigatingCrime, Area2021("managing-offenders"), " The pillar question asked about investigating crime and reducing re-offending."),
            (Frameworks.ProtectingVulnerable, Area2021("protecting-vulnerable-people"), null),
            (MeetingDemand, Area2021("use-of-resources"), null),
            (Planning, Area2021("use-of-resources"), null),
            (PublicFairly, Area2021("treatment-of-the-public"), null),
            (Ethical, Area2021("positive-workplace"), SeparatelyInspected),
            (Workforce, Area2021("positive-workplace"), null)),
        // The pillars' questions to the core questions of the first eight forces' 2021/22 framework.
        .. Followed(PillarsFollowedUp + Inferred,
            (PublicFairly, "peel-2021/q2", null),
            (Frameworks.PreventingCrime, "peel-2021/q3", null),
            (Frameworks.InvestigatingCrime, "peel-2021/q5", " The pillar question asked about investigating crime and reducing re-offending."),
            (Frameworks.ProtectingVulnerable, "peel-2021/q6", null),
            (Frameworks.InvestigatingCrime, "peel-2021/q7", " The pillar question asked about investigating crime and reducing re-offending."),
            (Frameworks.SeriousOrganisedCrime, "peel-2021/q8", null),
            (Ethical, "peel-2021/q9", SeparatelyInspected),
            (Workforce, "peel-2021/q9", null),
            (MeetingDemand, "peel-2021/q10", null),
            (Planning, "peel-2021/q10", null)),
        // The first eight forces' core questions to the areas of 2023–25.
        .. Followed(AreasFollowedUp + Inferred,
            ("peel-2021/q1", Area2023("victim-service"), " The core question on the service for victims held crime recording, an area of its own in 2023–25."),
            ("peel-2021/q1", Area2023("crime-data-integrity"), " The core question on the service for victims held crime recording, an area of its own in 2023–25."),
            ("peel-2021/q2", Area2023("police-powers"), null),
            ("peel-2021/q3", Area2023("preventing-crime"), null),
            ("peel-2021/q4", Area2023("responding-to-the-public"), null),
            ("peel-2021/q5", Area2023("investigating-crime"), null),
            ("peel-2021/q6", Area2023("protecting-vulnerable-people"), null),
            ("peel-2021/q7", Area2023("managing-offenders"), null),
            ("peel-2021/q8", Area2023("serious-organised-crime"), null),
            ("peel-2021/q9", Area2023("workforce"), null),
            ("peel-2021/q10", Area2023("leadership"), null)),
    ];

    /// <summary>The lineages whose published findings a question of this lineage looks at again: those a judgment could stand from, and those followed up across cycles.</summary>
    public static IReadOnlySet<string> FollowedUpFrom(string lineage) =>
        SourcesOf(lineage).Select(s => s.Lineage).Concat(FollowedUpAcrossCycles.Where(m => m.To == lineage).Select(m => m.From)).ToHashSet();

    /// <summary>
    /// Why a question of lineage <paramref name="to"/> looks again at an item published under lineage <paramref name="from"/>:
    /// null for its own lineage, else the reason of the mapping that brings it (a judgment's first, then a follow-up's).
    /// </summary>
    public static string? WhyFollowedUp(string from, string to) => from == to ? null
        : (All.FirstOrDefault(m => m.From == from && m.To == to) ?? FollowedUpAcrossCycles.FirstOrDefault(m => m.From == from && m.To == to))?.Reason;
}
