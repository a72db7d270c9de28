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
    public long Version { get; set; }
}

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
        return m;
    }
}
