using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using PeelCases.Inspections;
using PeelCases.Kernel;

namespace PeelCases.Fieldwork;

/// <summary>
/// Record a piece of fieldwork evidence. The client chooses <paramref name="EvidenceId"/>, so
/// an inspector on a bad connection can resend the same command and still record it once.
/// Evidence starts a stream of its own: recording needs no version of the inspection, and
/// a whole team can record at once without conflicts.
/// </summary>
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

    [WolverinePost("/inspections/{inspectionId}/evidence", Name = "RecordEvidence"), Authorize(Policy = Policies.Fieldwork)]
    [ProducesResponseType<Evidence>(201), ProducesResponseType<Evidence>(200)]
    public static async Task<IResult> Post(
        Guid inspectionId, RecordEvidence command, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var inspection = await session.LoadAsync<Inspection>(inspectionId, ct);
        if (inspection is null) return Refusal.NotFound($"There is no inspection {inspectionId}.").ToResult();
        if (TeamRules.MayWorkOn(user, inspection) is { } forbidden) return forbidden.ToResult();

        var decision = RecordEvidenceRules.Decide(inspection, command, user.Actor(), clock.GetUtcNow());
        if (decision.Refusal is { } refusal)
        {
            // A resend after the window closed (say) is still answered with what was recorded.
            var existing = await session.LoadAsync<Evidence>(command.EvidenceId!.Value, ct);
            return existing is null ? refusal.ToResult() : Retried(existing, inspection, command);
        }

        // A resend finds the stream taken: it is answered from the stored record.
        return await RecordStreams.StartOnce<EvidenceProjection, Evidence>(session, command.EvidenceId!.Value, decision.Value!,
            $"/inspections/{inspectionId}/evidence/{command.EvidenceId}", e => Retried(e, inspection, command), ct);
    }

    private static IResult Retried(Evidence existing, Inspection inspection, RecordEvidence command) =>
        RecordEvidenceRules.CheckRetry(existing, inspection, command) is { } refusal ? refusal.ToResult() : Results.Ok(existing);
}
