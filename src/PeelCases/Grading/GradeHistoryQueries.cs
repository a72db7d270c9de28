using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Grading;

public static class GradeHistoryQueries
{
    /// <summary>The judgments that stand for a force, cycle by cycle, with their basis.</summary>
    [WolverineGet("/forces/{forceId}/grade-history", Name = "GetForceGradeHistory"), Authorize(Policy = Policies.Inspectorate)]
    [ProducesResponseType<ForceGradeHistory>(200)]
    public static async Task<IResult> Get(string forceId, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<Force>(forceId, ct) is null)
            return Refusal.NotFound($"There is no force with code '{forceId}'.").ToResult();
        return Results.Ok(await session.LoadAsync<ForceGradeHistory>(forceId, ct) ?? new ForceGradeHistory { Id = forceId });
    }
}
