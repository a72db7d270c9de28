using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using PeelCases.Kernel;

namespace PeelCases.Inspections;

/// <summary>
/// The tranche an inspection was inspected in and the publication batch its report goes out with (added 2026-12-02):
/// inspections run in tranches, and a batch is not always the tranche a force was inspected in. Moderation compares
/// the forces of one tranche; the board filters by both.
/// </summary>
public sealed record InspectionTrancheAssigned(Guid InspectionId, string Tranche, string? PublicationBatch, string AssignedBy, DateTimeOffset AssignedAt)
    : IBusinessEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => AssignedAt;
}

public sealed record AssignTranche(string? Tranche, string? PublicationBatch, long? ExpectedVersion);

public static class AssignTrancheRules
{
    public static FieldErrors Validate(AssignTranche c) => new FieldErrors()
        .Text("tranche", c.Tranche, 60)
        .Text("publicationBatch", c.PublicationBatch, 60, required: false)
        .Required("expectedVersion", c.ExpectedVersion);

    public static Decision<InspectionTrancheAssigned> Decide(Inspection inspection, AssignTranche c, string actor, DateTimeOffset now)
    {
        if (inspection.Stage == InspectionStage.Published)
            return Refusal.ProcessRule("The report is published: its tranche and publication batch are part of the record as published.");
        var (tranche, batch) = (c.Tranche!.Trim(), string.IsNullOrWhiteSpace(c.PublicationBatch) ? null : c.PublicationBatch.Trim());
        if (inspection.Tranche == tranche && inspection.PublicationBatch == batch) return new AlreadyDone($"The inspection is in {tranche} already.");
        return new InspectionTrancheAssigned(inspection.Id, tranche, batch, actor, now);
    }

    public static void Apply(Inspection i, InspectionTrancheAssigned e)
    {
        (i.Tranche, i.PublicationBatch) = (e.Tranche, e.PublicationBatch);
        i.Touch(e.AssignedBy, e.AssignedAt);
    }
}

public static class AssignTrancheEndpoint
{
    public static ProblemDetails Validate(AssignTranche? command) => FieldErrors.Check(command, AssignTrancheRules.Validate);

    public static ProblemDetails Before(AssignTranche? command, Inspection? inspection) => Expected.Inspection(command?.ExpectedVersion).Check(inspection);

    [WolverinePost("/inspections/{inspectionId}/tranche", Name = "AssignTranche"), Authorize(Policy = Policies.Planning)]
    [ProducesResponseType<InspectionView>(200)]
    public static (IResult, Events, OutgoingMessages) Post(AssignTranche command, [InspectionStream] Inspection inspection, ClaimsPrincipal user, TimeProvider clock) =>
        InspectionOutcome.Of(inspection, AssignTrancheRules.Decide(inspection, command, user.Actor(), clock.GetUtcNow()));
}
