using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using PeelCases.Findings;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Monitoring;

/// <summary>
/// What the force's page shows of its monitoring; <see cref="ImprovementPlan"/> is the plan answering the current move to
/// Engage, <see cref="ImprovementPlans"/> every plan recorded, <see cref="Redactions"/> every removal of personal data (all added 2026-12-08).
/// </summary>
public sealed record MonitoringView(string ForceId, MonitoringStage Stage, DateTimeOffset? Since, string? Reason, IReadOnlyList<Guid> CausesOfConcern,
    DateOnly? ImprovementPlanDue, IReadOnlyList<MonitoringMove> Moves, long Version, ImprovementPlan? ImprovementPlan = null,
    IReadOnlyList<ImprovementPlan>? ImprovementPlans = null, IReadOnlyList<RedactionStamp>? Redactions = null)
{
    public static MonitoringView Of(string forceId, ForceMonitoring? m) => m is null
        ? new(forceId, MonitoringStage.Scan, null, null, [], null, [], 0, null, [], [])
        : new(forceId, m.Stage, m.Since, m.Reason, m.CausesOfConcern, m.ImprovementPlanDue, m.Moves, m.Version, m.ImprovementPlan, m.ImprovementPlans,
            m.Redactions);

    /// <summary>In Engage, the plan's day has passed and none has arrived.</summary>
    public bool PlanOverdue(DateOnly today) => Stage == MonitoringStage.Engage && ImprovementPlanDue is { } due && due < today && ImprovementPlan is null;

    public static async Task<MonitoringView> ReadAsync(IQuerySession session, string forceId, CancellationToken ct) =>
        Of(forceId, await session.LoadAsync<ForceMonitoring>(MonitoringStreams.For(forceId), ct));
}

public static class MonitoringEndpoints
{
    [WolverineGet("/forces/{forceId}/monitoring", Name = "GetForceMonitoring"), Authorize(Policy = Policies.Inspectorate)]
    [ProducesResponseType<MonitoringView>(200)]
    public static async Task<IResult> Get(string forceId, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Force>(forceId, ct) is not { } force
            ? Refusal.NotFound($"There is no force with code '{forceId}'.").ToResult()
            : Results.Ok(await MonitoringView.ReadAsync(session, force.Id, ct));

}

/// <summary>What every write to a force's monitoring does first: the force (404 without one) and its stream, locked for this writer.</summary>
public static class MonitoringWrites
{
    public static async Task<(Force? Force, JasperFx.Events.IEventStream<ForceMonitoring>? Stream)> OpenAsync(IDocumentSession session, string forceId, CancellationToken ct)
    {
        if (await session.LoadAsync<Force>(forceId, ct) is not { } force) return (null, null);
        return (force, await session.Events.FetchForExclusiveWriting<ForceMonitoring>(MonitoringStreams.For(force.Id), ct));
    }

    public static Refusal NoSuchForce(string forceId) => Refusal.NotFound($"There is no force with code '{forceId}'.");

    /// <summary>A 409 naming the monitoring's version when the sender saw another; null when it is current.</summary>
    public static Refusal? Stale(Force force, JasperFx.Events.IEventStream<ForceMonitoring> stream, long? expected) =>
        (stream.Aggregate?.Version ?? 0) is var version && expected != version ? Refusal.StaleVersion($"monitoring of {force.Id}", expected!.Value, version) : null;
}

public static class ChangeMonitoringStageEndpoint
{
    public static ProblemDetails Validate(ChangeMonitoringStage? command) => FieldErrors.Check(command, MonitoringRules.Validate);

    /// <summary>An HMI moves the force between Scan and Engage; <c>expectedVersion</c> is the monitoring's version (0 before its first move).</summary>
    [WolverinePost("/forces/{forceId}/monitoring", Name = "ChangeMonitoringStage"), Authorize(Policy = Policies.SignOff)]
    [ProducesResponseType<MonitoringView>(200)]
    public static async Task<IResult> Post(string forceId, ChangeMonitoringStage command, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        if (await MonitoringWrites.OpenAsync(session, forceId, ct) is not (Force force, { } stream)) return MonitoringWrites.NoSuchForce(forceId).ToResult();
        if (MonitoringWrites.Stale(force, stream, command.ExpectedVersion) is { } stale) return stale.ToResult();
        var named = new List<NamedConcern>();
        foreach (var finding in await session.LoadManyAsync<Finding>(ct, command.CausesOfConcern ?? []))
            if (await session.LoadAsync<Inspection>(finding.InspectionId, ct) is { } inspection) named.Add(new NamedConcern(finding, inspection.ForceId));
        var decision = MonitoringRules.Decide(force.Id, stream.Aggregate, command, named, user.Actor(), clock.GetUtcNow());
        if (decision.Refusal is { } refusal) return refusal.ToResult();
        stream.AppendOne(decision.Value!);
        await session.SaveChangesAsync(ct);
        return Results.Ok(await MonitoringView.ReadAsync(session, force.Id, ct));
    }
}
