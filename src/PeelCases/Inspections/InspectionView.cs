using Marten;
using PeelCases.Fieldwork;
using PeelCases.ReferenceData;

namespace PeelCases.Inspections;

/// <summary>
/// The inspection overview a lead inspector reads: the inspection document, named with
/// reference data, plus evidence counts taken from the evidence documents at read time
/// (a shared counter document would lose updates under concurrent recording).
/// </summary>
public sealed record InspectionView(
    Guid Id,
    string ForceId,
    string ForceName,
    string Cycle,
    string FrameworkId,
    int FrameworkVersion,
    InspectionStage Stage,
    string LeadInspector,
    DateOnly FieldworkStarts,
    DateOnly FieldworkEnds,
    IReadOnlyList<QuestionView> Questions,
    int EvidenceCount,
    DateTimeOffset ScheduledAt,
    string ScheduledBy,
    DateTimeOffset LastChangedAt,
    string LastChangedBy,
    long Version)
{
    public static async Task<InspectionView> Load(IQuerySession session, Inspection inspection, CancellationToken ct)
    {
        var force = await session.LoadAsync<Force>(inspection.ForceId, ct);
        var framework = await session.LoadAsync<AssessmentFramework>(inspection.FrameworkId, ct);
        var counts = await EvidenceCounts.ForInspection(session, inspection.Id, ct);
        return Compose(inspection, force, framework, counts);
    }

    public static InspectionView Compose(Inspection i, Force? force, AssessmentFramework? framework, EvidenceCounts counts) => new(
        i.Id, i.ForceId, force?.Name ?? i.ForceId, i.Cycle, i.FrameworkId, i.FrameworkVersion, i.Stage, i.LeadInspector,
        i.FieldworkStarts, i.FieldworkEnds,
        i.Questions.Select(q =>
        {
            var fq = framework?.FindQuestion(q.Code);
            return new QuestionView(q.Code, fq?.Number ?? 0, fq?.Text ?? "", fq?.PillarCode, fq?.Graded ?? true, q.Scope,
                counts.ByQuestion.GetValueOrDefault(q.Code));
        }).ToList(),
        counts.Total, i.ScheduledAt, i.ScheduledBy, i.LastChangedAt, i.LastChangedBy, i.Version);
}

public sealed record QuestionView(
    string Code, int Number, string Text, string? Pillar, bool Graded, QuestionScope? Scope, int EvidenceCount);
