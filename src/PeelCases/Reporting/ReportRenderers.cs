using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using PeelCases.Grading;

namespace PeelCases.Reporting;

/// <summary>
/// HTML for browsers, through the Razor component <c>ReportPageView.razor</c> (ASP.NET Core's own template
/// engine: no package to add, values encoded by default, the same model the Markdown and JSON come from).
/// </summary>
public static class HtmlReport
{
    private static readonly IServiceProvider Services = new ServiceCollection().AddLogging().BuildServiceProvider();

    public static Task<string> RenderAsync(ReportPage page) => RenderAsync<ReportPageView>(page);

    /// <summary>Any page component whose one parameter is <c>Page</c>.</summary>
    public static async Task<string> RenderAsync<TComponent>(object page) where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(Services, Services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Page"] = page }))).ToHtmlString());
    }
}

/// <summary>A public page in the format asked for: Markdown, JSON (when HTML is not also acceptable), else HTML.</summary>
public static class ReportFormats
{
    public static async Task<IResult> Answer<TView>(HttpContext http, object page, Func<string> markdown) where TView : IComponent
    {
        var accept = http.Request.Headers.Accept.ToString();
        if (accept.Contains("text/markdown", StringComparison.OrdinalIgnoreCase)) return Results.Text(markdown(), "text/markdown; charset=utf-8");
        if (accept.Contains("application/json", StringComparison.OrdinalIgnoreCase) && !accept.Contains("text/html", StringComparison.OrdinalIgnoreCase))
            return Results.Ok(page);
        return Results.Text(await HtmlReport.RenderAsync<TView>(page), "text/html; charset=utf-8");
    }
}

/// <summary>Markdown for text tools. Record text is escaped so it cannot become markup.</summary>
public static class MarkdownReport
{
    public static string Render(ReportPage page)
    {
        var md = new StringBuilder();
        if (page.IsDraft) md.AppendLine("> **DRAFT — not published.**").AppendLine();
        md.AppendLine($"{Escape(page.Title)}").AppendLine();
        if (page.PillarName is not null) md.AppendLine($"# {Escape(page.PillarName)}").AppendLine().AppendLine(Escape(page.HeadlineQuestion ?? "")).AppendLine();
        else md.AppendLine($"# {Escape(page.ForceName)}").AppendLine();
        if (page.LastUpdated is { } updated) md.AppendLine($"Last updated {updated:dd/MM/yyyy}").AppendLine();
        if (page.OverallGrade is not null) md.AppendLine($"**{Escape(page.OverallGrade)}**").AppendLine();
        if (page.Overall is { } overall)
        {
            md.AppendLine("## Overall summary").AppendLine().AppendLine("### Our judgments").AppendLine().AppendLine(Escape(overall.Assessed)).AppendLine();
            md.AppendLine("| Area | Grade |").AppendLine("|---|---|");
            foreach (var g in overall.Grades) md.AppendLine($"| {Escape(g.Area)} | {Escape(g.Grade)} |");
            md.AppendLine();
            foreach (var p in overall.Ungraded.Append(overall.DetailedFindings)) md.AppendLine(Escape(p)).AppendLine();
            md.AppendLine($"## {Escape(overall.ChangesHeading)}").AppendLine();
            foreach (var p in overall.Changes) md.AppendLine(Escape(p)).AppendLine();
            if (overall.Observations.Count > 0)
            {
                md.AppendLine($"## {Escape(overall.ObservationsHeading)}").AppendLine();
                foreach (var p in overall.Observations) md.AppendLine(Escape(p)).AppendLine();
            }
        }
        foreach (var p in page.Summary.Concat(page.EarlierJudgments)) md.AppendLine(Escape(p)).AppendLine();
        md.AppendLine($"## {Escape(page.QuestionsHeading)}").AppendLine();
        foreach (var q in page.Questions)
        {
            md.AppendLine($"### {q.Number}. {Escape(q.Text)}").AppendLine().AppendLine($"**{Escape(q.Grade)}**").AppendLine();
            if (q.AreasForImprovement is { Count: > 0 } areas)
            {
                md.AppendLine("#### Areas for improvement").AppendLine();
                foreach (var a in areas) md.AppendLine($"- {Escape(a)}");
                md.AppendLine();
            }
            foreach (var c in q.CausesOfConcern ?? [])
            {
                md.AppendLine("#### Cause of concern").AppendLine().AppendLine($"**{Escape(c.Heading)}**").AppendLine();
                if (c.Accelerated is not null) md.AppendLine(Escape(c.Accelerated)).AppendLine();
                foreach (var p in c.Paragraphs) md.AppendLine(Escape(p)).AppendLine();
                md.AppendLine("##### Recommendations").AppendLine();
                foreach (var r in c.Recommendations)
                {
                    md.AppendLine(Escape(r.LeadIn)).AppendLine();
                    foreach (var i in r.Items) md.AppendLine($"- {Escape(i)}");
                    md.AppendLine();
                }
            }
            if (q.CarriedOverSentence is not null) md.AppendLine($"_{Escape(q.CarriedOverSentence)}_").AppendLine();
            if (q.EarlierFindings is { } earlier)
            {
                md.AppendLine(Escape(earlier.LeadIn)).AppendLine();
                foreach (var item in earlier.Items) md.AppendLine($"- {Escape(item.Text)} {Escape(item.Status)}");
                md.AppendLine();
            }
            if (q.Introduction is not null) md.AppendLine(Escape(q.Introduction)).AppendLine();
            foreach (var s in q.Sections)
            {
                md.AppendLine($"#### {Escape(s.Heading)}").AppendLine();
                foreach (var p in s.Paragraphs) md.AppendLine(Escape(p)).AppendLine();
            }
            if (q.Summary is not null) md.AppendLine($"#### Summary for question {q.Number}").AppendLine().AppendLine(Escape(q.Summary)).AppendLine();
        }
        if (page.ForceReports is { } all) md.AppendLine($"[All {Escape(page.ForceName)}’s PEEL reports]({all})");
        return md.ToString();
    }

    /// <summary>Backslash-escapes Markdown syntax and entity-encodes HTML, so text stays text.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '#' or '|' or '!': sb.Append('\\').Append(c); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }
}
