using System.Text;
using System.Text.Encodings.Web;
using PeelCases.Grading;

namespace PeelCases.Reporting;

/// <summary>HTML for browsers. Every piece of record text is encoded: markup in a finding shows as text.</summary>
public static class HtmlReport
{
    public static string Render(ReportPage page, string selfUrl)
    {
        var e = HtmlEncoder.Default;
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append($"<title>{e.Encode(page.Title)}{(page.PillarName is null ? "" : " – " + e.Encode(page.PillarName))}</title>")
            .Append($"<link rel=\"stylesheet\" href=\"{ReportStyles.Url}\"></head><body>");
        if (page.IsDraft)
            html.Append("<p class=\"draft\" role=\"alert\">DRAFT — not published. For people entitled to see the draft only.</p>");
        html.Append($"<header><p>{e.Encode(page.Title)}</p>");
        if (page.PillarName is not null) html.Append($"<h1>{e.Encode(page.PillarName)}</h1><p>{e.Encode(page.HeadlineQuestion ?? "")}</p>");
        else html.Append($"<h1>{e.Encode(page.ForceName)}</h1>");
        if (page.LastUpdated is { } updated) html.Append($"<p>Last updated <time datetime=\"{updated:yyyy-MM-dd}\">{updated:dd/MM/yyyy}</time></p>");
        if (page.OverallGrade is not null) html.Append($"<p class=\"grade\">{e.Encode(page.OverallGrade)}</p>");
        html.Append("</header><main>");
        foreach (var p in page.Summary) html.Append($"<p>{e.Encode(p)}</p>");
        foreach (var p in page.EarlierJudgments) html.Append($"<p>{e.Encode(p)}</p>");
        html.Append($"<h2>{e.Encode(page.QuestionsHeading)}</h2>");
        foreach (var q in page.Questions)
        {
            html.Append($"<section class=\"q\"><p class=\"n\">{q.Number}</p><h3>{e.Encode(q.Text)}</h3><p class=\"grade\">{e.Encode(q.Grade)}</p>");
            if (q.AreasForImprovement is { Count: > 0 } areas)
                html.Append("<h4>Areas for improvement</h4><ul>").Append(string.Concat(areas.Select(a => $"<li>{e.Encode(a)}</li>"))).Append("</ul>");
            foreach (var c in q.CausesOfConcern ?? [])
            {
                html.Append($"<h4>Cause of concern</h4><p><strong>{e.Encode(c.Heading)}</strong></p>");
                foreach (var p in c.Paragraphs) html.Append($"<p>{e.Encode(p)}</p>");
                html.Append("<h5>Recommendations</h5>");
                foreach (var r in c.Recommendations)
                    html.Append($"<p>{e.Encode(r.LeadIn)}</p><ul>").Append(string.Concat(r.Items.Select(i => $"<li>{e.Encode(i)}</li>"))).Append("</ul>");
            }
            if (q.CarriedOverSentence is not null) html.Append($"<p class=\"carried\">{e.Encode(q.CarriedOverSentence)}</p>");
            if (q.Introduction is not null) html.Append($"<p>{e.Encode(q.Introduction)}</p>");
            foreach (var s in q.Sections)
            {
                html.Append($"<h4>{e.Encode(s.Heading)}</h4>");
                foreach (var p in s.Paragraphs) html.Append($"<p>{e.Encode(p)}</p>");
            }
            if (q.Summary is not null) html.Append($"<h4>Summary for question {q.Number}</h4><p>{e.Encode(q.Summary)}</p>");
            html.Append("</section>");
        }
        // Earlier versions are reached with ?version=N and listed in the JSON model; the published pages carry no versions footer.
        html.Append("</main>");
        return html.Append("</body></html>").ToString();
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
            if (q.Introduction is not null) md.AppendLine(Escape(q.Introduction)).AppendLine();
            foreach (var s in q.Sections)
            {
                md.AppendLine($"#### {Escape(s.Heading)}").AppendLine();
                foreach (var p in s.Paragraphs) md.AppendLine(Escape(p)).AppendLine();
            }
            if (q.Summary is not null) md.AppendLine($"#### Summary for question {q.Number}").AppendLine().AppendLine(Escape(q.Summary)).AppendLine();
        }
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
