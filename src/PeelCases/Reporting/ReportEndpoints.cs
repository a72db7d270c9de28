using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using PeelCases.Audit;
using PeelCases.Findings;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.Publishing;
using PeelCases.ReferenceData;

namespace PeelCases.Reporting;

/// <summary>
/// Published report pages, rendered from the record as it stood at publication: later changes
/// never alter a published version; publishing again adds a version, and older ones stay
/// readable (<c>?version=</c>). Before publication, people entitled to the draft see a preview
/// marked as such (<c>?draft=true</c> after publication); everyone else gets 404.
/// HTML by default, Markdown for <c>Accept: text/markdown</c>, the page model for JSON.
/// </summary>
public static class ReportEndpoints
{
    [WolverineGet("/reports/{forceId}/{cycle}/{pillar}", Name = "GetPillarReport")]
    [Produces("text/html", "text/markdown", "application/json")]
    public static Task<IResult> Pillar(string forceId, string cycle, string pillar, int? version, bool? draft,
        HttpContext http, ClaimsPrincipal user, IQuerySession session, CancellationToken ct) =>
        Render(forceId, cycle, pillar, version, draft == true, http, user, session, ct);

    [WolverineGet("/reports/{forceId}/{cycle}", Name = "GetInspectionReport")]
    [Produces("text/html", "text/markdown", "application/json")]
    public static Task<IResult> Inspection(string forceId, string cycle, int? version, bool? draft,
        HttpContext http, ClaimsPrincipal user, IQuerySession session, CancellationToken ct) =>
        Render(forceId, cycle, null, version, draft == true, http, user, session, ct);

    private static async Task<IResult> Render(string forceId, string cycleSlug, string? pillarCode, int? version, bool draft,
        HttpContext http, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var notFound = Refusal.NotFound($"There is no published report at {http.Request.Path}.").ToResult();
        var cycles = CyclesFromSlug(cycleSlug);
        var candidates = cycles.Length == 0 ? []
            : await session.Query<Inspections.Inspection>().Where(i => i.ForceId == forceId && cycles.Contains(i.Cycle)).ToListAsync(ct);
        // Up to 2017 a force's pillars were separate inspections of one cycle: the page is the one covering the pillar.
        var inspection = candidates.FirstOrDefault(i => pillarCode is not null && i.Covers?.Contains(pillarCode) == true)
            ?? candidates.FirstOrDefault(i => i.Covers is not { Count: > 0 });
        if (inspection is null) return notFound;
        var force = (await session.LoadAsync<Force>(forceId, ct))!;
        var frameworks = await FrameworkVersions.LatestOfEachAsync(session, ct);
        var framework = (await FrameworkVersions.LoadAsync(session, inspection.FrameworkId, inspection.FrameworkVersion, ct))!;
        var pillar = pillarCode is null ? null : framework.Pillars.FirstOrDefault(p => p.Code == pillarCode);
        // A pillar framework has a page per pillar; a 2021+ framework one page per inspection.
        if (pillarCode is not null && pillar is null || framework.HasPillars && pillar is null) return notFound;
        if (pillar is not null && !inspection.Questions.Any(q => framework.FindQuestion(q.Code)?.PillarCode == pillar.Code)) return notFound;

        var wantsDraft = draft || inspection.Publications.Count == 0;
        if (wantsDraft && !MaySeeDraft(user, inspection)) return notFound;
        if (version is not null && (wantsDraft || inspection.Publications.All(p => p.ReportVersion != version))) return notFound;

        var record = (await InspectionRecord.LoadAsync(session, inspection.Id, ct))!;
        var publication = wantsDraft ? null : inspection.Publications.Single(p => p.ReportVersion == (version ?? inspection.Publications[^1].ReportVersion));
        var point = publication is null
            ? PointInRecord.Now
            : new PointInRecord(null, record.Events.Single(e => e.Data is InspectionPublished p && p.ReportVersion == publication.ReportVersion).Version)
                { WithCorrections = true };
        // The earlier inspections' areas for improvement and causes of concern this one looked at again (the register).
        var earlier = await RegisterStore.EarlierForAsync(session, inspection, framework, ct);
        var page = ReportPages.Build(record.StateAt(point), force, framework, pillar, frameworks, publication, inspection.Publications, earlier);

        // The service's policy (Host/SecurityHeaders) applies to the HTML: no script, styles from this site's stylesheet only.
        return await ReportFormats.Answer<ReportPageView>(http, page, () => MarkdownReport.Render(page));
    }

    /// <summary>The inspectorate, and the inspected force's liaison while the factual accuracy check is open.</summary>
    public static bool MaySeeDraft(ClaimsPrincipal user, Inspections.Inspection inspection) =>
        Roles.Inspectorate.Any(user.IsInRole)
        || (user.IsInRole(Roles.ForceLiaison) && user.FindFirst("force")?.Value == inspection.ForceId
            && inspection.Stage == InspectionStage.FactualAccuracyCheck);

    /// <summary>The cycles a page's slug can name: "peel-2018-19" is 2018/19, "peel-2023-25" is 2023-25 (written so since that cycle).</summary>
    public static string[] CyclesFromSlug(string slug)
    {
        if (!slug.StartsWith("peel-", StringComparison.OrdinalIgnoreCase)) return [];
        var parts = slug[5..].Split('-');
        return parts.Length switch { 1 => [parts[0]], 2 => [$"{parts[0]}/{parts[1]}", $"{parts[0]}-{parts[1]}"], _ => [] };
    }
}

/// <summary>The report pages' stylesheet (screen and print), served as a file so the pages carry no inline style.</summary>
public static class ReportStyles
{
    public const string Url = "/assets/report.css";

    private static readonly string Css = new StreamReader(typeof(ReportStyles).Assembly.GetManifestResourceStream("PeelCases.Reporting.report.css")!).ReadToEnd();

    [WolverineGet(Url, Name = "GetReportStylesheet")]
    [Produces("text/css")]
    public static IResult Get(HttpContext http)
    {
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Text(Css, "text/css; charset=utf-8");
    }
}
