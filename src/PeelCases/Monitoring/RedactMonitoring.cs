using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Monitoring;

/// <summary>
/// Personal data removed from a force's monitoring record (added 2026-12-08): the reasons for its moves and its improvement
/// plans' summaries and references, in the record and in the stored events recorded before it. Who moved the force, when,
/// between which stages, the causes of concern named and the days stay.
/// </summary>
public sealed record MonitoringRedacted(string ForceId, string Reason, string RedactedBy, DateTimeOffset RedactedAt) : IBusinessEvent, IRedaction
{
    DateTimeOffset IBusinessEvent.BusinessTime => RedactedAt;
}

public static class RedactMonitoringRules
{
    /// <param name="current">The force's monitoring as it stands; null while it has never moved (nothing written, nothing to remove).</param>
    public static Decision<MonitoringRedacted> Decide(string forceId, ForceMonitoring? current, RedactText c, string actor, DateTimeOffset now)
    {
        if (current is null) return Refusal.NotFound($"{forceId} has no monitoring record yet: it has never moved from Scan.");
        if (!HoldsText(current.Moves, current.ImprovementPlans))
            return new AlreadyDone($"The monitoring of {forceId} holds no free text that is not already redacted.");
        return new MonitoringRedacted(forceId, c.Reason!.Trim(), actor, now);
    }

    /// <summary>Whether the record holds free text not yet removed (the current reason is the last move's).</summary>
    public static bool HoldsText(IEnumerable<MonitoringMove> moves, IEnumerable<ImprovementPlan> plans) =>
        !moves.All(TextMask.IsMasked) || !plans.All(TextMask.IsMasked);

    public static void Apply(ForceMonitoring m, MonitoringRedacted e)
    {
        if (m.Reason.Length > 0) m.Reason = TextMask.Marker;
        m.Moves = m.Moves.Select(TextMask.Mask).ToList();
        m.ImprovementPlans = m.ImprovementPlans.Select(TextMask.Mask).ToList();
        if (m.ImprovementPlan is not null) m.ImprovementPlan = m.ImprovementPlans[^1];
        m.Redactions.Add(new RedactionStamp(e.Reason, e.RedactedBy, e.RedactedAt));
    }
}

public static class RedactMonitoringEndpoint
{
    public static ProblemDetails Validate(RedactText? command) => FieldErrors.Check(command, c => c.Validate());

    /// <summary>Records the redaction, then masks the monitoring stream's stored events once it is committed.</summary>
    [WolverinePost("/forces/{forceId}/monitoring/redaction", Name = "RedactMonitoring"), Authorize(Policy = Policies.Redaction)]
    [ProducesResponseType<MonitoringView>(200)]
    public static async Task<IResult> Post(string forceId, RedactText command, IDocumentSession session, IDocumentStore store, ClaimsPrincipal user,
        TimeProvider clock, CancellationToken ct)
    {
        if (await MonitoringWrites.OpenAsync(session, forceId, ct) is not (Force force, { } stream)) return MonitoringWrites.NoSuchForce(forceId).ToResult();
        if (MonitoringWrites.Stale(force, stream, command.ExpectedVersion) is { } stale) return stale.ToResult();
        var decision = RedactMonitoringRules.Decide(force.Id, stream.Aggregate, command, user.Actor(), clock.GetUtcNow());
        if (decision.Refusal is { } refusal) return refusal.ToResult();
        if (decision.Value is { } redacted)
        {
            stream.AppendOne(redacted);
            await session.SaveChangesAsync(ct);
        }
        // A redaction sent again masks again: masking is idempotent. Once committed it runs to the end, even if the caller has gone.
        await MaskedAfterCommit.MaskAsync(store, stream.Id, CancellationToken.None);
        return Results.Ok(await MonitoringView.ReadAsync(session, force.Id, ct));
    }
}
