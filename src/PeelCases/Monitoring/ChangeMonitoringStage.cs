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

/// <summary>An HMI moves a force to Engage (with the causes of concern that led there and the date its improvement plan is due) or back to Scan.</summary>
public sealed record ChangeMonitoringStage(MonitoringStage? Stage, string? Reason, IReadOnlyList<Guid>? CausesOfConcern, DateOnly? ImprovementPlanDue, long? ExpectedVersion);

/// <summary>A cause of concern named by a move, with the force of the inspection it was found in.</summary>
public sealed record NamedConcern(Finding Finding, string ForceId);

public static class MonitoringRules
{
    public static FieldErrors Validate(ChangeMonitoringStage c) => new FieldErrors()
        .Required("stage", c.Stage)
        .Text("reason", c.Reason, 2_000)
        .List("causesOfConcern", c.CausesOfConcern, required: false)
        .Required("expectedVersion", c.ExpectedVersion);

    /// <param name="current">The force's monitoring as it stands; null while it has never moved (Scan).</param>
    /// <param name="named">The findings the move names, as stored (those not found are missing).</param>
    public static Decision<ForceMonitoringStageChanged> Decide(string forceId, ForceMonitoring? current, ChangeMonitoringStage c, IReadOnlyList<NamedConcern> named,
        string actor, DateTimeOffset now)
    {
        var from = current?.Stage ?? MonitoringStage.Scan;
        var to = c.Stage!.Value;
        if (from == to) return Refusal.ProcessRule($"{forceId} is already at {to}" + (current is null ? " (every force starts there)." : $", since {UkTime.Date(current.Since)}."));
        var causes = c.CausesOfConcern ?? [];
        if (to == MonitoringStage.Scan)
            return causes.Count > 0 || c.ImprovementPlanDue is not null
                ? Refusal.Invalid("causesOfConcern", "A move back to Scan names no causes of concern and asks for no improvement plan.")
                : new ForceMonitoringStageChanged(forceId, to, from, c.Reason!.Trim(), [], null, actor, now);
        if (causes.Count == 0) return Refusal.Invalid("causesOfConcern", "A move to Engage names the causes of concern that led there.");
        if (c.ImprovementPlanDue is not { } due) return Refusal.Invalid("improvementPlanDue", "A move to Engage asks the force for an improvement plan by a date.");
        if (due <= DateOnly.FromDateTime(UkTime.Local(now))) return Refusal.Invalid("improvementPlanDue", "The improvement plan is due after today.");
        foreach (var id in causes)
        {
            var concern = named.FirstOrDefault(n => n.Finding.Id == id);
            if (concern is null || concern.ForceId != forceId) return Refusal.NotFound($"{forceId} has no finding {id}.");
            if (concern.Finding.Content.Kind != FindingKind.CauseOfConcern || concern.Finding.Withdrawn)
                return Refusal.Invalid("causesOfConcern", $"Finding {id} is not a standing cause of concern.");
        }
        return new ForceMonitoringStageChanged(forceId, to, from, c.Reason!.Trim(), causes.Distinct().ToList(), due, actor, now);
    }
}

/// <summary>What the force's page shows of its monitoring.</summary>
public sealed record MonitoringView(string ForceId, MonitoringStage Stage, DateTimeOffset? Since, string? Reason, IReadOnlyList<Guid> CausesOfConcern,
    DateOnly? ImprovementPlanDue, IReadOnlyList<MonitoringMove> Moves, long Version)
{
    public static MonitoringView Of(string forceId, ForceMonitoring? m) => m is null
        ? new(forceId, MonitoringStage.Scan, null, null, [], null, [], 0)
        : new(forceId, m.Stage, m.Since, m.Reason, m.CausesOfConcern, m.ImprovementPlanDue, m.Moves, m.Version);
}

public static class MonitoringEndpoints
{
    [WolverineGet("/forces/{forceId}/monitoring", Name = "GetForceMonitoring"), Authorize(Policy = Policies.Inspectorate)]
    [ProducesResponseType<MonitoringView>(200)]
    public static async Task<IResult> Get(string forceId, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Force>(forceId, ct) is not { } force
            ? Refusal.NotFound($"There is no force with code '{forceId}'.").ToResult()
            : Results.Ok(MonitoringView.Of(force.Id, await session.LoadAsync<ForceMonitoring>(MonitoringStreams.For(force.Id), ct)));

}

public static class ChangeMonitoringStageEndpoint
{
    public static ProblemDetails Validate(ChangeMonitoringStage? command) => FieldErrors.Check(command, MonitoringRules.Validate);

    /// <summary>An HMI moves the force between Scan and Engage; <c>expectedVersion</c> is the monitoring's version (0 before its first move).</summary>
    [WolverinePost("/forces/{forceId}/monitoring", Name = "ChangeMonitoringStage"), Authorize(Policy = Policies.SignOff)]
    [ProducesResponseType<MonitoringView>(200)]
    public static async Task<IResult> Post(string forceId, ChangeMonitoringStage command, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        if (await session.LoadAsync<Force>(forceId, ct) is not { } force) return Refusal.NotFound($"There is no force with code '{forceId}'.").ToResult();
        var stream = await session.Events.FetchForExclusiveWriting<ForceMonitoring>(MonitoringStreams.For(force.Id), ct);
        var version = stream.Aggregate?.Version ?? 0;
        if (command.ExpectedVersion != version) return Refusal.StaleVersion($"monitoring of {force.Id}", command.ExpectedVersion!.Value, version).ToResult();
        var named = new List<NamedConcern>();
        foreach (var finding in await session.LoadManyAsync<Finding>(ct, command.CausesOfConcern ?? []))
            if (await session.LoadAsync<Inspection>(finding.InspectionId, ct) is { } inspection) named.Add(new NamedConcern(finding, inspection.ForceId));
        var decision = MonitoringRules.Decide(force.Id, stream.Aggregate, command, named, user.Actor(), clock.GetUtcNow());
        if (decision.Refusal is { } refusal) return refusal.ToResult();
        stream.AppendOne(decision.Value!);
        await session.SaveChangesAsync(ct);
        return Results.Ok(MonitoringView.Of(force.Id, await session.LoadAsync<ForceMonitoring>(MonitoringStreams.For(force.Id), ct)));
    }
}
