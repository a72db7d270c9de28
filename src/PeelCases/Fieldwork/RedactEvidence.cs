using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
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

    public static Decision<EvidenceRedacted> Decide(Evidence evidence, RedactEvidence c, string actor, DateTimeOffset now) =>
        evidence.Redacted is { } done
            ? Refusal.ProcessRule($"The evidence was already redacted by {done.By} on {done.At:d MMMM yyyy}.")
            : new EvidenceRedacted(evidence.Id, evidence.InspectionId, c.Reason!.Trim(), actor, now);
}

public static class RedactEvidenceEndpoint
{
    public static ProblemDetails Validate(RedactEvidence? command) => FieldErrors.Check(command, RedactEvidenceRules.Validate);

    /// <summary>
    /// Records the redaction, then masks the stream's stored events (Marten's event data
    /// masking). Masking is idempotent: if it was interrupted, sending the command again with
    /// the new version finishes it.
    /// </summary>
    [WolverinePost("/inspections/{inspectionId}/evidence/{evidenceId}/redaction", Name = "RedactEvidence"), Authorize(Policy = Policies.Redaction)]
    [ProducesResponseType<Evidence>(200)]
    public static async Task<IResult> Post(Guid inspectionId, Guid evidenceId, RedactEvidence command, IDocumentSession session,
        IDocumentStore store, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var existing = await session.LoadAsync<Evidence>(evidenceId, ct);
        if (existing is { Redacted: not null } && existing.InspectionId == inspectionId && command.ExpectedVersion == existing.Version)
        {
            await store.Advanced.ApplyEventDataMasking(m => m.IncludeStream(evidenceId), ct);
            return Results.Ok(existing);
        }
        var change = await RecordStreams.Apply<Evidence, EvidenceRedacted>(session, inspectionId, evidenceId, command.ExpectedVersion, "evidence",
            evidence => Task.FromResult(RedactEvidenceRules.Decide(evidence, command, user.Actor(), clock.GetUtcNow())), ct);
        if (change.Refusal is null) await store.Advanced.ApplyEventDataMasking(m => m.IncludeStream(evidenceId), ct);
        return change.ToResult();
    }
}
