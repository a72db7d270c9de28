using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.HmiSignOff;

/// <summary>
/// HM Inspector's own words at the head of an integrated report ("HM Inspector’s observations" in 2021/22,
/// "HM Inspector’s summary" from 2023): text written for the public by the HMI, rewritten until sign-off
/// (added 2026-12-02).
/// </summary>
public sealed record HmiObservationsWritten(Guid InspectionId, [property: PublicText] string Observations, string WrittenBy, DateTimeOffset WrittenAt) : IBusinessEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => WrittenAt;
}

public sealed record WriteHmiObservations(string? Observations, long? ExpectedVersion);

public static class WriteHmiObservationsRules
{
    public static FieldErrors Validate(WriteHmiObservations c) => new FieldErrors()
        .Text("observations", c.Observations, FieldErrors.LongText)
        .Required("expectedVersion", c.ExpectedVersion);

    public static Decision<HmiObservationsWritten> Decide(Inspection inspection, AssessmentFramework framework, WriteHmiObservations c,
        string actor, DateTimeOffset now)
    {
        if (framework.HasPillars)
            return Refusal.ProcessRule($"{framework.Cycle} reports are published by pillar and carry no HM Inspector’s observations; write the pillar summaries instead.");
        if (PublicSummaries.TextFixed(inspection) is { } fixedText) return fixedText;
        return new HmiObservationsWritten(inspection.Id, c.Observations!.Trim(), actor, now);
    }
}

public static class WriteHmiObservationsEndpoint
{
    public static ProblemDetails Validate(WriteHmiObservations? command) => FieldErrors.Check(command, WriteHmiObservationsRules.Validate);

    public static ProblemDetails Before(WriteHmiObservations? command, Inspection? inspection) => Expected.Inspection(command?.ExpectedVersion).Check(inspection);

    /// <summary>The HMI writes (or rewrites) the observations an integrated report opens with; sign-off and publication need them.</summary>
    [WolverinePost("/inspections/{inspectionId}/hmi-observations", Name = "WriteHmiObservations"), Authorize(Policy = Policies.SignOff)]
    [ProducesResponseType<InspectionView>(200)]
    public static (IResult, Events, OutgoingMessages) Post(WriteHmiObservations command, [InspectionStream] Inspection inspection,
        AssessmentFramework framework, ClaimsPrincipal user, TimeProvider clock) =>
        InspectionOutcome.Of(inspection, WriteHmiObservationsRules.Decide(inspection, framework, command, user.Actor(), clock.GetUtcNow()));
}
