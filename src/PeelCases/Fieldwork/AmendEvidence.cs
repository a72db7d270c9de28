using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine;
using Wolverine.Marten;
using PeelCases.Inspections;
using PeelCases.Kernel;

namespace PeelCases.Fieldwork;

/// <summary>Correct recorded evidence. The whole corrected content is sent; the earlier version is kept.</summary>
public sealed record AmendEvidence(
    EvidenceMethod? Method,
    int? SampleSize,
    DateOnly? CollectedOn,
    string? Summary,
    string? Source,
    IReadOnlyList<string>? QuestionCodes,
    bool Sensitive,
    string? Reason,
    long? ExpectedVersion)
{
    public EvidenceContent ToContent() =>
        new(Method!.Value, SampleSize, CollectedOn!.Value, Summary!, Source!, QuestionCodes!, Sensitive);
}

public static class AmendEvidenceRules
{
    public static FieldErrors Validate(AmendEvidence c) =>
        EvidenceRules.ValidateContent(new FieldErrors(), c.Method, c.SampleSize, c.CollectedOn, c.Summary, c.Source, c.QuestionCodes)
            .Text("reason", c.Reason, 2_000)
            .Required("expectedVersion", c.ExpectedVersion);

    public static Decision<EvidenceAmended> Decide(Evidence evidence, Inspection inspection, AmendEvidence c, string actor, DateTimeOffset now)
    {
        var content = EvidenceRules.CheckAgainst(inspection, c.ToContent());
        if (content.Refusal is { } refusal) return refusal;
        if (EvidenceRules.SameContent(evidence.Content, content.Value!))
            return Refusal.ProcessRule("The amendment changes nothing: the evidence already reads like this.");
        return new EvidenceAmended(evidence.Id, inspection.Id, content.Value!, c.Reason!.Trim(), actor, now);
    }
}

public static class AmendEvidenceEndpoint
{
    public static ProblemDetails Validate(AmendEvidence? command) => FieldErrors.Check(command, AmendEvidenceRules.Validate);

    public static Task<Inspection?> LoadAsync(Guid inspectionId, IQuerySession session, CancellationToken ct) => RecordStreams.InspectionAsync(session, inspectionId, ct);

    public static ProblemDetails Before(Guid inspectionId, Guid evidenceId, AmendEvidence? command, Inspection? inspection, Evidence? evidence, ClaimsPrincipal user) =>
        RecordStreams.MayChange(inspection, user, evidence, inspectionId, evidenceId, command?.ExpectedVersion, "evidence");

    [WolverinePost("/inspections/{inspectionId}/evidence/{evidenceId}/amendments", Name = "AmendEvidence")]
    [Authorize(Policy = Policies.Fieldwork)]
    [ProducesResponseType<Evidence>(200)]
    public static (IResult, Events) Post(Guid evidenceId, AmendEvidence command, Inspection inspection, [RecordStream("evidenceId")] Evidence evidence,
        ClaimsPrincipal user, TimeProvider clock) =>
        RecordStreams.Changed<Evidence, EvidenceAmended>(evidenceId, AmendEvidenceRules.Decide(evidence, inspection, command, user.Actor(), clock.GetUtcNow()));
}
