using PeelCases.Audit;
using PeelCases.Demo;
using PeelCases.Import;
using PeelCases.Inspections;
using PeelCases.Publishing;
using PeelCases.ReferenceData;
using PeelCases.Reporting;

namespace PeelCases.UnitTests;

/// <summary>
/// Golden pages, one per cycle and pillar, rendered as Markdown from a force's history built in memory by
/// the import's decision functions (the demo's generated Durham record), compared with the snapshots in
/// Golden/. Each snapshot's first line says whether the cycle's layout is confirmed by a public source or
/// which parts are not. Where a public source gives the exact words, the page must carry them verbatim
/// (<see cref="Confirmed"/>). PEELCASES_UPDATE_GOLDEN=1 rewrites the snapshots; review the diff before committing.
/// </summary>
public sealed class GoldenPageTests
{
    private static readonly string Folder = Path.Combine(Repository(), "tests", "PeelCases.UnitTests", "Golden");

    /// <summary>Exact sentences of published pages (../shared/reference/peel-frameworks.md §4, §5, §7, §8), by page.</summary>
    public static readonly TheoryData<string, string> Confirmed = new()
    {
        { "peel-2017-effectiveness", "This question was not inspected in 2017. The grade and findings from last year’s inspection still stand." },
        { "peel-2018-19-effectiveness", "This question was not subject to detailed inspection in 2018/19, and our judgment from the 2016 effectiveness inspection has been carried over." },
        { "peel-2018-19-efficiency", "This question was not subject to detailed inspection in 2018/19, and our judgment from the 2017 efficiency inspection has been carried over." },
        { "peel-2018-19-legitimacy", "This question was not subject to detailed inspection in 2018/19, and our judgment from the 2017 legitimacy inspection has been carried over." },
        { "peel-2021-22", "However, these changes mean that it isn’t possible to make direct comparisons between the grades awarded this year with those from previous PEEL inspections." },
        { "peel-2021-22", "We also inspected how effective a service Durham Constabulary gives to victims of crime. We don’t make a graded judgment in this overall area." },
        { "peel-2023-25", "It isn’t possible to make direct comparisons between the grades awarded in this PEEL inspection and those from the previous cycle of PEEL inspections." },
        { "peel-2021-22", "## HM Inspector’s observations" },
        { "peel-2023-25", "## HM Inspector’s summary" },
        { "peel-2023-25", "We set out our detailed findings about things the force is doing well and where the force should improve in the rest of this report." },
    };

    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        foreach (var name in Rendered.Value.Keys) data.Add(name);
        return data;
    }

    [Theory, MemberData(nameof(Pages))]
    public void Each_page_matches_its_snapshot(string name) => AssertMatchesFile($"{name}.md", Rendered.Value[name]);

    /// <summary>Compares with a reviewed file in Golden/; PEELCASES_UPDATE_GOLDEN=1 rewrites it.</summary>
    internal static void AssertMatchesFile(string file, string actual)
    {
        var path = Path.Combine(Folder, file);
        if (Environment.GetEnvironmentVariable("PEELCASES_UPDATE_GOLDEN") == "1") File.WriteAllText(path, actual);
        Assert.True(File.Exists(path), $"No snapshot {path}: run the unit tests with PEELCASES_UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n"), actual);
    }

    [Theory, MemberData(nameof(Confirmed))]
    public void Where_a_public_source_gives_the_words_the_page_carries_them_exactly(string name, string sentence) =>
        Assert.Contains(sentence, Rendered.Value[name].Replace("\\", ""));

    [Fact]
    public void Every_cycle_has_a_golden_page() =>
        Assert.Equal(["peel-2014", "peel-2015", "peel-2016", "peel-2017", "peel-2018-19", "peel-2021-22", "peel-2023-25"],
            Rendered.Value.Keys.Select(k => string.Join('-', k.Split('-').TakeWhile(p => p == "peel" || char.IsDigit(p[0])))).Distinct().Order());

    /// <summary>Durham's generated history, built oldest first so carry-overs find their awards, rendered page by page.</summary>
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Rendered = new(() =>
    {
        var force = Forces.All.Single(f => f.Id == "durham");
        var byKey = Frameworks.All.ToDictionary(f => f.Key);
        var latest = Frameworks.All.GroupBy(f => f.Id).ToDictionary(g => g.Key, g => g.MaxBy(f => f.Version)!);
        var known = new List<Inspection>();
        var pages = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in DemoHistory.Generated(Frameworks.All, [force]).OrderBy(p => p.FieldworkStarts))
        {
            var framework = byKey[AssessmentFramework.KeyOf(p.FrameworkId!, p.FrameworkVersion!.Value)];
            var id = ImportIds.For(force.Id, framework.Id, framework.Version, p.Questions!.Select(q => q.Code!));
            var built = InspectionBuilder.Build(p, id, force, framework, known, byKey, "golden");
            known.Add(built.Inspection);
            var state = new RecordState(built.Inspection, built.Evidence, built.Findings);
            var slug = ReportUrls.CycleSlug(framework.Cycle);
            var layout = ReportLayouts.For(framework.Cycle);
            var header = $"<!-- {framework.Name}, version {framework.Version}. Layout: {layout.Unconfirmed ?? "confirmed by published pages"} -->\n\n";
            var pillars = framework.HasPillars ? framework.Pillars.Where(x => built.Inspection.Covers?.Contains(x.Code) == true).Cast<Pillar?>().ToList() : [null];
            foreach (var pillar in pillars)
            {
                var page = ReportPages.Build(state, force, framework, pillar, latest, built.Inspection.Publications[0], built.Inspection.Publications);
                pages[pillar is null ? slug : $"{slug}-{pillar.Code}"] = header + MarkdownReport.Render(page);
            }
        }
        return pages;
    });

    private static string Repository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PeelCases.sln"))) return dir.FullName;
        throw new InvalidOperationException("PeelCases.sln not found above the test binaries.");
    }
}
