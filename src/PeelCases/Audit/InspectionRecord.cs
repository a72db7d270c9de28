using JasperFx.Events;
using Marten;
using PeelCases.Fieldwork;
using PeelCases.Findings;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.Lifecycle;

namespace PeelCases.Audit;

/// <summary>
/// Where in the record to look: a moment of recording (<see cref="At"/>), a version of the inspection
/// stream, or a business date (<see cref="On"/>: what had happened by the end of that day, by the
/// dates the events state — an imported 2016 award counts on its 2016 date, not on the day it was imported).
/// </summary>
public sealed record PointInRecord(DateTimeOffset? At, long? Version, DateOnly? On = null)
{
    /// <summary>
    /// For a published page: the record at the point, with the corrections appended to it since (events
    /// carrying the <c>correction</c> header, dated by business time no later than the point): what
    /// was published, as the record should have held it.
    /// </summary>
    public bool WithCorrections { get; init; }

    public static readonly PointInRecord Now = new(null, null);

    public static Refusal? Reaches(Guid inspectionId, PointInRecord point, long latest) =>
        point.Version is { } v && v > latest
            ? Refusal.NotFound($"Inspection {inspectionId} is at version {latest}; there is no version {v} yet.")
            : null;
    public override string ToString() => At is { } at ? $"as recorded at {at:O}" : Version is { } v ? $"at inspection version {v}"
        : On is { } on ? $"as it stood on {on:yyyy-MM-dd}" : "now";
}

/// <summary>
/// Every event of one inspection — its own stream and the streams of its evidence and findings —
/// in the order they were recorded, with Marten's metadata (who, when, correlation) as written.
/// </summary>
public sealed class InspectionRecord(Guid inspectionId, IReadOnlyList<IEvent> events)
{
    public Guid InspectionId { get; } = inspectionId;
    public IReadOnlyList<IEvent> Events { get; } = events;

    public static async Task<InspectionRecord?> LoadAsync(IQuerySession session, Guid inspectionId, CancellationToken ct)
    {
        if (await session.LoadAsync<Inspection>(inspectionId, ct) is null) return null;
        var evidence = await session.Query<Evidence>().Where(e => e.InspectionId == inspectionId).Select(e => e.Id).ToListAsync(ct);
        var findings = await session.Query<Finding>().Where(f => f.InspectionId == inspectionId).Select(f => f.Id).ToListAsync(ct);
        var streams = evidence.Concat(findings).Append(inspectionId).ToArray();
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId.IsOneOf(streams))
            .OrderBy(e => e.Sequence)
            .ToListAsync(ct);
        return new InspectionRecord(inspectionId, events);
    }

    /// <summary>The inspection stream's latest version.</summary>
    public long LatestVersion => Events.Where(e => e.StreamId == InspectionId).Select(e => e.Version).DefaultIfEmpty(0).Max();

    /// <summary>A version the inspection never reached is a 404, never the current state in its place.</summary>
    public Refusal? Reaches(PointInRecord point) => PointInRecord.Reaches(InspectionId, point, LatestVersion);

    /// <summary>The events recorded up to a point: a moment, or the inspection stream's version (and what was recorded by then).</summary>
    public IReadOnlyList<IEvent> Until(PointInRecord point)
    {
        if (point.At is { } at) return Events.Where(e => e.Timestamp <= at).ToList();
        if (point.On is { } on)
        {
            var end = new DateTimeOffset(on.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return Events.Where(e => (EventDescriptions.BusinessTime(e.Data) ?? e.Timestamp) < end).ToList();
        }
        if (point.Version is not { } version) return Events;
        var last = Events.LastOrDefault(e => e.StreamId == InspectionId && e.Version <= version);
        if (last is null) return [];
        var until = Events.Where(e => e.Sequence <= last.Sequence);
        if (!point.WithCorrections) return until.ToList();
        var asOf = EventDescriptions.BusinessTime(last.Data) ?? last.Timestamp;
        return until.Concat(Events.Where(e => e.Sequence > last.Sequence && e.GetHeader(CorrectionHeaders.Correction) is not null
            && (EventDescriptions.BusinessTime(e.Data) ?? e.Timestamp) <= asOf)).ToList();
    }

    /// <summary>
    /// The moment of a point, to read other records as they were then: the moment itself, or when the inspection reached
    /// the version (its event's own time, the service's clock as it recorded it, as other records' notes are dated);
    /// null for a business date and for now.
    /// </summary>
    public DateTimeOffset? MomentOf(PointInRecord point) =>
        point.At ?? (point.Version is { } v && Events.LastOrDefault(e => e.StreamId == InspectionId && e.Version <= v) is { } last
            ? EventDescriptions.BusinessTime(last.Data) ?? last.Timestamp
            : null);

    /// <summary>The inspection, its evidence and its findings as they stood at that point.</summary>
    public RecordState StateAt(PointInRecord point)
    {
        Inspection? inspection = null;
        var evidence = new Dictionary<Guid, Evidence>();
        var findings = new Dictionary<Guid, Finding>();
        foreach (var e in Until(point))
        {
            if (e.StreamId == InspectionId)
            {
                inspection = StaticFold<InspectionProjection, Inspection>.Apply(inspection, e.Data);
                if (inspection is not null) inspection.Version = e.Version;
            }
            else if (e.Data is EvidenceRecorded or EvidenceAmended or EvidenceRedacted)
                Fold<EvidenceProjection, Evidence>(evidence, e);
            else
                Fold<FindingProjection, Finding>(findings, e);
        }
        return new RecordState(inspection, evidence.Values.ToList(), findings.Values.ToList());
    }

    private static void Fold<TProjection, TDoc>(Dictionary<Guid, TDoc> docs, IEvent e) where TDoc : class, IInspectionRecord
    {
        var doc = StaticFold<TProjection, TDoc>.Apply(docs.GetValueOrDefault(e.StreamId), e.Data);
        if (doc is null) return;
        doc.Version = e.Version;
        docs[e.StreamId] = doc;
    }
}

public sealed record RecordState(Inspection? Inspection, IReadOnlyList<Evidence> Evidence, IReadOnlyList<Finding> Findings)
{
    public EvidenceCounts EvidenceCounts() => new(Evidence.Count,
        Evidence.SelectMany(e => e.Content.QuestionCodes).GroupBy(q => q).ToDictionary(g => g.Key, g => g.Count()));

    public IReadOnlyDictionary<string, Dictionary<string, int>> FindingCounts() =>
        Findings.Where(f => !f.Withdrawn).GroupBy(f => f.QuestionCode)
            .ToDictionary(g => g.Key, g => g.GroupBy(f => f.Content.Kind.ToString()).ToDictionary(k => k.Key, k => k.Count()));
}
