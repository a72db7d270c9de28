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

public static class OpenFactualAccuracyCheckRules
{
    public static Decision<FactualAccuracyCheckOpened> Decide(Inspection inspection, int workingDays, string actor, DateTimeOffset now)
    {
        if (Stages.Require(inspection, InspectionStage.SignOff, "Opening the factual accuracy check") is { } wrongStage) return wrongStage;
        if (inspection.SignedOff is null) return Refusal.ProcessRule("The factual accuracy check opens after the HMI has signed the inspection off.");
        return new FactualAccuracyCheckOpened(inspection.Id, inspection.ForceId, workingDays, WorkingDayCalendar.Add(now, workingDays), actor, now);
    }
}

public static class OpenFactualAccuracyCheckEndpoint
{
    public static ProblemDetails Validate(InspectionStep? command) => InspectionStep.Check(command);

    public static ProblemDetails Before(InspectionStep? command, Inspection? inspection) => Expected.Inspection(command?.ExpectedVersion).Check(inspection);

    /// <summary>
    /// Opens the force's window to challenge facts and schedules the durable deadline message
    /// in the same transaction: it fires once, even if the service restarts in between.
    /// </summary>
    [WolverinePost("/inspections/{inspectionId}/factual-accuracy-check", Name = "OpenFactualAccuracyCheck"), Authorize(Policy = Policies.Planning)]
    [ProducesResponseType<InspectionView>(200)]
    public static (IResult, Events, OutgoingMessages) Post(InspectionStep command, [InspectionStream] Inspection inspection,
        FactualAccuracyOptions options, ClaimsPrincipal user, TimeProvider clock) =>
        InspectionOutcome.Of(inspection, OpenFactualAccuracyCheckRules.Decide(inspection, options.WorkingDays, user.Actor(), clock.GetUtcNow()),
            opened => new CloseFactualAccuracyCheck(inspection.Id, opened.Deadline).ScheduledAt(opened.Deadline));
}
