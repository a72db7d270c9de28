using PeelCases.Findings;
using PeelCases.Import;
using PeelCases.Inspections;
using PeelCases.ReferenceData;

namespace PeelCases.Demo;

/// <summary>
/// The published record the demo imports: Cumbria's 2016 and 2017 effectiveness inspections as
/// published, and for every force every cycle from 2014 to 2023–25 a realistic history, marked as
/// generated (every event carries the <c>generated</c> header and every finding says so). Grades
/// drift by at most one step between cycles, seeded by the force, so the demo is the same everywhere.
/// </summary>
public static class DemoHistory
{
    private const string GeneratedNote = "Generated for the demo: not a published judgment.";

    /// <summary>One inspection to generate: the framework, the pillars it covers (none: all), when, and which questions carried over.</summary>
    private sealed record Plan(string FrameworkId, string[] Pillars, DateOnly Starts, DateOnly PublishedOn, string[]? CarriedOver = null);

    private static readonly Plan[] Cycles =
    [
        new("peel-2014", [], new(2014, 9, 8), new(2014, 11, 27)),
        new("peel-2015", ["efficiency"], new(2015, 6, 8), new(2015, 10, 15)),
        new("peel-2015", ["legitimacy"], new(2015, 9, 7), new(2016, 2, 11)),
        new("peel-2015", ["effectiveness"], new(2015, 9, 21), new(2016, 2, 18)),
        new("peel-2015", ["leadership"], new(2015, 10, 5), new(2016, 2, 4)),
        new("peel-2016", ["efficiency"], new(2016, 5, 9), new(2016, 11, 3)),
        new("peel-2016", ["legitimacy"], new(2016, 6, 6), new(2016, 12, 8)),
        new("peel-2016", ["leadership"], new(2016, 6, 20), new(2016, 12, 8)),
        new("peel-2016", ["effectiveness"], new(2016, 9, 12), new(2017, 3, 2)),
        new("peel-2017", ["efficiency"], new(2017, 5, 8), new(2017, 11, 9)),
        new("peel-2017", ["legitimacy"], new(2017, 6, 5), new(2017, 12, 12)),
        new("peel-2017", ["effectiveness"], new(2017, 9, 11), new(2018, 3, 22), ["E1"]),
        new("peel-2018-19", [], new(2018, 10, 8), new(2019, 5, 2), ["E1", "E2", "E4", "F2", "L1"]),
        // Most forces were inspected on the framework as revised in March 2022 (35 of 43).
        new("peel-2021-22", [], new(2022, 4, 4), new(2022, 9, 15)),
        new("peel-2023-25", [], new(2023, 10, 2), new(2024, 4, 18)),
    ];

    /// <summary>Cumbria's effectiveness inspections of 2016 and 2017, as the demo has always shown them.</summary>
    public static IReadOnlyList<PublishedInspection> Cumbria() =>
    [
        new(DemoData.Cumbria2016, "cumbria", "peel-2016", null, new(2016, 9, 12), new(2016, 9, 23), Inspected(DemoData.Cumbria2016),
            [new PublishedPillar("effectiveness", Grade.Good, Summary: DemoData.PublicText[DemoData.Cumbria2016].Pillar)],
            new(2017, 3, 2), "PEEL: police effectiveness 2016, Cumbria Constabulary"),
        new(DemoData.Cumbria2017, "cumbria", "peel-2017", null, new(2017, 9, 12), new(2017, 9, 23),
            [new PublishedQuestion("E1", QuestionScope.CarryOver), .. Inspected(DemoData.Cumbria2017)],
            [new PublishedPillar("effectiveness", Grade.Good, Summary: DemoData.PublicText[DemoData.Cumbria2017].Pillar)],
            new(2018, 3, 22), "PEEL: police effectiveness 2017, Cumbria Constabulary"),
    ];

    /// <summary>Each question inspected and awarded Good, its finding and summary the demo's public text.</summary>
    private static IReadOnlyList<PublishedQuestion> Inspected(Guid inspection) =>
        DemoData.PublicText[inspection].Questions.Select(q => new PublishedQuestion(q.Key, QuestionScope.Detailed, Grade.Good, null, q.Value,
            [new PublishedFinding(FindingKind.Strength, "Summary of findings", q.Value)])).ToList();

    /// <summary>Every force's generated history, leaving out what the demo holds for real (Cumbria's effectiveness and 2018/19, Kent's 2021/22).</summary>
    public static IReadOnlyList<PublishedInspection> Generated(IReadOnlyList<AssessmentFramework> frameworks, IReadOnlyList<Force> forces)
    {
        var result = new List<PublishedInspection>();
        foreach (var force in forces)
        {
            var random = new Random(Seed(force.Id));
            var standing = new Dictionary<string, int>(); // lineage → index on the four-point scale, drifting cycle by cycle
            foreach (var plan in Cycles)
            {
                if (force.Id == "cumbria" && (plan.Pillars.SequenceEqual(["effectiveness"]) && plan.FrameworkId is "peel-2016" or "peel-2017" || plan.FrameworkId == "peel-2018-19")) continue;
                if (force.Id == "kent" && plan.FrameworkId == "peel-2021-22") continue;
                var framework = FrameworkVersions.Applicable(frameworks.Where(f => f.Id == plan.FrameworkId), plan.Starts)!;
                var questions = framework.Questions.Where(q => plan.Pillars.Length == 0 || plan.Pillars.Contains(q.PillarCode)).ToList();
                var published = questions.Select(q => Question(q, framework, plan, force, random, standing)).ToList();
                var pillars = framework.Pillars.Where(p => questions.Any(q => q.PillarCode == p.Code && q.Graded))
                    .Select(p => new PublishedPillar(p.Code, framework.Scale[Math.Clamp((int)Math.Round(published
                        .Where(q => q.Grade is not null && framework.FindQuestion(q.Code!)!.PillarCode == p.Code)
                        .Select(q => (double)framework.Scale.ToList().IndexOf(q.Grade!.Value)).DefaultIfEmpty(1).Average()), 0, framework.Scale.Count - 1)],
                        Summary: $"{GeneratedNote} {force.Name}: {p.Name.ToLowerInvariant()}."))
                    .ToList();
                result.Add(new PublishedInspection(null, force.Id, framework.Id, framework.Version, plan.Starts, plan.Starts.AddDays(11), published, pillars,
                    plan.PublishedOn, $"Generated demo history: {force.Name}, {framework.Name}{(plan.Pillars.Length > 0 ? $", {plan.Pillars[0]}" : "")}",
                    Generated: true,
                    HmiObservations: framework.HasPillars ? null : $"{GeneratedNote} {force.Name}: HM Inspector’s observations.",
                    // Not from the force's random sequence: the grades generated after it stay as they were.
                    PccResponse: new PublishedPccResponse(plan.PublishedOn.AddDays(42 + (Seed(force.Id + plan.FrameworkId) & 0xFFFF) % 14),
                        $"https://pcc.example.org/{force.Id}/peel-{framework.Cycle.Replace('/', '-')}{(plan.Pillars.Length > 0 ? $"-{plan.Pillars[0]}" : "")}")));
            }
        }
        return result;
    }

    private static PublishedQuestion Question(FrameworkQuestion q, AssessmentFramework framework, Plan plan, Force force, Random random, Dictionary<string, int> standing)
    {
        if (!q.Graded) return new(q.Code, QuestionScope.Ungraded, Summary: Summary(q, force), Findings: [Finding(FindingKind.Strength, q, force)]);
        if (plan.CarriedOver?.Contains(q.Code) == true) return new(q.Code, QuestionScope.CarryOver);
        // Four-point grades drift from the last one on the lineage; the five-point scale starts afresh (not comparable).
        var key = $"{(framework.Scale.Count)}|{q.LineageKey ?? q.Code}";
        var last = standing.TryGetValue(key, out var s) ? s : framework.Scale.ToList().IndexOf(Grade.Good);
        var index = Math.Clamp(last + random.Next(-1, 2) * (random.Next(3) == 0 ? 1 : 0), 0, framework.Scale.Count - 1);
        standing[key] = index;
        var grade = framework.Scale[index];
        var kind = grade switch
        {
            Grade.Outstanding or Grade.Good => FindingKind.Strength,
            Grade.Inadequate => FindingKind.CauseOfConcern,
            _ => FindingKind.AreaForImprovement,
        };
        return new(q.Code, QuestionScope.Detailed, grade, null, Summary(q, force), [Finding(kind, q, force)]);
    }

    private static string Summary(FrameworkQuestion q, Force force) => $"{GeneratedNote} {force.Name}, {q.ShortTitle ?? q.Text}";

    private static PublishedFinding Finding(FindingKind kind, FrameworkQuestion q, Force force) => new(kind,
        kind switch { FindingKind.CauseOfConcern => "Cause of concern", FindingKind.AreaForImprovement => "Area for improvement", _ => "Summary of findings" },
        $"{GeneratedNote} {force.Name}, {q.ShortTitle ?? q.Text}",
        kind == FindingKind.CauseOfConcern ? [new RecommendationInput($"{GeneratedNote} The force should act on {q.ShortTitle ?? "this question"}.", new RecommendationDeadline(DeadlineKind.WithinMonths, Months: 6))] : null);

    private static int Seed(string text) => text.Aggregate(17, (h, c) => unchecked(h * 31 + c));
}
