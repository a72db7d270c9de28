using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using PeelCases.Inspections;
using PeelCases.Kernel;

namespace PeelCases.FactualAccuracy;

/// <summary>The force's liaison confirms the force has no further comments on the draft (added 2026-12-02).</summary>
public sealed record ForceConfirmedNoFurtherComments(Guid InspectionId, string ConfirmedBy, DateTimeOffset ConfirmedAt) : IBusinessEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => ConfirmedAt;
}

public static class CloseCheckEarlyRules
{
    /// <summary>Only the inspected force's own liaison, while the check is open.</summary>
    public static Decision<ForceConfirmedNoFurtherComments> Confirm(Inspection inspection, string actor, string? actorForce, DateTimeOffset now)
    {
        if (actorForce != inspection.ForceId)
            return Refusal.Forbidden("A force liaison may answer only for their own force.");
        if (Open(inspection, now) is { } closed) return closed;
        if (inspection.FactualAccuracy!.NoFurtherComments is { } done) return new AlreadyDone($"{done.By} confirmed it on {UkTime.Date(done.At)}.");
        return new ForceConfirmedNoFurtherComments(inspection.Id, actor, now);
    }

    /// <summary>
    /// The lead inspector may close the check before its deadline once the force has said it has no further comments and
    /// every challenge has been answered; the deadline message, when it fires later, finds the check closed and does nothing.
    /// </summary>
    public static Decision<FactualAccuracyCheckClosed> Close(Inspection inspection, string actor, DateTimeOffset now)
    {
        if (Open(inspection, now) is { } closed) return closed;
        var check = inspection.FactualAccuracy!;
        if (check.NoFurtherComments is null)
            return Refusal.ProcessRule($"The check runs until {UkTime.Format(check.Deadline)} unless the force confirms it has no further comments.");
        if (check.Challenges.Count(c => c.Accepted is null) is var open and > 0)
            return Refusal.ProcessRule($"{open} challenge(s) still need an answer before the check can close.");
        return new FactualAccuracyCheckClosed(inspection.Id, check.Challenges.Count, now, actor);
    }

    private static Refusal? Open(Inspection inspection, DateTimeOffset now) =>
        inspection.Stage != InspectionStage.FactualAccuracyCheck || inspection.FactualAccuracy is not { ClosedAt: null } check
            ? Refusal.ProcessRule($"The factual accuracy check is not open: the inspection is at {RecordWords.Quoted(inspection.Stage)}" +
                                  (inspection.FactualAccuracy?.ClosedAt is { } at ? $" and the check closed on {UkTime.Format(at)}." : "."))
            : now >= check.Deadline
                ? Refusal.ProcessRule($"The factual accuracy check reached its deadline, {UkTime.Format(check.Deadline)}.")
                : null;
}

public static class ConfirmNoFurtherCommentsEndpoint
{
    /// <summary>The force's liaison: no further comments on the draft.</summary>
    [WolverinePost("/inspections/{inspectionId}/factual-accuracy-check/no-further-comments", Name = "ConfirmNoFurtherComments"), Authorize(Policy = Policies.FactualAccuracy)]
    [ProducesResponseType<FactualAccuracyView>(200)]
    public static (IResult, Events, OutgoingMessages) Post([InspectionStream] Inspection inspection, ClaimsPrincipal user, TimeProvider clock) =>
        InspectionOutcome.Of(inspection, CloseCheckEarlyRules.Confirm(inspection, user.Actor(), user.FindFirst("force")?.Value, clock.GetUtcNow()),
            response: new AfterCommit(async (session, ct) => Results.Ok(FactualAccuracyView.Of((await session.LoadAsync<Inspection>(inspection.Id, ct))!))));
}

public static class CloseCheckEarlyEndpoint
{
    public static ProblemDetails Validate(InspectionStep? command) => InspectionStep.Check(command);

    public static ProblemDetails Before(InspectionStep? command, Inspection? inspection) => Expected.Inspection(command?.ExpectedVersion).Check(inspection);

    /// <summary>The lead inspector closes the check before its deadline (the force has no further comments, every challenge answered).</summary>
    [WolverinePost("/inspections/{inspectionId}/factual-accuracy-check/closure", Name = "CloseFactualAccuracyCheckEarly"), Authorize(Policy = Policies.Planning)]
    [ProducesResponseType<InspectionView>(200)]
    public static (IResult, Events, OutgoingMessages) Post(InspectionStep command, [InspectionStream] Inspection inspection, ClaimsPrincipal user, TimeProvider clock) =>
        InspectionOutcome.Of(inspection, CloseCheckEarlyRules.Close(inspection, user.Actor(), clock.GetUtcNow()));
}
