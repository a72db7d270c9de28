using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using PeelCases.Fieldwork;
using PeelCases.Findings;
using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.ReferenceData;
using PeelCases.Kernel;

namespace PeelCases.Audit;

/// <summary>One step of the record, with who did it and when, exactly as written at the time.</summary>
public sealed record RecordStep(
    long Sequence, string Stream, Guid StreamId, long StreamVersion, string EventType, string Description,
    string? Actor, DateTimeOffset? BusinessTime, DateTimeOffset RecordedAt, string? CorrelationId, string? CausationId, object Data,
    string? ImportedFrom = null)
{
    public static RecordStep From(IEvent e, Guid inspectionId) => new(
        e.Sequence,
        e.StreamId == inspectionId ? "inspection" : e.Data is EvidenceRecorded or EvidenceAmended or EvidenceRedacted ? "evidence" : "finding",
        e.StreamId, e.Version, e.Data.GetType().Name, EventDescriptions.Describe(e.Data),
        e.UserName, EventDescriptions.BusinessTime(e.Data), e.Timestamp, e.CorrelationId, e.CausationId, e.Data,
        e.GetHeader(ImportHeaders.Source)?.ToString());
}

/// <summary>How a question's grade was reached; a carried-over judgment ends in the trail of the original award.</summary>
/// <summary>A question's trail; <see cref="EarlierFindings"/> (added 2026-12-02) are the force's earlier areas for improvement and causes of concern this question looks at again, with their follow-up.</summary>
public sealed record GradeTrailView(Guid InspectionId, string QuestionCode, IReadOnlyList<RecordStep> Steps, GradeTrailView? CarriedOverFrom,
    GradeMovement? Movement = null, IReadOnlyList<EarlierFinding>? EarlierFindings = null);

public static class GradeTrail
{
    [WolverineGet("/inspections/{inspectionId}/questions/{questionCode}/trail", Name = "GetGradeTrail"), Authorize(Policy = Policies.Inspectorate)]
    [ProducesResponseType<GradeTrailView>(200)]
    public static Task<IResult> Get(Guid inspectionId, string questionCode, IQuerySession session, CancellationToken ct) =>
        Read(inspectionId, questionCode, new RecordReads(session), ct);

    public static async Task<IResult> Read(Guid inspectionId, string questionCode, RecordReads reads, CancellationToken ct)
    {
        var session = reads.Session;
        var trail = await BuildAsync(reads, inspectionId, questionCode, depth: 0, ct);
        if (trail is null) return Refusal.NotFound($"Inspection {inspectionId} has no question '{questionCode}'.").ToResult();
        var inspection = (await session.LoadAsync<Inspection>(inspectionId, ct))!;
        var framework = (await FrameworkVersions.LoadAsync(session, inspection.FrameworkId, inspection.FrameworkVersion, ct))!;
        var earlier = (await reads.EarlierAsync(inspection, framework, null, null, ct)).Where(e => e.Question == trail.QuestionCode).ToList();
        return Results.Ok(trail with { EarlierFindings = earlier });
    }

    private static async Task<GradeTrailView?> BuildAsync(RecordReads reads, Guid inspectionId, string questionCode, int depth, CancellationToken ct)
    {
        var session = reads.Session;
        // The question as it stands now is the inline document's; only the events are needed from the record.
        var question = (await session.LoadAsync<Inspection>(inspectionId, ct))?.FindQuestion(questionCode);
        var record = question is null ? null : await reads.LoadAsync(inspectionId, ct);
        if (record is null || question is null) return null;
        var steps = Of(record, question.Code).Select(e => RecordStep.From(e, inspectionId)).ToList();
        // A disputed carry-over keeps the earlier judgment's trail beside the team's, whichever the moderator chose.
        var origin = (question.CarriedOverFrom ?? question.DisputedCarryOver) is { } from && depth < 5
            ? await BuildAsync(reads, from.InspectionId, from.QuestionCode, depth + 1, ct)
            : null;
        return new GradeTrailView(inspectionId, question.Code, steps, origin, await MovementAsync(session, inspectionId, question.Code, ct));
    }

    /// <summary>How the question's standing grade moved from the judgment that stood before it on its lineage, in the force's earlier inspections.</summary>
    private static async Task<GradeMovement?> MovementAsync(IQuerySession session, Guid inspectionId, string code, CancellationToken ct)
    {
        var inspection = await session.LoadAsync<Inspection>(inspectionId, ct);
        if (inspection is null) return null;
        var standing = await GradeMovements.OfForcesAsync(session, [inspection.ForceId], ct);
        var own = standing.FirstOrDefault(s => s.Inspection.Id == inspectionId && s.Code == code);
        return own.Judgment is null ? null : GradeMovements.Of(own.Judgment, standing.Where(s => s.Inspection.Id != inspectionId).Select(s => s.Judgment));
    }

    /// <summary>
    /// Every event that touched the question: its scoping and stages, the inspection-wide stage
    /// changes that moved it, every version of evidence that ever bore on it, its findings.
    /// </summary>
    public static IEnumerable<IEvent> Of(InspectionRecord record, string questionCode)
    {
        var evidenceStreams = record.Events.Where(e => e.Data is EvidenceRecorded or EvidenceAmended && EventDescriptions.Questions(e.Data).Contains(questionCode))
            .Select(e => e.StreamId).ToHashSet();
        QuestionScope? scope = null;
        foreach (var e in record.Events)
        {
            if (e.Data is QuestionScoped scoped && scoped.QuestionCode == questionCode) scope = scoped.Scope;
            // Fieldwork moves only the questions inspected this time.
            var movesIt = e.Data is FieldworkStarted or FieldworkCompleted && scope is QuestionScope.Detailed or QuestionScope.Ungraded;
            if (e.Data is InspectionScheduled || movesIt || evidenceStreams.Contains(e.StreamId) || EventDescriptions.Questions(e.Data).Contains(questionCode))
                yield return e;
        }
    }
}
