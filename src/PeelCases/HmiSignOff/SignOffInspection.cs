using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.HmiSignOff;

public static class SignOffRules
{
    public static Decision<InspectionSignedOff> Decide(Inspection inspection, AssessmentFramework framework, string actor, DateTimeOffset now)
    {
        if (Stages.Require(inspection, InspectionStage.SignOff, "HMI sign-off", Stages.Outstanding(inspection)) is { } wrongStage) return wrongStage;
        if (inspection.SignedOff is { } done) return Refusal.ProcessRule($"The inspection was signed off by {done.By} on {UkTime.Date(done.At)}.");
        if (PublicSummaries.Require(inspection, framework, "HMI sign-off") is { } unwritten) return unwritten;
        return new InspectionSignedOff(inspection.Id, actor, now);
    }
}

public static class SignOffEndpoint
{
    public static ProblemDetails Validate(InspectionStep? command) => InspectionStep.Check(command);

    public static ProblemDetails Before(InspectionStep? command, Inspection? inspection) => Expected.Inspection(command?.ExpectedVersion).Check(inspection);

    /// <summary>Sign-off waits for the draft checks: the page's hand-written text read against the record (Grading/DraftChecks).</summary>
    public static async Task<ProblemDetails> ValidateAsync(Inspection? inspection, AssessmentFramework framework, IQuerySession session, CancellationToken ct) =>
        inspection is not null
        && DraftCheckRules.Require(DraftChecks.Flags(inspection, framework, (await DraftCheckContexts.ReadAsync(session, inspection, ct)).Others)) is { } flagged
            ? flagged.ToProblemDetails()
            : WolverineContinue.NoProblems;

    /// <summary>The HMI signs the inspection off once the workflow has marked it ready.</summary>
    [WolverinePost("/inspections/{inspectionId}/sign-off", Name = "SignOffInspection"), Authorize(Policy = Policies.SignOff)]
    [ProducesResponseType<InspectionView>(200)]
    public static (IResult, Events, OutgoingMessages) Post(InspectionStep command, [InspectionStream] Inspection inspection, AssessmentFramework framework,
        ClaimsPrincipal user, TimeProvider clock) =>
        InspectionOutcome.Of(inspection, SignOffRules.Decide(inspection, framework, user.Actor(), clock.GetUtcNow()));
}
