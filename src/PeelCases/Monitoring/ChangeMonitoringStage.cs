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
        if (due <= UkTime.Today(now)) return Refusal.Invalid("improvementPlanDue", "The improvement plan is due after today.");
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
