using PeelCases.Inspections;
using System.Security.Claims;
using Marten;
using PeelCases.Reporting;

namespace PeelCases.WebConsole;

/// <summary>The draft report as the report pages render it, for the signed-in console user (the same rule on who may see a draft).</summary>
public static class ReportPreview
{
    public static async Task<IResult> Get(HttpContext http, Guid inspectionId, string? pillar, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var inspection = await session.LoadAsync<Inspection>(inspectionId, ct);
        if (inspection is null) return await ConsolePages.NotFound(http, $"There is no inspection {inspectionId}.");
        var slug = "peel-" + inspection.Cycle.Replace('/', '-');
        var page = pillar is null
            ? await ReportEndpoints.Inspection(inspection.ForceId, slug, null, true, http, user, session, ct)
            : await ReportEndpoints.Pillar(inspection.ForceId, slug, pillar, null, true, http, user, session, ct);
        return page is Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult
            ? await ConsolePages.NotFound(http, "This inspection has no report page to preview yet.")
            : page;
    }
}
