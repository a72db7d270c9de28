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

    /// <summary>Every stored version of every framework, oldest cycle first.</summary>
    [WolverineGet("/frameworks", Name = "ListFrameworks"), Authorize]
    public static async Task<IReadOnlyList<AssessmentFramework>> Frameworks(IQuerySession session, CancellationToken ct) =>
        (await session.Query<AssessmentFramework>().ToListAsync(ct)).OrderBy(f => f.Year).ThenBy(f => f.Id).ThenBy(f => f.Version).ToList();

    /// <summary>The newest version of a framework, the one a new inspection is scheduled against.</summary>
    [WolverineGet("/frameworks/{frameworkId}", Name = "GetFramework"), Authorize, ProducesResponseType<AssessmentFramework>(200)]
    public static async Task<IResult> Framework(string frameworkId, IQuerySession session, CancellationToken ct) =>
        await FrameworkVersions.LatestAsync(session, frameworkId, ct) is { } framework
            ? Results.Ok(framework)
            : Refusal.NotFound($"There is no framework '{frameworkId}'.").ToResult();

    /// <summary>One version exactly as it was published: what an inspection scheduled against it was assessed on.</summary>
    [WolverineGet("/frameworks/{frameworkId}/versions/{version}", Name = "GetFrameworkVersion"), Authorize, ProducesResponseType<AssessmentFramework>(200)]
    public static async Task<IResult> FrameworkVersion(string frameworkId, int version, IQuerySession session, CancellationToken ct) =>
        await FrameworkVersions.LoadAsync(session, frameworkId, version, ct) is { } framework
            ? Results.Ok(framework)
            : Refusal.NotFound($"There is no version {version} of framework '{frameworkId}'.").ToResult();
}
