using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Inspections;

/// <summary>Decide how a question is covered this time: in detail, by carrying the earlier judgment over, or ungraded.</summary>
public sealed record ScopeQuestion(QuestionScope? Scope, string? Reason, long? ExpectedVersion);

public static class ScopeQuestionRules
{
    public static FieldErrors Validate(ScopeQuestion c) => new FieldErrors()
        .Required("scope", c.Scope)
        .Text("reason", c.Reason, FieldErrors.LongText, required: false)
        .Required("expectedVersion", c.ExpectedVersion);

    public static Decision<QuestionScoped> Decide(
        Inspection inspection, AssessmentFramework framework, string questionCode, ScopeQuestion c, string actor, DateTimeOffset now)
    {
        var inScope = inspection.FindQuestion(questionCode);
        var question = framework.FindQuestion(questionCode);
        if (inScope is null || question is null)
            return Refusal.NotFound($"Question '{questionCode}' is not in the scope of inspection {inspection.Id}.");

        if (inspection.Stage is not (InspectionStage.Planning or InspectionStage.Fieldwork))
            return Refusal.ProcessRule($"Questions can be scoped during planning and fieldwork; the inspection is at {RecordWords.Quoted(inspection.Stage)}.");

        var scope = c.Scope!.Value;
        if (!question.Graded && scope != QuestionScope.Ungraded)
            return Refusal.ProcessRule($"Question {question.Code} is ungraded in {framework.Name}: it can only be scoped as Ungraded.");
        if (question.Graded && scope == QuestionScope.Ungraded)
            return Refusal.ProcessRule($"Question {question.Code} is graded in {framework.Name}: scope it as Detailed or CarryOver.");
        if (inScope.Scope == scope)
            return Refusal.ProcessRule($"Question {question.Code} is already scoped {RecordWords.ScopedFor(scope)}.");
        if (inScope.Awarded is not null)
            return Refusal.ProcessRule($"Question {question.Code} has an awarded grade; it can no longer be re-scoped.");

        return new QuestionScoped(inspection.Id, inspection.ForceId, question.Code, scope, inScope.Scope, c.Reason?.Trim(), actor, now);
    }

    /// <summary>Only a carry-over scoping gives the workflow work (Workflow/CarryOverHandler): the earlier judgment to look up.</summary>
    public static bool AsksForCarryOver(QuestionScoped scoped) => scoped.Scope == QuestionScope.CarryOver;
}

public static class ScopeQuestionEndpoint
{
    public static ProblemDetails Validate(ScopeQuestion? command) => FieldErrors.Check(command, ScopeQuestionRules.Validate);

    public static ProblemDetails Before(ScopeQuestion? command, Inspection? inspection, string questionCode) =>
        Expected.Question(questionCode, command?.ExpectedVersion).Check(inspection);

    [WolverinePost("/inspections/{inspectionId}/questions/{questionCode}/scope", Name = "ScopeQuestion")]
    [Authorize(Policy = Policies.Planning)]
    [ProducesResponseType<InspectionView>(200)]
    public static (IResult, Events, OutgoingMessages) Post(string questionCode, ScopeQuestion command, [InspectionStream] Inspection inspection, AssessmentFramework framework, ClaimsPrincipal user, TimeProvider clock) =>
        InspectionOutcome.Of(inspection, ScopeQuestionRules.Decide(inspection, framework, questionCode, command, user.Actor(), clock.GetUtcNow()),
            handOn: ScopeQuestionRules.AsksForCarryOver);
}
