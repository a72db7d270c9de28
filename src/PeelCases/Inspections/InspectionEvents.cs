using System.Text.Json.Serialization;

namespace PeelCases.Inspections;

[JsonConverter(typeof(JsonStringEnumConverter<QuestionScope>))]
public enum QuestionScope
{
    /// <summary>Inspected in detail this time and graded (where the framework grades it).</summary>
    Detailed,
    /// <summary>Not inspected in detail: the earlier awarded judgment stands.</summary>
    CarryOver,
    /// <summary>Narrative findings only; the framework gives this question no grade.</summary>
    Ungraded,
}

[JsonConverter(typeof(JsonStringEnumConverter<InspectionStage>))]
public enum InspectionStage { Planning, Fieldwork, Reporting, Moderation, SignOff, FactualAccuracyCheck, Published }

/// <summary>An inspection of one force in one cycle, against one framework version.</summary>
public sealed record InspectionScheduled(
    Guid InspectionId,
    string ForceId,
    string Cycle,
    int Year,
    string FrameworkId,
    int FrameworkVersion,
    IReadOnlyList<string> QuestionCodes,
    string LeadInspector,
    DateOnly FieldworkStarts,
    DateOnly FieldworkEnds,
    string ScheduledBy,
    DateTimeOffset ScheduledAt);

/// <summary>A question's scope decided (or changed) during planning.</summary>
public sealed record QuestionScoped(
    Guid InspectionId,
    string ForceId,
    string QuestionCode,
    QuestionScope Scope,
    QuestionScope? PreviousScope,
    string? Reason,
    string ScopedBy,
    DateTimeOffset ScopedAt);
