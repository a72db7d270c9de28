using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using PeelCases.Fieldwork;
using PeelCases.Findings;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.Lifecycle;
using PeelCases.ReferenceData;

namespace PeelCases.Audit;

/// <summary>
/// A question as it stood: its findings, the evidence recorded against it, the findings withdrawn by then (kept, with why),
/// and the force's earlier findings it looked at again, with the status notes recorded by then (added 2026-12-07).
/// </summary>
/// <param name="Sources">What each current finding rests on (Findings/Triangulation), from the evidence as it stood at the point.</param>
public sealed record QuestionAsOf(string Point, QuestionView Question, IReadOnlyList<Finding> Findings, IReadOnlyList<Evidence> Evidence,
    IReadOnlyList<Finding> WithdrawnFindings, IReadOnlyList<EarlierFinding> EarlierFindings, IReadOnlyList<FindingSources> Sources);

/// <summary>"What did the record say on 1 March?" — the inspection or one question as of a moment or a version.</summary>
public static class TimeTravel
{
    [WolverineGet("/inspections/{inspectionId}/as-of", Name = "GetInspectionAsOf"), Authorize(Policy = Policies.Inspectorate)]
    [ProducesResponseType<InspectionView>(200)]
    public static async Task<IResult> Inspection(Guid inspectionId, DateTimeOffset? at, long? version, DateOnly? on, IQuerySession session, CancellationToken ct)
    {
        if (Check(at, version, on) is { } invalid) return invalid.ToResult();
        if (on is not null)
        {
            // By business date: the whole record folded up to the events dated on or before that day.
            var (state, refusal) = await StateAsync(new RecordReads(session), inspectionId, null, null, ct, on);
            return refusal is not null ? refusal.ToResult() : Results.Ok(await ViewAsync(session, state!, ct));
        }
        var point = new PointInRecord(at, version);
        // The inspection's own stream is folded; evidence and findings are counted in the database, in the same round trip.
        var batch = session.CreateBatchQuery();
        var stream = batch.Events.FetchStream(inspectionId, version ?? 0, at);
        var counts = RecordCounts.LoadAsync(batch, inspectionId, point.At, point.Version);
        await batch.Execute(ct);
        Inspections.Inspection? inspection = null;
        foreach (var e in await stream)
        {
            inspection = StaticFold<InspectionProjection, Inspections.Inspection>.Apply(inspection, e.Data);
            if (inspection is not null) inspection.Version = e.Version;
        }
        if (inspection is null)
            return (await session.LoadAsync<Inspections.Inspection>(inspectionId, ct) is null
                ? Refusal.NotFound($"There is no inspection {inspectionId}.")
                : Refusal.NotFound($"Inspection {inspectionId} did not exist yet {point}.")).ToResult();
        if (PointInRecord.Reaches(inspectionId, point, inspection.Version) is { } beyond) return beyond.ToResult();
        var (evidence, findings) = await counts;
        var names = session.CreateBatchQuery();
        var (force, framework) = InspectionView.Names(names, inspection);
        await names.Execute(ct);
        return Results.Ok(InspectionView.Compose(inspection, await force, await framework, evidence, findings));
    }

    private static Refusal? Check(DateTimeOffset? at, long? version, DateOnly? on = null) =>
        new object?[] { at, version, on }.Count(x => x is not null) > 1 ? Refusal.Invalid("at", "Ask for one point: a moment recorded (at), a version, or a business date (on).")
        : version is < 1 ? Refusal.Invalid("version", "Versions start at 1.")
        : null;

    [WolverineGet("/inspections/{inspectionId}/questions/{questionCode}/as-of", Name = "GetQuestionAsOf"), Authorize(Policy = Policies.Inspectorate)]
    [ProducesResponseType<QuestionAsOf>(200)]
    public static Task<IResult> Question(Guid inspectionId, string questionCode, DateTimeOffset? at, long? version, DateOnly? on, IQuerySession session, CancellationToken ct) =>
        ReadQuestion(inspectionId, questionCode, at, version, on, new RecordReads(session), ct);

    public static async Task<IResult> ReadQuestion(Guid inspectionId, string questionCode, DateTimeOffset? at, long? version, DateOnly? on, RecordReads reads, CancellationToken ct)
    {
        var (state, refusal) = await StateAsync(reads, inspectionId, at, version, ct, on);
        if (refusal is not null) return refusal.ToResult();
        var view = await ViewAsync(reads.Session, state!, ct);
        var question = view.Questions.FirstOrDefault(q => string.Equals(q.Code, questionCode, StringComparison.OrdinalIgnoreCase));
        if (question is null) return Refusal.NotFound($"Question '{questionCode}' is not in the scope of inspection {inspectionId}.").ToResult();
        var findings = state!.Findings.Where(f => f.QuestionCode == question.Code).OrderBy(f => f.DraftedAt).ToLookup(f => f.Withdrawn);
        var point = new PointInRecord(at, version, on);
        var framework = (await FrameworkVersions.LoadAsync(reads.Session, state.Inspection!.FrameworkId, state.Inspection.FrameworkVersion, ct))!;
        var earlier = await reads.EarlierAsync(state.Inspection, framework, on, (await reads.LoadAsync(inspectionId, ct))!.MomentOf(point), ct);
        var current = findings[false].ToList();
        return Results.Ok(new QuestionAsOf(point.ToString(), question, current,
            state.Evidence.Where(e => e.Content.QuestionCodes.Contains(question.Code)).OrderBy(e => e.RecordedAt).ToList(), findings[true].ToList(),
            earlier.Where(e => e.Question == question.Code).ToList(), Triangulation.Of(current, state.Evidence)));
    }

    /// <summary>The record's state at the point asked for, or why it cannot be given.</summary>
    public static async Task<(RecordState? State, Refusal? Refusal)> StateAsync(
        RecordReads reads, Guid inspectionId, DateTimeOffset? at, long? version, CancellationToken ct, DateOnly? on = null)
    {
        if (Check(at, version, on) is { } invalid) return (null, invalid);
        var record = await reads.LoadAsync(inspectionId, ct);
        if (record is null) return (null, Refusal.NotFound($"There is no inspection {inspectionId}."));
        var point = new PointInRecord(at, version, on);
        if (record.Reaches(point) is { } beyond) return (null, beyond);
        var state = record.StateAt(point);
        return state.Inspection is null
            ? (null, Refusal.NotFound($"Inspection {inspectionId} did not exist yet {point}."))
            : (state, null);
    }

    public static async Task<InspectionView> ViewAsync(IQuerySession session, RecordState state, CancellationToken ct)
    {
        var inspection = state.Inspection!;
        var force = await session.LoadAsync<Force>(inspection.ForceId, ct);
        var framework = await FrameworkVersions.LoadAsync(session, inspection.FrameworkId, inspection.FrameworkVersion, ct);
        return InspectionView.Compose(inspection, force, framework, state.EvidenceCounts(), state.FindingCounts());
    }
}
