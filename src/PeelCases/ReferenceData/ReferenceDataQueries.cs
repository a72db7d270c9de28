using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using PeelCases.Kernel;

namespace PeelCases.ReferenceData;

/// <summary>The forces and the frameworks they are assessed against, for every signed-in user (the public reads reports only).</summary>
public static class ReferenceDataQueries
{
    [WolverineGet("/forces", Name = "ListForces"), Authorize]
    public static async Task<IReadOnlyList<Force>> Forces(IQuerySession session, CancellationToken ct) =>
        await session.Query<Force>().OrderBy(f => f.Name).ToListAsync(ct);

    [WolverineGet("/forces/{forceId}", Name = "GetForce"), Authorize, ProducesResponseType<Force>(200)]
    public static async Task<IResult> Force(string forceId, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Force>(forceId, ct) is { } force
            ? Results.Ok(force)
            : Refusal.NotFound($"There is no force with code '{forceId}'.").ToResult();

    [WolverineGet("/frameworks", Name = "ListFrameworks"), Authorize]
    public static async Task<IReadOnlyList<AssessmentFramework>> Frameworks(IQuerySession session, CancellationToken ct) =>
        await session.Query<AssessmentFramework>().OrderBy(f => f.Year).ToListAsync(ct);

    [WolverineGet("/frameworks/{frameworkId}", Name = "GetFramework"), Authorize, ProducesResponseType<AssessmentFramework>(200)]
    public static async Task<IResult> Framework(string frameworkId, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<AssessmentFramework>(frameworkId, ct) is { } framework
            ? Results.Ok(framework)
            : Refusal.NotFound($"There is no framework '{frameworkId}'.").ToResult();
}
