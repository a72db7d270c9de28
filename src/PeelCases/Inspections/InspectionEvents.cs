using Wolverine.Attributes;
using System.Text.Json.Serialization;
using PeelCases.Kernel;

namespace PeelCases.Inspections;

[System.Text.Json.Serialization.JsonConverter(typeof(PeelCases.Kernel.StrictEnumConverter<QuestionScope>))]
public enum QuestionScope
{
    /// <summary>Inspected in detail this time and graded (where the framework grades it).</summary>
    Detailed,
    /// <summary>Not inspected in detail: the earlier awarded judgment stands.</summary>
    CarryOver,
    /// <summary>Narrative findings only; the framework gives this question no grade.</summary>
    Ungraded,
}

[System.Text.Json.Serialization.JsonConverter(typeof(PeelCases.Kernel.StrictEnumConverter<InspectionStage>))]
public enum InspectionStage { Planning, Fieldwork, Reporting, Moderation, SignOff, FactualAccuracyCheck, Published }

/// <summary>
/// An inspection of one force in one cycle, against one framework version. <c>Pillars</c> (added
/// 2026-11-27) are the pillars it covers where pillars were inspected separately; empty for an
/// integrated framework, absent from earlier events (derived from their questions).
/// </summary>
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
    IReadOnlyList<string> Team,
    string ScheduledBy,
    DateTimeOffset ScheduledAt,
    IReadOnlyList<string>? Pillars = null) : IBusinessEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => ScheduledAt;
}

/// <summary>The inspection team changed: inspectors record evidence and draft findings only where they are on it.</summary>
public sealed record InspectionTeamChanged(Guid InspectionId, IReadOnlyList<string> Joined, IReadOnlyList<string> Left, string ChangedBy, DateTimeOffset ChangedAt) : IBusinessEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => ChangedAt;
}

/// <summary>A question's scope decided (or changed) during planning.</summary>
[MessageIdentity("PeelCases.Inspections.QuestionScoped")] // stored in Wolverine's envelope tables: never change
public sealed record QuestionScoped(
    Guid InspectionId,
    string ForceId,
    string QuestionCode,
    QuestionScope Scope,
    QuestionScope? PreviousScope,
    string? Reason,
    string ScopedBy,
    DateTimeOffset ScopedAt) : IBusinessEvent, IQuestionEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => ScopedAt;
}
