using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using PeelCases.Kernel;

namespace PeelCases.Inspections;

/// <summary>
/// A named person holds the inspection at its own stage (added 2026-12-07): the moderator who sees it through moderation,
/// the HM Inspector who signs it off. Let go when the inspection moves on, and once the HMI has signed it off.
/// </summary>
public sealed record InspectionHandedTo(Guid InspectionId, InspectionStage Stage, string Holder, string HandedBy, DateTimeOffset HandedAt) : IBusinessEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => HandedAt;
}

/// <summary>Who holds the inspection now; blank: the sender takes it.</summary>
/// <example>{"holder":"hannah.hmi","expectedVersion":41}</example>
public sealed record HandInspection(string? Holder, long? ExpectedVersion);

public static class HandInspectionRules
{
    public static FieldErrors Validate(HandInspection c) => new FieldErrors()
        .Text("holder", c.Holder, 100, required: false)
        .Required("expectedVersion", c.ExpectedVersion);

    /// <summary>The roles the inspection's own stage waits on; null where its lead inspector (or the force) holds it.</summary>
    public static IReadOnlyList<string>? RolesFor(Inspection inspection) => inspection.Stage switch
    {
        InspectionStage.Moderation => [Roles.Moderator],
        InspectionStage.SignOff when inspection.SignedOff is null => [Roles.Hmi],
        _ => null,
    };

    /// <summary>As a question's holder (HandQuestionRules.Named), and from outside the team: moderation and sign-off are checks on its work.</summary>
    public static Decision<InspectionHandedTo> Decide(Inspection inspection, HandInspection c, string actor, IReadOnlyCollection<string> actorRoles, DateTimeOffset now)
    {
        var stage = RecordWords.Quoted(inspection.Stage);
        if (RolesFor(inspection) is not { } roles)
            return Refusal.ProcessRule($"The inspection is at {stage}{(inspection.SignedOff is null ? "" : ", signed off")}: no one holds it there but its lead inspector.");
        var named = HandQuestionRules.Named(inspection, "the inspection", stage, roles, c.Holder, actor, actorRoles);
        if (named.Refusal is { } refused) return refused;
        var holder = named.Value!;
        if (inspection.OnTeam(holder))
            return Refusal.Invalid("holder", $"{holder} is on this inspection's team: {stage} is for someone outside it.");
        if (inspection.Holder?.Person == holder) return new AlreadyDone($"{holder} holds the inspection already.");
        return new InspectionHandedTo(inspection.Id, inspection.Stage, holder, actor, now);
    }

    public static void Apply(Inspection i, InspectionHandedTo e)
    {
        if (i.Stage == e.Stage) i.Holder = new StageHolder(e.Holder, e.HandedBy, e.HandedAt);
        i.Touch(e.HandedBy, e.HandedAt);
    }
}

public static class HandInspectionEndpoint
{
    public static ProblemDetails Validate(HandInspection? command) => FieldErrors.Check(command, HandInspectionRules.Validate);

    public static ProblemDetails Before(HandInspection? command, Inspection? inspection) => Expected.Inspection(command?.ExpectedVersion).Check(inspection);

    /// <summary>Take the inspection at its own stage (moderation, sign-off), or (the lead inspector) hand it to a named person.</summary>
    [WolverinePost("/inspections/{inspectionId}/holder", Name = "HandInspection"), Authorize(Policy = Policies.Inspectorate)]
    [ProducesResponseType<InspectionView>(200)]
    public static (IResult, Events, OutgoingMessages) Post(HandInspection command, [InspectionStream] Inspection inspection, ClaimsPrincipal user, TimeProvider clock) =>
        InspectionOutcome.Of(inspection, HandInspectionRules.Decide(inspection, command, user.Actor(), Roles.All.Where(user.IsInRole).ToList(), clock.GetUtcNow()));
}
