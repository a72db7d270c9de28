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

    /// <summary>
    /// A redaction with nothing left to remove (no amendment since the last one) appends nothing, and its masking of the
    /// stored events runs again; after an amendment, a new redaction removes what the amendment added.
    /// </summary>
    public static Decision<EvidenceRedacted> Decide(Evidence evidence, RedactEvidence c, string actor, DateTimeOffset now) =>
        evidence.Redacted is { } done && Unredacted(evidence) is false
            ? new AlreadyDone($"The evidence was already redacted by {done.By} on {UkTime.Date(done.At)}, and nothing has been added since.")
            : new EvidenceRedacted(evidence.Id, evidence.InspectionId, c.Reason!.Trim(), actor, now);

    /// <summary>True while any free text of the evidence (its content, an earlier version, an amendment's reason) is unmasked.</summary>
    public static bool Unredacted(Evidence evidence) => !TextMask.IsMasked(evidence.Content) || !evidence.EarlierVersions.All(TextMask.IsMasked);
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
