using Marten.Events.Aggregation;
using PeelCases.Grading;

namespace PeelCases.Inspections;

/// <summary>Folds the inspection stream into <see cref="Inspection"/>. Pure: times come from the events.</summary>
public partial class InspectionProjection : SingleStreamProjection<Inspection, Guid>
{
    public static Inspection Create(InspectionScheduled e) => new()
    {
        Id = e.InspectionId,
        ForceId = e.ForceId,
        Cycle = e.Cycle,
        Year = e.Year,
        FrameworkId = e.FrameworkId,
        FrameworkVersion = e.FrameworkVersion,
        LeadInspector = e.LeadInspector,
        FieldworkStarts = e.FieldworkStarts,
        FieldworkEnds = e.FieldworkEnds,
        Stage = InspectionStage.Planning,
        Questions = e.QuestionCodes.Select(c => new InspectionQuestion(c, null)).ToList(),
        ScheduledAt = e.ScheduledAt,
        ScheduledBy = e.ScheduledBy,
        LastChangedAt = e.ScheduledAt,
        LastChangedBy = e.ScheduledBy,
    };

    // Re-scoping starts the question's judgment afresh (an awarded question cannot be re-scoped).
    public static void Apply(QuestionScoped e, Inspection i) =>
        Change(i, e.QuestionCode, q => new InspectionQuestion(q.Code, e.Scope), e.ScopedBy, e.ScopedAt);

    public static void Apply(GradeProposed e, Inspection i) =>
        Change(i, e.QuestionCode, q => q with { Proposed = new(e.Grade, e.Rationale, e.CitedFindingIds, e.ProposedBy, e.ProposedAt) },
            e.ProposedBy, e.ProposedAt);

    public static void Apply(GradeAwarded e, Inspection i) =>
        Change(i, e.QuestionCode, q => q with { Awarded = new(e.Grade, e.AwardedBy, e.AwardedAt) }, e.AwardedBy, e.AwardedAt);

    public static void Apply(JudgmentCarriedOver e, Inspection i) =>
        Change(i, e.QuestionCode, q => q with { CarriedOverFrom = e.From }, e.CarriedBy, e.CarriedAt);

    public static void Apply(PillarGradeProposed e, Inspection i)
    {
        var pillar = Pillar(i, e.PillarCode);
        i.Pillars[i.Pillars.IndexOf(pillar)] = pillar with { Proposed = new(e.Grade, e.Rationale, [], e.ProposedBy, e.ProposedAt) };
        Touch(i, e.ProposedBy, e.ProposedAt);
    }

    public static void Apply(PillarGradeAwarded e, Inspection i)
    {
        var pillar = Pillar(i, e.PillarCode);
        i.Pillars[i.Pillars.IndexOf(pillar)] = pillar with { Awarded = new(e.Grade, e.AwardedBy, e.AwardedAt) };
        Touch(i, e.AwardedBy, e.AwardedAt);
    }

    private static PillarJudgment Pillar(Inspection i, string code)
    {
        var pillar = i.Pillars.FirstOrDefault(p => p.PillarCode == code);
        if (pillar is not null) return pillar;
        pillar = new PillarJudgment(code, null, null);
        i.Pillars.Add(pillar);
        return pillar;
    }

    private static void Change(Inspection i, string code, Func<InspectionQuestion, InspectionQuestion> change, string by, DateTimeOffset at)
    {
        var question = i.FindQuestion(code);
        if (question is not null) i.Replace(change(question));
        Touch(i, by, at);
    }

    private static void Touch(Inspection i, string by, DateTimeOffset at)
    {
        i.LastChangedBy = by;
        i.LastChangedAt = at;
    }
}
