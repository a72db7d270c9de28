using Marten.Events.Aggregation;

namespace PeelCases.Monitoring;

/// <summary>A force's monitoring stage as it stands, with every move before it. Inline from the force's monitoring stream.</summary>
public sealed class ForceMonitoring
{
    public Guid Id { get; set; }
    public string ForceId { get; set; } = "";
    public MonitoringStage Stage { get; set; }
    public DateTimeOffset Since { get; set; }
    public string Reason { get; set; } = "";
    public List<Guid> CausesOfConcern { get; set; } = [];
    public DateOnly? ImprovementPlanDue { get; set; }
    public List<MonitoringMove> Moves { get; set; } = [];
    /// <summary>The plan answering the current move to Engage (added 2026-12-08): null until one arrives, cleared by the next move.</summary>
    public ImprovementPlan? ImprovementPlan { get; set; }
    /// <summary>Every plan recorded, oldest first, each naming the move to Engage it answered (added 2026-12-08).</summary>
    public List<ImprovementPlan> ImprovementPlans { get; set; } = [];
    /// <summary>Every removal of personal data from this record (added 2026-12-08).</summary>
    public List<PeelCases.Inspections.RedactionStamp> Redactions { get; set; } = [];
    public long Version { get; set; }
}

/// <summary>An improvement plan as recorded; <see cref="Answers"/> is when the force was moved to the Engage it answers.</summary>
public sealed record ImprovementPlan(DateOnly ReceivedOn, string Summary, string? Reference, DateTimeOffset Answers, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record MonitoringMove(MonitoringStage From, MonitoringStage To, string Reason, IReadOnlyList<Guid> CausesOfConcern, DateOnly? ImprovementPlanDue,
    string By, DateTimeOffset At);

public partial class ForceMonitoringProjection : SingleStreamProjection<ForceMonitoring, Guid>
{
    public static ForceMonitoring Create(ForceMonitoringStageChanged e) => Apply(e, new ForceMonitoring { Id = MonitoringStreams.For(e.ForceId), ForceId = e.ForceId });

    public static ForceMonitoring Apply(ForceMonitoringStageChanged e, ForceMonitoring m)
    {
        m.Stage = e.Stage;
        m.Since = e.ChangedAt;
        m.Reason = e.Reason;
        m.CausesOfConcern = [.. e.CausesOfConcern];
        m.ImprovementPlanDue = e.ImprovementPlanDue;
        m.Moves.Add(new MonitoringMove(e.From, e.Stage, e.Reason, e.CausesOfConcern, e.ImprovementPlanDue, e.ChangedBy, e.ChangedAt));
        m.ImprovementPlan = null;
        return m;
    }

    public static ForceMonitoring Apply(MonitoringRedacted e, ForceMonitoring m)
    {
        RedactMonitoringRules.Apply(m, e);
        return m;
    }

    public static ForceMonitoring Apply(ImprovementPlanReceived e, ForceMonitoring m)
    {
        m.ImprovementPlan = new ImprovementPlan(e.ReceivedOn, e.Summary, e.Reference, m.Since, e.RecordedBy, e.RecordedAt);
        m.ImprovementPlans.Add(m.ImprovementPlan);
        return m;
    }
}
