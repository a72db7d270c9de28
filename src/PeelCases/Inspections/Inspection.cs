namespace PeelCases.Inspections;

/// <summary>
/// An inspection as it stands: projected inline from the inspection's own stream. Writes to
/// that stream are serialised (row lock), so this document is exact and is also what the
/// inspection's decisions read. Evidence lives in its own streams and is not counted here.
/// </summary>
public sealed class Inspection
{
    public Guid Id { get; set; }
    public string ForceId { get; set; } = "";
    public string Cycle { get; set; } = "";
    public string FrameworkId { get; set; } = "";
    public int FrameworkVersion { get; set; }
    public string LeadInspector { get; set; } = "";
    public DateOnly FieldworkStarts { get; set; }
    public DateOnly FieldworkEnds { get; set; }
    public InspectionStage Stage { get; set; }
    public List<InspectionQuestion> Questions { get; set; } = [];
    public DateTimeOffset ScheduledAt { get; set; }
    public string ScheduledBy { get; set; } = "";
    public DateTimeOffset LastChangedAt { get; set; }
    public string LastChangedBy { get; set; } = "";

    /// <summary>The stream version; commands send it back as their expected version.</summary>
    public long Version { get; set; }

    public InspectionQuestion? FindQuestion(string code) =>
        Questions.FirstOrDefault(q => string.Equals(q.Code, code, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A question in the inspection's scope; Scope is null until the lead inspector decides it.</summary>
public sealed record InspectionQuestion(string Code, QuestionScope? Scope);
