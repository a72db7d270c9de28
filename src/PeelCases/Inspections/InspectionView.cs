using Marten;
using Marten.Services.BatchQuerying;
using PeelCases.ReferenceData;

namespace PeelCases.Inspections;

/// <summary>
/// The inspection overview a lead inspector reads: the inspection document, named with
/// reference data, plus evidence and finding counts taken from their own documents at read
/// time (a shared counter document would lose updates under concurrent writers).
/// </summary>
public sealed record InspectionView(
    Guid Id,
    string ForceId,
    string ForceName,
    string Cycle,
    int Year,
    string FrameworkId,
    int FrameworkVersion,
    InspectionStage Stage,
    DateTimeOffset StageSince,
    string LeadInspector,
    IReadOnlyList<string> Team,
    DateOnly FieldworkStarts,
    DateOnly FieldworkEnds,
    IReadOnlyList<QuestionView> Questions,
    IReadOnlyList<PillarView> Pillars,
    SignOffStamp? SignedOff,
    FactualAccuracyCheck? FactualAccuracy,
    IReadOnlyList<Publication> Publications,
    int EvidenceCount,
    DateTimeOffset ScheduledAt,
    string ScheduledBy,
    DateTimeOffset LastChangedAt,
    string LastChangedBy,
    long Version,
    string? HmiObservations = null,
    string? Tranche = null,
    string? PublicationBatch = null,
    PccResponse? PccResponse = null,
    DateOnly? PccResponseDueOn = null,
    StageHolder? Holder = null)
{
    /// <summary>The overview now: its force, framework version and counts read in one round trip.</summary>
    public static async Task<InspectionView> Load(IQuerySession session, Inspection inspection, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var (force, framework) = Names(batch, inspection);
        var counts = RecordCounts.LoadAsync(batch, inspection.Id);
        await batch.Execute(ct);
        var (evidence, findings) = await counts;
        return Compose(inspection, await force, await framework, evidence, findings);
    }

    /// <summary>The force and framework version an overview names, queued in a batch.</summary>
    public static (Task<Force?> Force, Task<AssessmentFramework?> Framework) Names(IBatchedQuery batch, Inspection inspection) =>
        (batch.Load<Force>(inspection.ForceId), FrameworkVersions.Load(batch, inspection.FrameworkId, inspection.FrameworkVersion));

    public static InspectionView Compose(Inspection i, Force? force, AssessmentFramework? framework, EvidenceCounts evidence,
        IReadOnlyDictionary<string, Dictionary<string, int>> findings) => new(
        i.Id, i.ForceId, force?.Name ?? i.ForceId, i.Cycle, i.Year, i.FrameworkId, i.FrameworkVersion, i.Stage, i.StageSince, i.LeadInspector, i.Team,
        i.FieldworkStarts, i.FieldworkEnds,
        i.Questions.Select(q =>
        {
            var fq = framework?.FindQuestion(q.Code);
            return new QuestionView(q.Code, fq?.Number ?? 0, fq?.Text ?? "", fq?.PillarCode, fq?.Graded ?? true, q.Scope, q.Stage, q.StageSince,
                evidence.ByQuestion.GetValueOrDefault(q.Code), findings.GetValueOrDefault(q.Code) ?? [],
                q.Proposed, q.Moderated, q.Awarded, q.CarriedOverFrom, q.StandingGrade, q.Settled, q.Final, q.QaComments, q.CarryOverProblem, q.Version, q.DisputedCarryOver, q.Summary,
                q.Holder, q.LinesOfEnquiry, InspectionRedaction.Latest(i.Redactions, InspectionRedaction.OfQuestion(q.Code)));
        }).ToList(),
        (framework?.Pillars ?? []).Where(p => i.Questions.Any(q => framework!.FindQuestion(q.Code)?.PillarCode == p.Code))
            .Select(p =>
            {
                var judgment = i.FindPillar(p.Code);
                return new PillarView(p.Code, p.Name, p.HeadlineQuestion, judgment?.Proposed, judgment?.Awarded, judgment?.Summary, judgment?.Moderated,
                    InspectionRedaction.Latest(i.Redactions, InspectionRedaction.OfPillar(p.Code)));
            }).ToList(),
        i.SignedOff, i.FactualAccuracy, i.Publications,
        evidence.Total, i.ScheduledAt, i.ScheduledBy, i.LastChangedAt, i.LastChangedBy, i.Version, i.HmiObservations, i.Tranche, i.PublicationBatch,
        i.PccResponse, i.PccResponseDueOn(), i.Holder);
}

/// <summary>A question as the pages show it; <see cref="Redacted"/> (added 2026-12-07) says who last removed personal data from its text.</summary>
public sealed record QuestionView(
    string Code, int Number, string Text, string? Pillar, bool Graded, QuestionScope? Scope, QuestionStage Stage, DateTimeOffset StageSince,
    int EvidenceCount, IReadOnlyDictionary<string, int> Findings, ProposedGrade? Proposed, ModerationDecision? Moderated,
    AwardedGrade? Awarded, JudgmentReference? CarriedOverFrom, Grade? Grade, bool Settled, bool Final, string? QaComments, string? CarryOverProblem,
    long Version, JudgmentReference? DisputedCarryOver = null, string? Summary = null, StageHolder? Holder = null,
    IReadOnlyList<LineOfEnquiry>? LinesOfEnquiry = null, RedactionStamp? Redacted = null);

/// <summary>A pillar's grade as reached; <see cref="Redacted"/> (added 2026-12-07), as a question's, says who last removed personal data from its text.</summary>
public sealed record PillarView(string Code, string Name, string HeadlineQuestion, ProposedGrade? Proposed, AwardedGrade? Awarded, string? Summary = null,
    ModerationDecision? Moderated = null, RedactionStamp? Redacted = null);
