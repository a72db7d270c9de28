using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Grading;

/// <summary>
/// The team holds that the judgment carried over for a question no longer stands and names the
/// grade it intends, with its reason. The moderator decides between the two.
/// </summary>
public sealed record DisputeCarriedOverJudgment(Grade? IntendedGrade, string? Reason, long? ExpectedVersion);

public static class DisputeCarriedOverJudgmentRules
{
    public static FieldErrors Validate(DisputeCarriedOverJudgment c) => new FieldErrors()
        .Required("intendedGrade", c.IntendedGrade)
        .Text("reason", c.Reason, FieldErrors.LongText)
        .Required("expectedVersion", c.ExpectedVersion);

    public static Decision<CarriedOverJudgmentDisputed> Decide(Inspection inspection, AssessmentFramework framework, string code,
        DisputeCarriedOverJudgment c, string actor, DateTimeOffset now)
    {
        var found = GradeRules.Find(inspection, framework, code);
        if (found.Value is not { } q) return found.Refusal!;
        if (q.Scoped.CarriedOverFrom is not { } earlier || q.Scoped.Awarded is not null)
            return Refusal.ProcessRule($"Question {q.Code} is {GradeRules.Describe(q.Scoped)}; only a carried-over judgment can be disputed.");
        if (q.Scoped.DisputedCarryOver is not null)
            return Refusal.ProcessRule($"The carry-over of question {q.Code} was disputed and the moderator upheld it.");
        if (inspection.Stage > InspectionStage.Moderation)
            return Refusal.ProcessRule($"Inspection {inspection.Id} is at {RecordWords.Quoted(inspection.Stage)}: its judgments can no longer be disputed.");
        if (GradeRules.OnScale(framework, c.IntendedGrade!.Value) is { } offScale) return offScale;
        if (c.IntendedGrade == earlier.Grade)
            return Refusal.Invalid("intendedGrade", $"The earlier judgment is already {earlier.Grade.Display()}; there is nothing to dispute.");
        return new CarriedOverJudgmentDisputed(inspection.Id, q.Code, earlier, c.IntendedGrade.Value, c.Reason!.Trim(), actor, now,
            framework.Pillars.Any(p => p.Code == q.Defined.PillarCode) ? q.Defined.PillarCode : null);
    }
}

public static class DisputeCarriedOverJudgmentEndpoint
{
    public static ProblemDetails Validate(DisputeCarriedOverJudgment? command) => FieldErrors.Check(command, DisputeCarriedOverJudgmentRules.Validate);

    public static ProblemDetails Before(DisputeCarriedOverJudgment? command, Inspection? inspection, string questionCode) =>
        Expected.Question(questionCode, command?.ExpectedVersion).Check(inspection);

    [WolverinePost("/inspections/{inspectionId}/questions/{questionCode}/carry-over/dispute", Name = "DisputeCarriedOverJudgment")]
    [Authorize(Policy = Policies.Planning)]
    [ProducesResponseType<InspectionView>(200)]
    public static (IResult, Events, OutgoingMessages) Post(string questionCode, DisputeCarriedOverJudgment command, [InspectionStream] Inspection inspection, AssessmentFramework framework, ClaimsPrincipal user, TimeProvider clock) =>
        InspectionOutcome.Of(inspection, DisputeCarriedOverJudgmentRules.Decide(inspection, framework, questionCode, command, user.Actor(), clock.GetUtcNow()));
}
