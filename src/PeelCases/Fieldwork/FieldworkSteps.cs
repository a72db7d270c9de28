using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using PeelCases.Inspections;
using PeelCases.Kernel;

namespace PeelCases.Fieldwork;

public static class FieldworkRules
{
    public static Decision<FieldworkStarted> Start(Inspection inspection, string actor, DateTimeOffset now)
    {
        var unscoped = inspection.Questions.Where(q => q.Scope is null).Select(q => q.Code).ToList();
        if (Stages.Require(inspection, InspectionStage.Planning, "Starting fieldwork",
                unscoped.Count > 0 ? $"Not yet scoped: {string.Join(", ", unscoped)}." : null) is { } wrongStage) return wrongStage;
        if (unscoped.Count > 0)
            return Refusal.ProcessRule($"Fieldwork can start once every question is scoped. Not yet scoped: {string.Join(", ", unscoped)}.");
        return new FieldworkStarted(inspection.Id, actor, now);
    }

    /// <summary>
    /// A carry-over that found nothing to carry must be decided first (re-scoped, or carried over by
    /// hand): once fieldwork is over the question can no longer be scoped, so the inspection would stall.
    /// </summary>
    public static Decision<FieldworkCompleted> Complete(Inspection inspection, string actor, DateTimeOffset now)
    {
        if (Stages.Require(inspection, InspectionStage.Fieldwork, "Completing fieldwork") is { } refusal) return refusal;
        var undecided = inspection.Questions.Where(q => q is { Scope: QuestionScope.CarryOver, Settled: false, CarryOverProblem: not null }).ToList();
        return undecided.Count > 0
            ? Refusal.ProcessRule("Fieldwork can be completed once every carry-over is decided. " +
                string.Join(" ", undecided.Select(q => $"{q.Code}: {q.CarryOverProblem} Re-scope it, or carry a judgment over by hand.")))
            : new FieldworkCompleted(inspection.Id, actor, now);
    }
}

public static class FieldworkEndpoints
{
    public static ProblemDetails Validate(InspectionStep? command) => InspectionStep.Check(command);

    public static ProblemDetails Before(InspectionStep? command, Inspection? inspection) => Expected.Inspection(command?.ExpectedVersion).Check(inspection);

    [WolverinePost("/inspections/{inspectionId}/fieldwork/start", Name = "StartFieldwork"), Authorize(Policy = Policies.Planning)]
    [ProducesResponseType<InspectionView>(200)]
    public static (IResult, Events, OutgoingMessages) Start(InspectionStep command, [InspectionStream] Inspection inspection,
        ClaimsPrincipal user, TimeProvider clock) =>
        InspectionOutcome.Of(inspection, FieldworkRules.Start(inspection, user.Actor(), clock.GetUtcNow()));

    [WolverinePost("/inspections/{inspectionId}/fieldwork/complete", Name = "CompleteFieldwork"), Authorize(Policy = Policies.Planning)]
    [ProducesResponseType<InspectionView>(200)]
    public static (IResult, Events, OutgoingMessages) Complete(InspectionStep command, [InspectionStream] Inspection inspection,
        ClaimsPrincipal user, TimeProvider clock) =>
        InspectionOutcome.Of(inspection, FieldworkRules.Complete(inspection, user.Actor(), clock.GetUtcNow()));
}
