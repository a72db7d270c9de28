using System.Security.Claims;
using Marten;
using Marten.Exceptions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine;
using Wolverine.Marten;
using PeelCases.Inspections;
using PeelCases.Kernel;

namespace PeelCases.Fieldwork;

/// <summary>
/// Record a piece of fieldwork evidence. The client chooses <paramref name="EvidenceId"/>, so
/// an inspector on a bad connection can resend the same command and still record it once.
/// Evidence starts a stream of its own: recording needs no version of the inspection, and
/// a whole team can record at once without conflicts.
/// </summary>
/// <example>{"evidenceId":"5f0c1e2a-8d3b-4c6f-9a1e-2b7d4c9e0f13","method":"CaseFileReview","sampleSize":10,"collectedOn":"2018-10-09",
/// "summary":"Call handlers used THRIVE on 9 of 10 logs reviewed.","source":"Control room incident logs","questionCodes":["E3"]}</example>
public sealed record RecordEvidence(
    Guid? EvidenceId,
    EvidenceMethod? Method,
    int? SampleSize,
    DateOnly? CollectedOn,
    string? Summary,
    string? Source,
    IReadOnlyList<string>? QuestionCodes,
    bool Sensitive = false)
{
    public EvidenceContent ToContent() =>
        new(Method!.Value, SampleSize, CollectedOn!.Value, Summary!, Source!, QuestionCodes!, Sensitive);
}

public static class RecordEvidenceRules
{
    public static FieldErrors Validate(RecordEvidence c) =>
        EvidenceRules.ValidateContent(new FieldErrors().Required("evidenceId", c.EvidenceId).NotEmpty("evidenceId", c.EvidenceId),
            c.Method, c.SampleSize, c.CollectedOn, c.Summary, c.Source, c.QuestionCodes);

    public static Decision<EvidenceRecorded> Decide(Inspection inspection, RecordEvidence c, string actor, DateTimeOffset now)
    {
        var content = EvidenceRules.CheckAgainst(inspection, c.ToContent());
        if (content.Refusal is { } refusal) return refusal;
        return new EvidenceRecorded(c.EvidenceId!.Value, inspection.Id, content.Value!, actor, now);
    }

    /// <summary>A resend of what is already recorded is answered with the record; a different use of the id is refused.</summary>
    public static Refusal? CheckRetry(Evidence existing, Inspection inspection, RecordEvidence c)
    {
        var normalised = EvidenceRules.Normalise(inspection, c.ToContent()).Value;
        var asFirstRecorded = existing.EarlierVersions.FirstOrDefault()?.Content ?? existing.Content;
        var sameAsFirst = existing.InspectionId == inspection.Id && normalised is not null
                          && EvidenceRules.SameContent(asFirstRecorded, normalised);
        return sameAsFirst
            ? null
            : Refusal.ProcessRule($"Evidence id {existing.Id} is already used for different evidence. Choose a new id for new evidence, or amend the existing record.");
    }
}

public static class RecordEvidenceEndpoint
{
    public static ProblemDetails Validate(RecordEvidence? command) => FieldErrors.Check(command, RecordEvidenceRules.Validate);

    public static Task<RecordStart<Evidence>> LoadAsync(Guid inspectionId, RecordEvidence command, IQuerySession session, CancellationToken ct) =>
        RecordStreams.LoadAsync<Evidence>(session, inspectionId, command.EvidenceId, ct);

    public static ProblemDetails Before(Guid inspectionId, RecordStart<Evidence> start, ClaimsPrincipal user) =>
        RecordStreams.MayWorkOn(start.Inspection, inspectionId, user);

    /// <summary>A resend (even after the window closed, say) is answered with what was recorded; new evidence starts its stream.</summary>
    [WolverinePost("/inspections/{inspectionId}/evidence", Name = "RecordEvidence"), Authorize(Policy = Policies.Fieldwork)]
    [ProducesResponseType<Evidence>(201), ProducesResponseType<Evidence>(200)]
    public static (IResult, IMartenOp) Post(RecordEvidence command, RecordStart<Evidence> start, ClaimsPrincipal user, TimeProvider clock)
    {
        var inspection = start.Inspection!;
        if (start.Stored is { } stored)
            return (RecordEvidenceRules.CheckRetry(stored, inspection, command) is { } refusal ? refusal.ToResult() : Results.Ok(stored), MartenOps.Nothing());
        return RecordStreams.Start<EvidenceProjection, Evidence, EvidenceRecorded>(command.EvidenceId!.Value,
            RecordEvidenceRules.Decide(inspection, command, user.Actor(), clock.GetUtcNow()), $"/inspections/{inspection.Id}/evidence/{command.EvidenceId}");
    }

    public static Task<IResult> OnExceptionAsync(ExistingStreamIdCollisionException collision, HttpContext context) =>
        RecordStreams.Collided<Evidence>(collision, context, "evidence");
}
