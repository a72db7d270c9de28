using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine;
using Wolverine.Marten;
using PeelCases.Inspections;
using PeelCases.Kernel;

namespace PeelCases.Findings;

/// <summary>
/// Withdraw a finding: it stays in the history and leaves every current view. A cause of concern published ahead of the
/// report stays published (FindingRules.PublishedAhead).
/// </summary>
public sealed record WithdrawFinding(string? Reason, long? ExpectedVersion);

public static class WithdrawFindingRules
{
    public static FieldErrors Validate(WithdrawFinding c) => new FieldErrors()
        .Text("reason", c.Reason, 2_000)
        .Required("expectedVersion", c.ExpectedVersion);

    public static Decision<FindingWithdrawn> Decide(Finding finding, Inspection inspection, WithdrawFinding c, string actor, DateTimeOffset now)
    {
        if (finding.Withdrawn) return Refusal.ProcessRule("The finding is already withdrawn.");
        if (FindingRules.PublishedAhead(finding) is { } published) return published;
        var question = inspection.FindQuestion(finding.QuestionCode);
        if (question is not null && Stages.Require(question, "Withdrawing a finding", QuestionStage.Fieldwork, QuestionStage.Drafting) is { } wrongStage)
            return wrongStage;
        return new FindingWithdrawn(finding.Id, inspection.Id, finding.QuestionCode, c.Reason!.Trim(), actor, now);
    }
}

public static class WithdrawFindingEndpoint
{
    public static ProblemDetails Validate(WithdrawFinding? command) => FieldErrors.Check(command, WithdrawFindingRules.Validate);

    public static Task<Inspection?> LoadAsync(Guid inspectionId, IQuerySession session, CancellationToken ct) => RecordStreams.InspectionAsync(session, inspectionId, ct);

    public static ProblemDetails Before(Guid inspectionId, Guid findingId, WithdrawFinding? command, Inspection? inspection, Finding? finding, ClaimsPrincipal user) =>
        RecordStreams.MayChange(inspection, user, finding, inspectionId, findingId, command?.ExpectedVersion, "finding");

    [WolverinePost("/inspections/{inspectionId}/findings/{findingId}/withdrawal", Name = "WithdrawFinding"), Authorize(Policy = Policies.Fieldwork)]
    [ProducesResponseType<Finding>(200)]
    public static (IResult, Events) Post(Guid findingId, WithdrawFinding command, Inspection inspection, [RecordStream("findingId")] Finding finding,
        ClaimsPrincipal user, TimeProvider clock) =>
        RecordStreams.Changed<Finding, FindingWithdrawn>(findingId, WithdrawFindingRules.Decide(finding, inspection, command, user.Actor(), clock.GetUtcNow()));
}
