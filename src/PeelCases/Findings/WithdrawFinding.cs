using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using PeelCases.Inspections;
using PeelCases.Kernel;

namespace PeelCases.Findings;

/// <summary>Withdraw a finding: it stays in the history and leaves every current view.</summary>
public sealed record WithdrawFinding(string? Reason, long? ExpectedVersion);

public static class WithdrawFindingRules
{
    public static FieldErrors Validate(WithdrawFinding c) => new FieldErrors()
        .Text("reason", c.Reason, 2_000)
        .Required("expectedVersion", c.ExpectedVersion);

    public static Decision<FindingWithdrawn> Decide(Finding finding, Inspection inspection, WithdrawFinding c, string actor, DateTimeOffset now)
    {
        if (finding.Withdrawn) return Refusal.ProcessRule("The finding is already withdrawn.");
        var question = inspection.FindQuestion(finding.QuestionCode);
        if (question is not null && Stages.Require(question, "Withdrawing a finding", QuestionStage.Fieldwork, QuestionStage.Drafting) is { } wrongStage)
            return wrongStage;
        return new FindingWithdrawn(finding.Id, inspection.Id, finding.QuestionCode, c.Reason!.Trim(), actor, now);
    }
}

public static class WithdrawFindingEndpoint
{
    public static ProblemDetails Validate(WithdrawFinding? command) => FieldErrors.Check(command, WithdrawFindingRules.Validate);

    [WolverinePost("/inspections/{inspectionId}/findings/{findingId}/withdrawal", Name = "WithdrawFinding"), Authorize(Policy = Policies.Fieldwork)]
    [ProducesResponseType<Finding>(200)]
    public static async Task<IResult> Post(
        Guid inspectionId, Guid findingId, WithdrawFinding command, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var inspection = await session.LoadAsync<Inspection>(inspectionId, ct);
        if (inspection is null) return Refusal.NotFound($"There is no inspection {inspectionId}.").ToResult();
        if (TeamRules.MayWorkOn(user, inspection) is { } forbidden) return forbidden.ToResult();
        return await RecordStreams.Change<Finding, FindingWithdrawn>(session, inspectionId, findingId, command.ExpectedVersion, "finding",
            finding => Task.FromResult(WithdrawFindingRules.Decide(finding, inspection, command, user.Actor(), clock.GetUtcNow())), ct);
    }
}
