namespace PeelCases.ReferenceData;

/// <summary>
/// The framework versions seeded at start-up. Question texts for 2016–2018/19 follow the
/// published reports; the 2021/22 topics and characteristics are an illustrative subset of
/// the published "characteristics of good" (the shape is what the product depends on).
/// </summary>
public static class Frameworks
{
    // Lineage keys: the same question across the pillar-based cycles (2016, 2017, 2018/19).
    public const string PreventingCrime = "effectiveness/preventing-crime";
    public const string InvestigatingCrime = "effectiveness/investigating-crime";
    public const string ProtectingVulnerable = "effectiveness/protecting-vulnerable-people";
    public const string SeriousOrganisedCrime = "effectiveness/serious-organised-crime";
    public const string SpecialistCapabilities = "effectiveness/specialist-capabilities";

    private const string EffectivenessHeadline = "How effectively does the force reduce crime and keep people safe?";

    private static readonly IReadOnlyList<Pillar> EffectivenessOnly =
        [new("effectiveness", "Effectiveness", EffectivenessHeadline)];

    private static FrameworkQuestion Q(string code, int number, string text, string? pillar, string? lineage, bool graded = true, string? shortTitle = null,
        string? unconfirmed = null) =>
        new(code, number, text, pillar, graded, lineage, [], shortTitle, unconfirmed);

    // The legitimacy questions of 2016, 2017 and 2018/19 as the pages number them, within the pillar.
    private static readonly IReadOnlyList<FrameworkQuestion> LegitimacyQuestions =
    [
            Q("L1", 1, "To what extent does the force treat all of the people it serves with fairness and respect?", "legitimacy", "legitimacy/treating-the-public-fairly",
                shortTitle: "treating the public fairly"),
            Q("L2", 2, "How well does the force ensure that its workforce behaves ethically and lawfully?", "legitimacy", "legitimacy/ethical-and-lawful-workforce",
                shortTitle: "ensuring its workforce behaves ethically and lawfully"),
            Q("L3", 3, "To what extent does the force treat its workforce with fairness and respect?", "legitimacy", "legitimacy/treating-the-workforce-fairly",
                shortTitle: "treating its workforce fairly"),
    ];

    private static IReadOnlyList<FrameworkQuestion> EffectivenessQuestions(string specialistText) =>
    [
        Q("E1", 1, "How effective is the force at preventing crime, tackling anti-social behaviour and keeping people safe?", "effectiveness", PreventingCrime,
            shortTitle: "preventing crime and tackling anti-social behaviour"),
        Q("E2", 2, "How effective is the force at investigating crime and reducing re-offending?", "effectiveness", InvestigatingCrime,
            shortTitle: "investigating crime"),
        Q("E3", 3, "How effective is the force at protecting those who are vulnerable from harm, and supporting victims?", "effectiveness", ProtectingVulnerable,
            shortTitle: "protecting vulnerable people"),
        Q("E4", 4, "How effective is the force at tackling serious and organised crime?", "effectiveness", SeriousOrganisedCrime,
            shortTitle: "tackling serious and organised crime"),
        Q("E5", 5, specialistText, "effectiveness", SpecialistCapabilities, graded: false, shortTitle: "specialist capabilities"),
    ];

    public static readonly AssessmentFramework Peel2016 = new(
        "peel-2016", 1, "PEEL 2016 (effectiveness)", "2016", 2016, GradeScales.FourPoint, EffectivenessOnly,
        EffectivenessQuestions("How effective are the force’s specialist capabilities?"));

    // 2014, the first ("transitional") year: thirteen questions, six graded; an overall grade for
    // efficiency only. Questions of 2014 and 2015 have lineages of their own: their sets differ from
    // the later ones and no judgment was carried from them. Sources: ../shared/reference/peel-frameworks.md §1–2.
    private const string WordingNotFound = "The wording: cut off in the only stored source; the structure (four narrative questions) is known.";

    public static readonly AssessmentFramework Peel2014 = new(
        "peel-2014", 1, "PEEL 2014", "2014", 2014, GradeScales.FourPoint,
        [
            new("effectiveness", "Effectiveness", "How well the force tackles crime"),
            new("efficiency", "Efficiency", "How well the force delivers value for money"),
            new("legitimacy", "Legitimacy", "Does the force act with integrity and provide a service the public expects?"),
        ],
        [
            Q("E1", 1, "How effective is the force at reducing crime and preventing offending?", "effectiveness", "peel-2014/reducing-crime"),
            Q("E2", 2, "How effective is the force at investigating offending?", "effectiveness", "peel-2014/investigating-offending"),
            Q("E3", 3, "How effective is the force at tackling anti-social behaviour?", "effectiveness", "peel-2014/anti-social-behaviour"),
            Q("E4", 4, "How effective is the force at protecting those at greatest risk of harm?", "effectiveness", "peel-2014/greatest-risk", graded: false),
            Q("E5", 5, "How effective is the force at tackling serious, organised and complex crime?", "effectiveness", "peel-2014/serious-organised-complex", graded: false),
            Q("E6", 6, "How effective is the force at meeting its commitments under the Strategic Policing Requirement?", "effectiveness", "peel-2014/spr", graded: false),
            Q("F1", 1, "To what extent is the force efficient?", "efficiency", "peel-2014/efficient"),
            Q("F2", 2, "To what extent is the force taking steps to ensure a secure financial position for the short and long term?", "efficiency", "peel-2014/financial-position"),
            Q("F3", 3, "To what extent has the force got an affordable way of providing policing?", "efficiency", "peel-2014/affordable-policing"),
            Q("L1", 1, "Legitimacy question 1", "legitimacy", null, graded: false, unconfirmed: WordingNotFound),
            Q("L2", 2, "Legitimacy question 2", "legitimacy", null, graded: false, unconfirmed: WordingNotFound),
            Q("L3", 3, "Legitimacy question 3", "legitimacy", null, graded: false, unconfirmed: WordingNotFound),
            Q("L4", 4, "Legitimacy question 4", "legitimacy", null, graded: false, unconfirmed: WordingNotFound),
        ]);

    // 2015: three graded pillars and leadership, narrative only.
    public static readonly AssessmentFramework Peel2015 = new(
        "peel-2015", 1, "PEEL 2015", "2015", 2015, GradeScales.FourPoint,
        [
            new("effectiveness", "Effectiveness", "How effective is the force at keeping people safe and reducing crime?"),
            new("efficiency", "Efficiency", "How efficient is the force at keeping people safe and reducing crime?"),
            new("legitimacy", "Legitimacy", "How legitimate is the force at keeping people safe and reducing crime?"),
            new("leadership", "Leadership", "Questions for Leadership"),
        ],
        [
            Q("E1", 1, "How effective is the force at preventing crime and anti-social behaviour, and keeping people safe?", "effectiveness", "peel-2015/preventing-crime"),
            Q("E2", 2, "How effective is the force at investigating crime and managing offenders?", "effectiveness", "peel-2015/investigating-crime"),
            Q("E3", 3, "How effective is the force at protecting from harm those who are vulnerable, and supporting victims?", "effectiveness", "peel-2015/vulnerability"),
            Q("E4", 4, "How effective is the force at tackling serious and organised crime, including its arrangement for fulfilling its national policing responsibilities?",
                "effectiveness", "peel-2015/serious-organised-crime"),
            Q("F1", 1, "How well does the force use its resources to meet its demand?", "efficiency", "peel-2015/meeting-demand"),
            Q("F2", 2, "How sustainable and affordable is the workforce model?", "efficiency", "peel-2015/workforce-model"),
            Q("F3", 3, "How sustainable is the force’s financial position for the short and long term?", "efficiency", "peel-2015/financial-position"),
            Q("L1", 1, "To what extent does practice and behaviour reinforce the wellbeing of staff and an ethical culture?", "legitimacy", "peel-2015/ethical-culture"),
            Q("L2", 2, "To what extent are forces recording crimes in accordance with the Home Office Counting Rules?", "legitimacy", "peel-2015/crime-recording", graded: false),
            Q("L3", 3, "How well does the force understand, engage with and treat fairly the people it serves to maintain and improve its legitimacy?", "legitimacy",
                "peel-2015/treating-people-fairly"),
            Q("L4", 4, "To what extent are decisions taken on the use of stop and search and Taser fair and appropriate?", "legitimacy", "peel-2015/stop-search-taser"),
            Q("LD1", 1, "How well does the force have a clear understanding of the current state of its leadership at every level?", "leadership", null, graded: false),
            Q("LD2", 2, "How well has the force provided a clear and compelling sense of the future direction of the organisation?", "leadership", null, graded: false),
            Q("LD3", 3, "How is the force developing leadership, motivating the workforce and encouraging staff engagement?", "leadership", null, graded: false),
            Q("LD4", 4, "To what extent is leadership improving the effe…", "leadership", null, graded: false,
                unconfirmed: "The rest of the wording: cut off in the only stored source."),
        ]);

    // 2016 as published: spring inspections of efficiency, legitimacy and leadership, autumn of
    // effectiveness. Version 1 held effectiveness only. Sources: ../shared/reference/peel-frameworks.md §3.
    public static readonly AssessmentFramework Peel2016Pillars = new(
        "peel-2016", 2, "PEEL 2016", "2016", 2016, GradeScales.FourPoint,
        [
            new("effectiveness", "Effectiveness", "How effective is the force at keeping people safe and reducing crime?"),
            new("efficiency", "Efficiency", "How efficient is the force at keeping people safe and reducing crime?"),
            new("legitimacy", "Legitimacy", "How legitimate is the force at keeping people safe and reducing crime?"),
            new("leadership", "Leadership", "How well does the force understand, develop and display leadership?"),
        ],
        [
            .. EffectivenessQuestions("How effective are the force’s specialist capabilities?").Select(q => q.Code == "E5"
                ? q with { Unconfirmed = "Whether 2016 graded specialist capabilities: contemporary news lists four graded areas; treated as ungraded, as in 2018/19." }
                : q),
            Q("F1", 1, "How well does the force understand the current and likely future demand?", "efficiency", UnderstandingDemand, shortTitle: "understanding demand"),
            Q("F2", 2, "How well does the force use its resources to manage current demand?", "efficiency", UsingResources, shortTitle: "using its resources"),
            Q("F3", 3, "How well is the force planning for demand in the future?", "efficiency", PlanningForFutureDemand, shortTitle: "planning for the future"),
            .. LegitimacyQuestions,
            Q("LD1", 1, "How well does the force understand, develop and display leadership?", "leadership", "leadership/2016", graded: false,
                shortTitle: "leadership",
                unconfirmed: "The wording: not found; the page describes the inspection as focusing \"on how a force understands, develops and displays leadership through its organisational development\". No grade is shown; so is the pillar's headline."),
        ]);

    public static readonly AssessmentFramework Peel2017 = new(
        "peel-2017", 1, "PEEL 2017 (effectiveness)", "2017", 2017, GradeScales.FourPoint, EffectivenessOnly,
        EffectivenessQuestions("How effective are the force’s specialist capabilities?"));

    // 2017 as published: three pillar inspections (efficiency and legitimacy in spring, effectiveness
    // in autumn), numbered within each pillar. Version 1 held effectiveness only; a stored version is
    // never edited (ADR 0007), so the whole cycle is version 2. Sources: ../shared/reference/peel-frameworks.md §4.
    public const string UnderstandingDemand = "efficiency/understanding-demand";
    public const string UsingResources = "efficiency/using-resources";
    public const string PlanningForFutureDemand = "efficiency/planning-for-future-demand";

    public static readonly AssessmentFramework Peel2017Pillars = new(
        "peel-2017", 2, "PEEL 2017", "2017", 2017, GradeScales.FourPoint,
        [
            new("effectiveness", "Effectiveness", "How effective is the force at keeping people safe and reducing crime?"),
            new("efficiency", "Efficiency", "How efficient is the force at keeping people safe and reducing crime?"),
            new("legitimacy", "Legitimacy", "How legitimate is the force at keeping people safe and reducing crime?"),
        ],
        [
            .. EffectivenessQuestions("How effective are the force’s specialist capabilities?").Select(q => q.Code == "E5"
                ? q with { Unconfirmed = "Whether 2017 graded specialist capabilities: the overview pages list five effectiveness questions; treated as ungraded, as in 2016 and 2018/19." }
                : q),
            Q("F1", 1, "How well does the force understand demand?", "efficiency", UnderstandingDemand, shortTitle: "understanding demand"),
            Q("F2", 2, "How well does the force use its resources?", "efficiency", UsingResources, shortTitle: "using its resources"),
            Q("F3", 3, "How well is the force planning for future demand?", "efficiency", PlanningForFutureDemand, shortTitle: "planning for the future",
                unconfirmed: "The exact wording: published summaries call it \"planning for the future\" and \"planning for future demand\"."),
            .. LegitimacyQuestions.Select(q => q.Code == "L3"
                ? q with { Unconfirmed = "The exact 2017 wording: press releases say \"treating its workforce with fairness and respect\"; 2016 and 2018/19 use this wording." }
                : q),
        ]);

    public static readonly AssessmentFramework Peel2018 = new(
        "peel-2018-19", 1, "PEEL 2018/19", "2018/19", 2018, GradeScales.FourPoint,
        [
            new("effectiveness", "Effectiveness", EffectivenessHeadline),
            new("efficiency", "Efficiency", "How efficiently does the force operate and how sustainable are its services?"),
            new("legitimacy", "Legitimacy", "How legitimately does the force treat the public and its workforce?"),
        ],
        [
            .. EffectivenessQuestions("How effective are the force’s specialist capabilities?"),
            Q("F1", 6, "How well does the force use its resources to meet its demand?", "efficiency", "efficiency/meeting-demand"),
            Q("F2", 7, "How well is the force planning for the future?", "efficiency", "efficiency/planning-for-the-future"),
            Q("L1", 8, "To what extent does the force treat all of the people it serves with fairness and respect?", "legitimacy", "legitimacy/treating-the-public-fairly"),
            Q("L2", 9, "How well does the force ensure that its workforce behaves ethically and lawfully?", "legitimacy", "legitimacy/ethical-and-lawful-workforce"),
            Q("L3", 10, "To what extent does the force treat its workforce with fairness and respect?", "legitimacy", "legitimacy/treating-the-workforce-fairly"),
        ]);

    // 2018/19 as published: version 1 numbered questions across the framework and worded the efficiency
    // questions and headline loosely; the pages number within each pillar (§5 of the reference).
    public static readonly AssessmentFramework Peel2018Published = Peel2018 with
    {
        Version = 2,
        Key = AssessmentFramework.KeyOf(Peel2018.Id, 2),
        Pillars =
        [
            new("effectiveness", "Effectiveness", EffectivenessHeadline),
            new("efficiency", "Efficiency", "How efficiently does the force operate and how sustainable are its services to the public?"),
            new("legitimacy", "Legitimacy", "How legitimately does the force treat the public and its workforce?"),
        ],
        Questions =
        [
            .. EffectivenessQuestions("How effective are the force’s specialist capabilities?"),
            Q("F1", 1, "How well does the force use its resources to meet the demand it faces?", "efficiency", "efficiency/meeting-demand",
                shortTitle: "meeting current demands and using resources"),
            Q("F2", 2, "How well does the force plan for the future?", "efficiency", "efficiency/planning-for-the-future", shortTitle: "planning for the future"),
            .. LegitimacyQuestions,
        ],
    };

    private static FrameworkQuestion Core(int n, string text, params Topic[] topics) =>
        new($"Q{n}", n, text, null, true, $"peel-2021/q{n}", topics);

    private static Topic T(string code, string title, params string[] characteristics) =>
        new(code, title, characteristics.Select((c, i) => new Characteristic($"{code}.{i + 1}", c)).ToList());

    public static readonly AssessmentFramework Peel2021 = new(
        "peel-2021-22", 1, "PEEL 2021/22", "2021/22", 2021, GradeScales.FivePoint, [],
        [
            Core(1, "How good is the force at providing a service to victims of crime?",
                T("1.1", "Recording data about crime", "The force records crimes accurately and in line with national standards.")),
            Core(2, "How good is the force at treating the public fairly, appropriately and respectfully?",
                T("2.1", "Fair and respectful treatment", "The force understands and uses its powers fairly, including stop and search and use of force.")),
            Core(3, "How good is the force at preventing and deterring crime and anti-social behaviour?",
                T("3.1", "Prioritising crime prevention", "The force has a clear strategy for preventing crime and anti-social behaviour.", "Neighbourhood teams have enough time for problem-solving.")),
            Core(4, "How good is the force at responding to the public?",
                T("4.1", "Answering calls", "The force answers emergency and non-emergency calls promptly."),
                T("4.2", "Attending incidents", "The force attends incidents within its target times and assesses risk on arrival.")),
            Core(5, "How good is the force at investigating crime?",
                T("5.1", "Quality of investigations", "Investigations are allocated to staff with the right skills and are supervised.")),
            Core(6, "How good is the force at protecting vulnerable people?",
                T("6.1", "Identifying vulnerability", "The force identifies vulnerability at first contact and records it.")),
            Core(7, "How good is the force at managing offenders and suspects?",
                T("7.1", "Managing registered sex offenders", "The force manages the risk posed by registered sex offenders.")),
            Core(8, "How good is the force at disrupting serious and organised crime?",
                T("8.1", "Understanding serious and organised crime", "The force understands the threat from serious and organised crime.")),
            Core(9, "How good is the force at building, supporting and protecting a positive workforce?",
                T("9.1", "Workforce wellbeing", "The force understands and supports the wellbeing of its workforce.")),
            Core(10, "How good is the force at using its resources efficiently?",
                T("10.1", "Planning and managing demand", "The force understands current and future demand and plans for it.")),
        ]);

    // 2021/22 as revised in March 2022 for the remaining 35 forces: areas, most graded on five tiers, no
    // pillar and no overall grade. The victim service assessment is an area with no graded judgment that
    // holds a graded one, crime data integrity. The exact capitalised area labels and their order on the
    // report are GAP (../shared/reference/peel-frameworks.md §7): marked unconfirmed.
    private const string AreaLabelsUnconfirmed =
        "The exact label and its place in the grades table (known only in paraphrase: a PCC's report to the Kent Police and Crime Panel).";

    private static FrameworkQuestion Area(string code, int number, string label, string lineage, bool graded = true, string? within = null) =>
        new(code, number, label, null, graded, $"peel-2021/area/{lineage}", [], label.ToLowerInvariant(), AreaLabelsUnconfirmed, within);

    public static readonly AssessmentFramework Peel2021Revised = new(
        "peel-2021-22", 2, "PEEL 2021/22 (revised March 2022)", "2021/22", 2021, GradeScales.FivePoint, [],
        [
            Area("VS", 1, "Providing a service to the victims of crime", "victim-service", graded: false),
            Area("CD", 2, "Recording data about crime", "crime-data-integrity", within: "VS"),
            Area("TP", 3, "Treatment of the public", "treatment-of-the-public"),
            Area("PC", 4, "Preventing crime", "preventing-crime"),
            Area("RP", 5, "Responding to the public", "responding-to-the-public"),
            Area("IC", 6, "Investigating crime", "investigating-crime"),
            Area("PV", 7, "Protecting vulnerable people", "protecting-vulnerable-people"),
            Area("MO", 8, "Managing offenders", "managing-offenders"),
            Area("PW", 9, "Developing a positive workplace", "positive-workplace"),
            Area("UR", 10, "Good use of resources", "use-of-resources"),
        ],
        AppliesFrom: new DateOnly(2022, 3, 1));

    // 2023–25: areas again, five tiers, the victim service area ungraded and holding crime data
    // integrity. Only some labels are seen in sources (§8): the others are modelled and marked.
    private static FrameworkQuestion Area2023(string code, int number, string label, string lineage, string? unconfirmed, bool graded = true, string? within = null) =>
        new(code, number, label, null, graded, $"peel-2023/area/{lineage}", [], label.ToLowerInvariant(), unconfirmed, within);

    private const string SeenInPress = "The label as a third party quotes the report's table; the report itself was not seen.";

    public static readonly AssessmentFramework Peel2023 = new(
        "peel-2023-25", 1, "PEEL 2023–25", "2023-25", 2023, GradeScales.FivePoint, [],
        [
            Area2023("VS", 1, "Providing a service to the victims of crime", "victim-service",
                "The label (the report says \"We don't make a graded judgment for this area\").", graded: false),
            Area2023("CD", 2, "Recording data about crime", "crime-data-integrity", SeenInPress, within: "VS"),
            Area2023("PP", 3, "Police powers and public treatment", "police-powers", "Not found in any source: modelled on 2021/22's treatment of the public."),
            Area2023("PC", 4, "Preventing crime", "preventing-crime", "The exact label."),
            Area2023("RP", 5, "Responding to the public", "responding-to-the-public", SeenInPress),
            Area2023("IC", 6, "Investigating crime", "investigating-crime", "Seen in lower case only."),
            Area2023("PV", 7, "Protecting vulnerable people", "protecting-vulnerable-people", "Seen in lower case only."),
            Area2023("MO", 8, "Managing offenders", "managing-offenders", "Seen in lower case only."),
            Area2023("SO", 9, "Disrupting serious organised crime", "serious-organised-crime", "The label and whether forces' pages grade it."),
            Area2023("WF", 10, "Building, supporting and protecting the workforce", "workforce", SeenInPress),
            Area2023("LF", 11, "Leadership and force management", "leadership", "The 2023–25 label: the wording is 2025–27's first core question."),
        ]);

    // 2025–27: only the first core question is found (§9); the rest are a GAP, not modelled.
    public static readonly AssessmentFramework Peel2025 = new(
        "peel-2025-27", 1, "PEEL 2025–27 (first core question only)", "2025-27", 2025, GradeScales.FivePoint, [],
        [
            new("Q1", 1, "How good is the force at leadership and force management?", null, true, "peel-2025/q1", [], "leadership and force management",
                "Whether it is graded on five tiers (not checked on the page). The framework's other core questions were not found."),
        ]);

    public static readonly IReadOnlyList<AssessmentFramework> All =
        [Peel2014, Peel2015, Peel2016, Peel2016Pillars, Peel2017, Peel2017Pillars, Peel2018, Peel2018Published, Peel2021, Peel2021Revised, Peel2023, Peel2025];
}
