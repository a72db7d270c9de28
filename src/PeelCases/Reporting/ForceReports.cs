using System.Text;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using PeelCases.Findings;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Reporting;

/// <summary>
/// One published page: its title, where it is, when it was first published, when last updated (a later version), and the
/// police and crime commissioner's published response to it, once recorded.
/// </summary>
public sealed record ReportLink(string Title, string Href, DateOnly PublishedOn, DateOnly? LastUpdated, ResponseLink? PccResponse = null);

public sealed record ResponseLink(string Href, DateOnly PublishedOn);

/// <summary>
/// A force's published reports, newest first: each cycle's page (or, up to 2018/19, each pillar's), and every accelerated
/// cause of concern published ahead of its report. Only what the public pages themselves show; nothing unpublished.
/// </summary>
public sealed record ForceReportsPage(string Title, string ForceName, IReadOnlyList<ReportLink> Reports, IReadOnlyList<ReportLink> AcceleratedCausesOfConcern)
{
    public string ToMarkdown()
    {
        static string E(string s) => MarkdownReport.Escape(s);
        var md = new StringBuilder().AppendLine($"# {E(Title)}").AppendLine();
        if (Reports.Count == 0) md.AppendLine("No reports have been published yet.").AppendLine();
        foreach (var r in Reports)
            md.AppendLine($"- [{E(r.Title)}]({r.Href}): published {r.PublishedOn:dd/MM/yyyy}{(r.LastUpdated is { } u ? $", last updated {u:dd/MM/yyyy}" : "")}" +
                (r.PccResponse is { } pcc ? $"; [the police and crime commissioner’s response](<{pcc.Href}>), published {pcc.PublishedOn:dd/MM/yyyy}" : ""));
        if (AcceleratedCausesOfConcern.Count > 0)
        {
            md.AppendLine().AppendLine("## Accelerated causes of concern").AppendLine();
            foreach (var r in AcceleratedCausesOfConcern) md.AppendLine($"- [{E(r.Title)}]({r.Href}): published {r.PublishedOn:dd/MM/yyyy}");
        }
        return md.ToString();
    }

    public static ForceReportsPage Of(Force force, IEnumerable<Inspection> inspections, IReadOnlyDictionary<string, AssessmentFramework> frameworks,
        IEnumerable<Finding> accelerated)
    {
        var reports = new List<ReportLink>();
        foreach (var i in inspections.Where(i => i.Publications.Count > 0))
        {
            var slug = $"/reports/{Uri.EscapeDataString(force.Id)}/peel-{i.Cycle.Replace('/', '-')}";
            var first = i.Publications[0].PublishedOn;
            var updated = i.Publications.Count > 1 ? i.Publications[^1].PublishedOn : (DateOnly?)null;
            var response = i.PccResponse is { } pcc ? new ResponseLink(pcc.Url, pcc.PublishedOn) : null;
            var framework = frameworks.GetValueOrDefault(AssessmentFramework.KeyOf(i.FrameworkId, i.FrameworkVersion));
            if (framework is { HasPillars: true })
                reports.AddRange(framework.Pillars.Where(p => i.Questions.Any(q => framework.FindQuestion(q.Code)?.PillarCode == p.Code))
                    .Select(p => new ReportLink($"PEEL {i.Cycle}: {p.Name}", $"{slug}/{p.Code}", first, updated, response)));
            else reports.Add(new ReportLink($"PEEL {i.Cycle}", slug, first, updated, response));
        }
        var concerns = accelerated.Where(f => f is { Withdrawn: false, Accelerated.PublishedOn: not null })
            .Select(f => new ReportLink(f.Content.Heading, $"/reports/{Uri.EscapeDataString(force.Id)}/accelerated/{f.Id}", f.Accelerated!.PublishedOn!.Value, null));
        return new ForceReportsPage($"{force.Name}: PEEL reports", force.Name,
            [.. reports.OrderByDescending(r => r.PublishedOn).ThenBy(r => r.Title, StringComparer.Ordinal)], [.. concerns.OrderByDescending(r => r.PublishedOn)]);
    }
}

public static class ForceReportsEndpoint
{
    /// <summary>Public: the force's published reports, as HTML, Markdown or JSON like the pages themselves.</summary>
    [WolverineGet("/reports/{forceId}", Name = "GetForceReports")]
    [Produces("text/html", "text/markdown", "application/json")]
    public static async Task<IResult> Get(string forceId, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<Force>(forceId, ct) is not { } force) return Refusal.NotFound($"There is no force with code '{forceId}'.").ToResult();
        var inspections = await session.Query<Inspection>().Where(i => i.ForceId == forceId).ToListAsync(ct);
        var ids = inspections.Select(i => i.Id).ToArray();
        var accelerated = await session.Query<Finding>().Where(f => f.InspectionId.IsOneOf(ids) && f.Accelerated != null).ToListAsync(ct);
        var page = ForceReportsPage.Of(force, inspections, await FrameworkVersions.AllByKeyAsync(session, ct), accelerated);
        return await ReportFormats.Answer<ForceReportsView>(http, page, page.ToMarkdown);
    }
}
