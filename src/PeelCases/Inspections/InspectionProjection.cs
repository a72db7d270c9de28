using JasperFx.Events;
using Marten.Events.Aggregation;

namespace PeelCases.Inspections;

/// <summary>Folds the inspection stream into <see cref="Inspection"/>. Pure: times come from the events.</summary>
public partial class InspectionProjection : SingleStreamProjection<Inspection, Guid>
{
    public static Inspection Create(InspectionScheduled e) => new()
    {
        Id = e.InspectionId,
        ForceId = e.ForceId,
        Cycle = e.Cycle,
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

    public static void Apply(QuestionScoped e, Inspection inspection)
    {
        var index = inspection.Questions.FindIndex(q => q.Code == e.QuestionCode);
        if (index >= 0) inspection.Questions[index] = inspection.Questions[index] with { Scope = e.Scope };
        inspection.LastChangedAt = e.ScopedAt;
        inspection.LastChangedBy = e.ScopedBy;
    }
}
