using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Monitoring;

/// <summary>
/// An HMI records the improvement plan a force in Engage sent: the day it arrived, what it commits the force to, and where
/// the document is held. A revised plan is recorded again; the latest stands.
/// </summary>
/// <example>{"receivedOn":"2025-01-31","summary":"A new call-handling model, 40 more call handlers by June, weekly audits of THRIVE assessments.","reference":"Lincolnshire Police improvement plan v1.2","expectedVersion":1}</example>
public sealed record RecordImprovementPlan(DateOnly? ReceivedOn, string? Summary, string? Reference, long? ExpectedVersion);

/// <summary>
/// The improvement plan a force in Engage sent (added 2026-12-08), on the force's monitoring stream: the day it arrived, its
/// summary and where the document is held; a later one revises it.
/// </summary>
public sealed record ImprovementPlanReceived(string ForceId, DateOnly ReceivedOn, string Summary, string? Reference, string RecordedBy, DateTimeOffset RecordedAt)
    : IBusinessEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => RecordedAt;
}

public static class ImprovementPlanRules
{
    public static FieldErrors Validate(RecordImprovementPlan c) => new FieldErrors()
        .Required("receivedOn", c.ReceivedOn)
        .Text("summary", c.Summary, 2_000)
        .Text("reference", c.Reference, required: false)
        .Required("expectedVersion", c.ExpectedVersion);

    /// <param name="current">The force's monitoring as it stands; null while it has never moved (Scan).</param>
    public static Decision<ImprovementPlanReceived> Decide(string forceId, ForceMonitoring? current, RecordImprovementPlan c, string actor, DateTimeOffset now)
    {
        if (current is not { Stage: MonitoringStage.Engage } engaged)
            return Refusal.ProcessRule($"{forceId} is at Scan: an improvement plan is asked for by a move to Engage, and none is open.");
        var received = c.ReceivedOn!.Value;
        if (received > UkTime.Today(now)) return Refusal.Invalid("receivedOn", "The plan was received today or on an earlier day.");
        var engagedOn = UkTime.Today(engaged.Since);
        if (received < engagedOn)
            return Refusal.Invalid("receivedOn", $"The plan answers the move to Engage on {UkTime.Date(engaged.Since)}: it was received on or after that day.");
        var summary = c.Summary!.Trim();
        var reference = string.IsNullOrWhiteSpace(c.Reference) ? null : c.Reference.Trim();
        if (engaged.ImprovementPlan is { } latest && latest.ReceivedOn == received && latest.Summary == summary && latest.Reference == reference)
            return new AlreadyDone($"This plan was recorded by {latest.RecordedBy}.");
        return new ImprovementPlanReceived(forceId, received, summary, reference, actor, now);
    }
}

public static class RecordImprovementPlanEndpoint
{
    public static ProblemDetails Validate(RecordImprovementPlan? command) => FieldErrors.Check(command, ImprovementPlanRules.Validate);

    /// <summary>An HMI records the force's improvement plan; <c>expectedVersion</c> is the monitoring's version.</summary>
    [WolverinePost("/forces/{forceId}/monitoring/improvement-plan", Name = "RecordImprovementPlan"), Authorize(Policy = Policies.SignOff)]
    [ProducesResponseType<MonitoringView>(200)]
    public static async Task<IResult> Post(string forceId, RecordImprovementPlan command, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken ct)
    {
        if (await MonitoringWrites.OpenAsync(session, forceId, ct) is not (Force force, { } stream)) return MonitoringWrites.NoSuchForce(forceId).ToResult();
        var decision = ImprovementPlanRules.Decide(force.Id, stream.Aggregate, command, user.Actor(), clock.GetUtcNow());
        // A resend of the plan as recorded is answered as done, whatever version it names; anything else is judged against the
        // monitoring the sender saw, so a stale page is told so before any rule (as a move is).
        if (decision.Done is null && MonitoringWrites.Stale(force, stream, command.ExpectedVersion) is { } stale) return stale.ToResult();
        if (decision.Refusal is { } refusal) return refusal.ToResult();
        if (decision.Value is { } received)
        {
            stream.AppendOne(received);
            await session.SaveChangesAsync(ct);
        }
        return Results.Ok(await MonitoringView.ReadAsync(session, force.Id, ct));
    }
}
