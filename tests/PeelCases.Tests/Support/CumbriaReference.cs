using System.Text.RegularExpressions;
using PeelCases.ReferenceData;
using PeelCases.Reporting;

namespace PeelCases.Tests.Support;

/// <summary>
/// Compares a rendered Cumbria PEEL 2018/19 effectiveness page with the published page kept in
/// Reference/ (the same text as ../shared/reference). One comparator for the report tests and the
/// stored-history tests; what it deliberately lets differ is listed in <see cref="IntendedDifferences"/>.
/// </summary>
public static class CumbriaReference
{
    public const string Url = "/reports/cumbria/peel-2018-19/effectiveness";

    public static readonly string[] Lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Reference", "cumbria-peel-2018-effectiveness.txt"));

    /// <summary>Where our page differs from the published one on purpose, and why.</summary>
    public static readonly (string Difference, string Reason)[] IntendedDifferences =
    [
        ("Question 2's carried-over sentence names 2017, where the published page says 2016.",
            "The judgment was awarded in 2017 (the published summary says so too); our sentence comes from the reference to the award, not from typed text."),
        ("Site chrome (\"Skip to content\", navigation) is not rendered.", "It belongs to the website, not to the report."),
        ("Markdown escapes punctuation (\\-, \\.) that the published text shows plain.", "The comparison unescapes before comparing."),
        ("The page ends with a link to the force's other published reports.", "The published site leads there through its own chrome; our page stands alone."),
    ];

    public static void AssertMatches(string markdown, ReportPage page, string html)
    {
        Assert.StartsWith("Cumbria PEEL 2018", markdown);
        Assert.Contains("# Effectiveness\n\nHow effectively does the force reduce crime and keep people safe?", markdown);
        Assert.Contains("Last updated 02/05/2019\n\n**Good**", markdown);
        Assert.Contains("## Questions for Effectiveness", markdown);

        // The pillar summary as published: written for the public, never the pillar grade's rationale.
        var summaryStart = Array.IndexOf(Lines, "Cumbria Constabulary is good at reducing crime and keeping people safe.");
        var summaryEnd = Array.FindIndex(Lines, l => l.StartsWith("In 2016 we judged", StringComparison.Ordinal));
        Assert.Equal(Lines[summaryStart..summaryEnd].Select(l => l.Trim()).Where(l => l.Length > 0), page.Summary);

        // Question order, texts and grades as in the reference.
        var questions = Regex.Matches(markdown, @"^### (\d)\. (.+)\n\n\*\*(.+)\*\*", RegexOptions.Multiline)
            .Select(m => (m.Groups[1].Value, Unescape(m.Groups[2].Value), m.Groups[3].Value)).ToList();
        var expected = Enumerable.Range(1, 5).Select(n =>
        {
            var at = Array.IndexOf(Lines, n.ToString());
            return (n.ToString(), Lines[at + 2], Lines[at + 4]);
        }).ToList();
        Assert.Equal(expected, questions);

        // Carried-over sentences from provenance: 2016 for Q1, 2017 (not the reference's "2016") for Q2, 2017 for Q4.
        var carried = Regex.Matches(markdown, @"our judgment from the (\d{4}) effectiveness inspection has been carried over").Select(m => m.Groups[1].Value);
        Assert.Equal(["2016", "2017", "2017"], carried);
        Assert.Contains("In 2016 we judged the constabulary to be good at preventing crime and tackling anti-social behaviour.", Unescape(markdown));
        Assert.Contains("In 2017 we judged the constabulary to be good at investigating crime and tackling serious and organised crime.", markdown);

        // Finding headings in the reference's order, and every paragraph of the reference's findings on the page.
        var headings = page.Questions.SelectMany(q => q.Sections).Select(s => s.Heading).Distinct().ToList();
        var referenceHeadings = Lines.Where(l => l.Length is > 0 and < 60 && char.IsUpper(l[0]) && !l.Contains('?') && !l.StartsWith("Summary")
            && l is not ("Good" or "Ungraded" or "Effectiveness" or "Skip to content" or "Cumbria PEEL 2018" or "Questions for Effectiveness") && !l.StartsWith("Last updated")).ToList();
        Assert.Equal(referenceHeadings, headings);
        var ours = page.Questions.SelectMany(q => q.Sections).SelectMany(s => s.Paragraphs).ToHashSet();
        var q3 = Array.IndexOf(Lines, "Understanding and identifying vulnerability");
        var referenceParagraphs = Lines[q3..].Where(l => l.Length > 100 && !l.StartsWith("This question was not")).Select(l => l.Trim()).ToList();
        Assert.All(referenceParagraphs, p => Assert.Contains(p, ours));
        Assert.Equal("Ungraded", page.Questions[4].Grade);
        Assert.Null(page.Questions[4].Introduction);
        Assert.False(page.IsDraft);
        Assert.Equal(new DateOnly(2019, 5, 2), page.LastUpdated);

        Assert.Contains("<h1>Effectiveness</h1>", html);
        Assert.Contains("<time datetime=\"2019-05-02\">02/05/2019</time>", html);
        Assert.DoesNotContain("DRAFT", html);
        Assert.EndsWith("[All Cumbria Constabulary’s PEEL reports](/reports/cumbria)\n", markdown.ReplaceLineEndings("\n"));
        Assert.Contains("<footer><p><a href=\"/reports/cumbria\">", html);
    }

    private static string Unescape(string markdown) => Regex.Replace(markdown, @"\\(.)", "$1");
}
