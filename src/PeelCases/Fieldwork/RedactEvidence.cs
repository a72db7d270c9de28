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

/// <summary>Remove personal data from a piece of evidence everywhere: its document, every earlier version and its stored events.</summary>
public sealed record RedactEvidence(string? Reason, long? ExpectedVersion);

public static class RedactEvidenceRules
{
    public static FieldErrors Validate(RedactEvidence c) => new FieldErrors()
        .Text("reason", c.Reason, 2_000)
        .Required("expectedVersion", c.ExpectedVersion);

    /// <summary>A second redaction at the current version appends nothing; its masking of the stored events runs again.</summary>
    public static Decision<EvidenceRedacted> Decide(Evidence evidence, RedactEvidence c, string actor, DateTimeOffset now) =>
        evidence.Redacted is { } done
            ? new AlreadyDone($"The evidence was already redacted by {done.By} on {done.At:d MMMM yyyy}.")
            : new EvidenceRedacted(evidence.Id, evidence.InspectionId, c.Reason!.Trim(), actor, now);
}

public static class RedactEvidenceEndpoint
{
    public static ProblemDetails Validate(RedactEvidence? command) => FieldErrors.Check(command, RedactEvidenceRules.Validate);

    public static ProblemDetails Before(Guid inspectionId, Guid evidenceId, RedactEvidence? command, Evidence? evidence) =>
        RecordStreams.MayChange(null, null, evidence, inspectionId, evidenceId, command?.ExpectedVersion, "evidence");

    /// <summary>
    /// Records the redaction, then, once it is committed, masks the stream's stored events (Marten's
    /// event data masking). Masking is idempotent: if it was interrupted, sending the command again
    /// with the new version finishes it.
    /// </summary>
    [WolverinePost("/inspections/{inspectionId}/evidence/{evidenceId}/redaction", Name = "RedactEvidence"), Authorize(Policy = Policies.Redaction)]
    [ProducesResponseType<Evidence>(200)]
    public static (IResult, Events) Post(Guid evidenceId, RedactEvidence command, [RecordStream("evidenceId")] Evidence evidence,
        ClaimsPrincipal user, TimeProvider clock)
    {
        var (response, events) = RecordStreams.Changed<Evidence, EvidenceRedacted>(evidenceId, RedactEvidenceRules.Decide(evidence, command, user.Actor(), clock.GetUtcNow()));
        return response is AfterCommit ? (new MaskedAfterCommit(evidenceId, response), events) : (response, events);
    }
}

/// <summary>Masks the evidence's stored events once the redaction is committed, then answers with the record.</summary>
public sealed class MaskedAfterCommit(Guid evidenceId, IResult then) : IResult
{
    public async Task ExecuteAsync(HttpContext context)
    {
        await context.RequestServices.GetRequiredService<IDocumentStore>().Advanced
            .ApplyEventDataMasking(m => m.IncludeStream(evidenceId), context.RequestAborted);
        await then.ExecuteAsync(context);
    }
}
