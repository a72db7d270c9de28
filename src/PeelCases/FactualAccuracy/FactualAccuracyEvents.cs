using Wolverine.Attributes;
using PeelCases.Kernel;
namespace PeelCases.FactualAccuracy;

/// <summary>The force sees the draft and may challenge facts until the deadline (working days, weekends skipped).</summary>
public sealed record FactualAccuracyCheckOpened(Guid InspectionId, string ForceId, int WorkingDays, DateTimeOffset Deadline, string OpenedBy, DateTimeOffset OpenedAt) : IBusinessEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => OpenedAt;
}

public sealed record FactualAccuracyChallengeRaised(Guid InspectionId, Guid ChallengeId, string Text, Guid? FindingId, string RaisedBy, DateTimeOffset RaisedAt) : IBusinessEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => RaisedAt;
}

public sealed record FactualAccuracyChallengeResolved(Guid InspectionId, Guid ChallengeId, bool Accepted, string Reason, string ResolvedBy, DateTimeOffset ResolvedAt) : IBusinessEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => ResolvedAt;
}

/// <summary>Appended when the deadline message fires (durable: it fires after a restart too).</summary>
/// <summary>The check closed: at its deadline by the workflow, or early by the lead inspector (<see cref="ClosedBy"/>, added 2026-12-02).</summary>
public sealed record FactualAccuracyCheckClosed(Guid InspectionId, int ChallengesRaised, DateTimeOffset ClosedAt, string? ClosedBy = null) : IBusinessEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => ClosedAt;
}

/// <summary>The deadline message, scheduled durably when the check opens.</summary>
[MessageIdentity("PeelCases.FactualAccuracy.CloseFactualAccuracyCheck")] // stored in Wolverine's envelope tables: never change
public sealed record CloseFactualAccuracyCheck(Guid InspectionId, DateTimeOffset Deadline);
