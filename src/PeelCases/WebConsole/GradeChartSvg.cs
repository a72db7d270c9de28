using System.Net;
using System.Text;
using PeelCases.Moderation;

namespace PeelCases.WebConsole;

/// <summary>
/// The distribution of standing grades as an SVG bar chart, drawn on the server: no script, no inline style (presentation
/// attributes only, which the policy allows), every text encoded. The median grade's bar is blue.
/// </summary>
public static class GradeChartSvg
{
    private const int BarWidth = 90, Gap = 30, Height = 160, Top = 24, Bottom = 40;

    public static string Svg(GradeComparison c)
    {
        var scale = c.Scale;
        var max = Math.Max(1, scale.Max(g => c.Distribution.GetValueOrDefault(g)));
        var width = scale.Count * (BarWidth + Gap) + Gap;
        var title = $"Standing grades of {c.QuestionCode} across {c.Forces.Count} force(s), {c.Cycle}: " +
                    string.Join(", ", scale.Select(g => $"{ConsoleText.Grade(g)} {c.Distribution.GetValueOrDefault(g)}"));
        var svg = new StringBuilder()
            .Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"chart-title\" viewBox=\"0 0 {width} {Height + Top + Bottom}\" ")
            .Append($"width=\"{width}\" height=\"{Height + Top + Bottom}\" focusable=\"false\">")
            .Append($"<title id=\"chart-title\">{WebUtility.HtmlEncode(title)}</title>")
            .Append($"<line x1=\"0\" y1=\"{Top + Height}\" x2=\"{width}\" y2=\"{Top + Height}\" stroke=\"#0b0c0c\" stroke-width=\"2\"/>");
        foreach (var (grade, i) in scale.Select((g, i) => (g, i)))
        {
            var count = c.Distribution.GetValueOrDefault(grade);
            var bar = count * Height / max;
            var x = Gap + i * (BarWidth + Gap);
            svg.Append($"<rect x=\"{x}\" y=\"{Top + Height - bar}\" width=\"{BarWidth}\" height=\"{bar}\" fill=\"{(grade == c.MedianGrade ? "#1d70b8" : "#505a5f")}\"/>")
                .Append(Text(x + BarWidth / 2, Top + Height - bar - 6, 16, count.ToString()))
                .Append(Text(x + BarWidth / 2, Top + Height + 24, 13, ConsoleText.Grade(grade)));
        }
        return svg.Append("</svg>").ToString();
    }

    private static string Text(int x, int y, int size, string text) =>
        $"<text x=\"{x}\" y=\"{y}\" text-anchor=\"middle\" font-family=\"arial, sans-serif\" font-size=\"{size}\" fill=\"#0b0c0c\">{WebUtility.HtmlEncode(text)}</text>";
}
