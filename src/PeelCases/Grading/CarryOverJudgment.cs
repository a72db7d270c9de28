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
/// A carry-over decided by the lead inspector: after the workflow found nothing, or found several
/// earlier judgments that could stand (<see cref="From"/> names the earlier question chosen).
/// </summary>
public sealed record CarryOverByHand(string? From, long? ExpectedVersion)
{
    public static FieldErrors Validate(CarryOverByHand c) => new FieldErrors()
        .Required("expectedVersion", c.ExpectedVersion)
        .Text("from", c.From, 20, required: false);
}

public static class CarryOverJudgmentRules
{
    public static Decision<JudgmentCarriedOver> Decide(Inspection inspection, AssessmentFramework framework, string code,
        Func<FrameworkQuestion, JudgmentLookup> lookup, string actor, DateTimeOffset now)
    {
        var found = GradeRules.Find(inspection, framework, code);
        if (found.Value is not { } q) return found.Refusal!;
        if (q.Scoped.Settled) return Refusal.ProcessRule($"Question {q.Code} is already settled ({GradeRules.Describe(q.Scoped)}).");
        if (q.Scoped.Scope != QuestionScope.CarryOver)
            return Refusal.ProcessRule($"Question {q.Code} is {GradeRules.Describe(q.Scoped)}; only a question scoped for carry-over keeps its earlier judgment.");

        var result = lookup(q.Defined);
        if (result.Found is not { } reference) return Refusal.ProcessRule(result.WhyNone!);
        return new JudgmentCarriedOver(inspection.Id, inspection.ForceId, inspection.Cycle, inspection.Year, inspection.FrameworkId,
            q.Code, q.Defined.LineageKey!, reference, actor, now, result.Via);
    }
}

public static class CarryOverJudgmentEndpoint
{
    public static ProblemDetails Validate(CarryOverByHand? command) => FieldErrors.Check(command, CarryOverByHand.Validate);

    public static ProblemDetails Before(CarryOverByHand? command, Inspection? inspection, string questionCode) =>
        Expected.Question(questionCode, command?.ExpectedVersion).Check(inspection);

    /// <summary>The earlier judgment the lead inspector's choice points at, from the inline inspection documents.</summary>
    public static async Task<JudgmentLookup> LoadAsync(string questionCode, CarryOverByHand command, Inspection inspection, AssessmentFramework framework,
        IQuerySession session, CancellationToken ct) =>
        framework.FindQuestion(questionCode) is { } question
            ? await EarlierJudgments.FindAsync(session, inspection, question, ct, command.From?.Trim())
            : new JudgmentLookup(null, $"Framework {framework.Id} has no question '{questionCode}'.");

    [WolverinePost("/inspections/{inspectionId}/questions/{questionCode}/carry-over", Name = "CarryOverJudgment")]
    [Authorize(Policy = Policies.Planning)]
    [ProducesResponseType<InspectionView>(200)]
    public static (IResult, Events, OutgoingMessages) Post(string questionCode, CarryOverByHand command, [InspectionStream] Inspection inspection,
        AssessmentFramework framework, JudgmentLookup lookup, ClaimsPrincipal user, TimeProvider clock) =>
        InspectionOutcome.Of(inspection, CarryOverJudgmentRules.Decide(inspection, framework, questionCode, _ => lookup, user.Actor(), clock.GetUtcNow()));
}
