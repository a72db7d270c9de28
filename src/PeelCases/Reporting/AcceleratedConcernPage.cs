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
/// An accelerated cause of concern as published ahead of its inspection's report: the force, the date, the cause of
/// concern and its recommendations under their lead-in, and where it stands now (the status line of the latest follow-up of
/// the cause of concern itself in effect today, with its day; its note is internal). A follow-up recorded in a later
/// inspection counts once that inspection's report is published (until then it is the later team's working note, as on the
/// report pages). Only text written for the public.
/// </summary>
public sealed record AcceleratedConcernPage(string Title, string ForceName, DateOnly PublishedOn, string Heading, IReadOnlyList<string> Paragraphs,
    IReadOnlyList<ReportRecommendations> Recommendations, ReportStatus? Standing = null)
{
    /// <param name="publishedLater">The later inspections, among those the follow-ups were recorded in, whose report is published by <paramref name="today"/>.</param>
    public static AcceleratedConcernPage Of(Force force, Finding finding, DateOnly today, IReadOnlySet<Guid>? publishedLater = null) => new(
        $"{force.Name}: accelerated cause of concern", force.Name, finding.Accelerated!.PublishedOn!.Value, finding.Content.Heading,
        finding.Content.Text.Replace("\r\n", "\n").Split("\n\n").Select(p => p.Trim()).Where(p => p.Length > 0).ToList(),
        finding.Content.Recommendations.OrderBy(r => r.Number).GroupBy(r => r.Deadline)
            .Select(g => new ReportRecommendations(ReportPages.LeadIn(g.Key), g.Select(r => r.Text).ToList())).ToList(),
        finding.FollowUps.Where(u => u.RecommendationNumber is null && u.EffectiveOn <= today
                && (u.RecordedInInspection is not { } later || publishedLater?.Contains(later) == true)).OrderBy(u => u.EffectiveOn).ThenBy(u => u.RecordedAt).LastOrDefault() is { } latest
            ? new ReportStatus(ReportPages.StatusLine(latest.Status), latest.EffectiveOn)
            : null);

    public string ToMarkdown()
    {
        static string E(string s) => MarkdownReport.Escape(s);
        var md = new StringBuilder().AppendLine($"# {E(Title)}").AppendLine().AppendLine($"Published {PublishedOn:dd/MM/yyyy}").AppendLine()
            .AppendLine("## Cause of concern").AppendLine().AppendLine($"**{E(Heading)}**").AppendLine();
        if (Standing is { } standing) md.AppendLine($"Where it stands: {E(standing.Line)} (from {standing.From:dd/MM/yyyy})").AppendLine();
        foreach (var p in Paragraphs) md.AppendLine(E(p)).AppendLine();
        md.AppendLine("### Recommendations").AppendLine();
        foreach (var group in Recommendations)
        {
            md.AppendLine(E(group.LeadIn)).AppendLine();
            foreach (var item in group.Items) md.AppendLine($"- {E(item)}");
            md.AppendLine();
        }
        return md.ToString();
    }
}

public static class AcceleratedConcernEndpoint
{
    /// <summary>Public once published by the HMI; 404 before, and for anything that is not an accelerated cause of concern of that force.</summary>
    [WolverineGet("/reports/{forceId}/accelerated/{findingId}", Name = "GetAcceleratedCauseOfConcern")]
    [ProducesResponseType<AcceleratedConcernPage>(200)]
    public static async Task<IResult> Get(string forceId, Guid findingId, HttpContext http, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var finding = await session.LoadAsync<Finding>(findingId, ct);
        var inspection = finding is null ? null : await session.LoadAsync<Inspection>(finding.InspectionId, ct);
        if (finding is not { Withdrawn: false, Accelerated.PublishedOn: not null } || inspection?.ForceId != forceId || await session.LoadAsync<Force>(forceId, ct) is not { } force)
            return Refusal.NotFound($"There is no published accelerated cause of concern at {http.Request.Path}.").ToResult();
        var today = UkTime.Today(clock.GetUtcNow());
        var later = finding.FollowUps.Select(u => u.RecordedInInspection).OfType<Guid>().Distinct().ToArray();
        var publishedLater = later.Length == 0 ? new HashSet<Guid>()
            : (await session.LoadManyAsync<Inspection>(ct, later)).Where(i => i.Publications is [var first, ..] && first.PublishedOn <= today).Select(i => i.Id).ToHashSet();
        var page = AcceleratedConcernPage.Of(force, finding, today, publishedLater);
        return await ReportFormats.Answer<AcceleratedConcernView>(http, page, page.ToMarkdown);
    }
}

/// <summary>Where a published item stands, in the status line's public words, and from which day.</summary>
public sealed record ReportStatus(string Line, DateOnly From);
