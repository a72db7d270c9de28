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
        "Inferred from the two cycles' wordings; no published page seen carries it over.";

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

    private const string OffendersToo = " The pillar question asked about investigating crime and reducing re-offending.";

    private const string BackInPeel =
        " Serious and organised crime was reported regionally, outside PEEL's areas, from 2021/22's revision of March 2022; 2023–25 reports on " +
        "it in PEEL again (\"We will report on them in PEEL\"), so it looks again at what the pillars' question left open.";

    private const string Workforce = "legitimacy/treating-the-workforce-fairly", Ethical = "legitimacy/ethical-and-lawful-workforce",
        PublicFairly = "legitimacy/treating-the-public-fairly", MeetingDemand = "efficiency/meeting-demand", Planning = "efficiency/planning-for-the-future";

    /// <summary>The efficiency questions of 2016 and 2017, 2018/19's and those they replaced (<see cref="All"/>): all taken up by use of resources.</summary>
    private static readonly string[] Efficiency = [Frameworks.UnderstandingDemand, Frameworks.UsingResources, Frameworks.PlanningForFutureDemand, MeetingDemand, Planning];

    private static string Area2021(string area) => $"peel-2021/area/{area}";
    private static string Area2023(string area) => $"peel-2023/area/{area}";

    /// <summary>
    /// Each mapping marked from how often its ends recur in the whole list: many to one where its later lineage takes up
    /// several, else one to many where its earlier lineage is taken up by several, else one to one.
    /// </summary>
    private static IReadOnlyList<LineageMapping> Labelled(IReadOnlyList<(string From, string To, string Reason)> pairs) =>
        pairs.Select(p => new LineageMapping(p.From, p.To,
            pairs.Count(x => x.To == p.To) > 1 ? LineageChange.ManyToOne : pairs.Count(x => x.From == p.From) > 1 ? LineageChange.OneToMany : LineageChange.OneToOne,
            p.Reason)).ToList();

    private static IEnumerable<(string, string, string)> Pillars(params (string From, string To, string? Note)[] pairs) =>
        pairs.Select(p => (p.From, p.To, PillarsFollowedUp + Inferred + (p.Note ?? "")));

    /// <summary>
    /// The questions and areas of one cycle whose published areas for improvement and causes of concern a question or area of
    /// the next looks at again, though their grades are not comparable (no judgment stands across them: <see cref="SourcesOf"/>
    /// leaves them out). From the pillars' questions (2016 to 2018/19) to 2021/22 (its areas, and the core questions of its
    /// first eight forces); from 2021/22 to 2023–25 the same area by name, the area each core question became, treatment of
    /// the public to police powers and public treatment (modelled on it), the workplace to the workforce and use of resources
    /// to force management; the pillars' serious and organised crime to 2023–25's, past the revision that took it out of
    /// PEEL's areas; and 2023–25's leadership to 2025–27's first question (the same words). Specialist capabilities left
    /// PEEL: their items are not looked at again there.
    /// </summary>
    public static readonly IReadOnlyList<LineageMapping> FollowedUpAcrossCycles = Labelled(
    [
        .. Frameworks.Peel2023.Questions.Where(q => q.LineageKey is not null).Select(q => q.LineageKey!.Replace("peel-2023/", "peel-2021/"))
            .Where(from => Frameworks.Peel2021Revised.Questions.Any(q => q.LineageKey == from))
            .Select(from => (from, from.Replace("peel-2021/", "peel-2023/"), AreasFollowedUp)),
        (Area2021("treatment-of-the-public"), Area2023("police-powers"),
            AreasFollowedUp + " 2023–25's police powers and public treatment is modelled on 2021/22's treatment of the public."),
        (Area2021("positive-workplace"), Area2023("workforce"),
            AreasFollowedUp + " 2021/22's developing a positive workplace became 2023–25's building, supporting and protecting the workforce."),
        (Area2021("use-of-resources"), Area2023("leadership"),
            AreasFollowedUp + " 2021/22's good use of resources is taken up by 2023–25's leadership and force management." + Inferred),
        (Area2023("leadership"), "peel-2025/q1",
            AreasFollowedUp + " 2025–27's first question has the words of 2023–25's leadership and force management area."),
        // The pillars' questions to the areas of the revised 2021/22 framework.
        .. Pillars(
            (Frameworks.PreventingCrime, Area2021("preventing-crime"), null),
            (Frameworks.InvestigatingCrime, Area2021("investigating-crime"), OffendersToo),
            (Frameworks.InvestigatingCrime, Area2021("managing-offenders"), OffendersToo),
            (Frameworks.ProtectingVulnerable, Area2021("protecting-vulnerable-people"), null),
            (PublicFairly, Area2021("treatment-of-the-public"), null),
            (Ethical, Area2021("positive-workplace"), SeparatelyInspected),
            (Workforce, Area2021("positive-workplace"), null)),
        .. Pillars(Efficiency.Select(from => (from, Area2021("use-of-resources"), (string?)null)).ToArray()),
        (Frameworks.SeriousOrganisedCrime, Area2023("serious-organised-crime"), PillarsFollowedUp + BackInPeel),
        // The pillars' questions to the core questions of the first eight forces' 2021/22 framework.
        .. Pillars(
            (PublicFairly, "peel-2021/q2", null),
            (Frameworks.PreventingCrime, "peel-2021/q3", null),
            (Frameworks.InvestigatingCrime, "peel-2021/q5", OffendersToo),
            (Frameworks.ProtectingVulnerable, "peel-2021/q6", null),
            (Frameworks.InvestigatingCrime, "peel-2021/q7", OffendersToo),
            (Frameworks.SeriousOrganisedCrime, "peel-2021/q8", null),
            (Ethical, "peel-2021/q9", SeparatelyInspected),
            (Workforce, "peel-2021/q9", null)),
        .. Pillars(Efficiency.Select(from => (from, "peel-2021/q10", (string?)null)).ToArray()),
        // The first eight forces' core questions to the areas of 2023–25.
        .. new (string From, string To, string? Note)[]
        {
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
            ("peel-2021/q10", Area2023("leadership"), null),
        }.Select(p => (p.From, p.To, AreasFollowedUp + Inferred + (p.Note ?? ""))),
    ]);

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
