using JasperFx.Events;
using Marten.Events.Projections;
using PeelCases.Inspections;
using PeelCases.ReferenceData;

namespace PeelCases.Grading;

/// <summary>
/// Every judgment that stands for a force, cycle by cycle: per question lineage its grade and
/// its basis (awarded there, or carried over from where it was awarded), plus pillar grades.
/// Async across all inspection streams; rebuildable from the events alone.
/// </summary>
public sealed class ForceGradeHistory
{
    public string Id { get; set; } = "";
    public List<GradeHistoryEntry> Entries { get; set; } = [];
}

public sealed record GradeHistoryEntry(
    Guid InspectionId, string Cycle, int Year, string FrameworkId, string Code, string? LineageKey, bool IsPillar,
    Grade Grade, string Basis, JudgmentReference? CarriedOverFrom, string DecidedBy, DateTimeOffset DecidedAt);

public partial class ForceGradeHistoryProjection : MultiStreamProjection<ForceGradeHistory, string>
{
    public ForceGradeHistoryProjection()
    {
        Identity<GradeAwarded>(e => e.ForceId);
        Identity<JudgmentCarriedOver>(e => e.ForceId);
        Identity<PillarGradeAwarded>(e => e.ForceId);
        Identity<QuestionScoped>(e => e.ForceId);
    }

    public static void Apply(GradeAwarded e, ForceGradeHistory h) => Put(h, new(e.InspectionId, e.Cycle, e.Year, e.FrameworkId,
        e.QuestionCode, e.LineageKey, false, e.Grade, "Awarded", null, e.AwardedBy, e.AwardedAt));

    public static void Apply(JudgmentCarriedOver e, ForceGradeHistory h) => Put(h, new(e.InspectionId, e.Cycle, e.Year, e.FrameworkId,
        e.QuestionCode, e.LineageKey, false, e.From.Grade, $"Carried over from {e.From.Cycle}", e.From, e.CarriedBy, e.CarriedAt));

    public static void Apply(PillarGradeAwarded e, ForceGradeHistory h) => Put(h, new(e.InspectionId, e.Cycle, e.Year, "",
        e.PillarCode, null, true, e.Grade, "Awarded", null, e.AwardedBy, e.AwardedAt));

    // A re-scoped question starts afresh, so any judgment recorded for it no longer stands.
    public static void Apply(QuestionScoped e, ForceGradeHistory h) =>
        h.Entries.RemoveAll(x => x.InspectionId == e.InspectionId && x.Code == e.QuestionCode && !x.IsPillar);

    private static void Put(ForceGradeHistory h, GradeHistoryEntry entry)
    {
        h.Entries.RemoveAll(x => x.InspectionId == entry.InspectionId && x.Code == entry.Code && x.IsPillar == entry.IsPillar);
        h.Entries.Add(entry);
        h.Entries.Sort((a, b) => (a.Year, a.Code).CompareTo((b.Year, b.Code)));
    }
}
