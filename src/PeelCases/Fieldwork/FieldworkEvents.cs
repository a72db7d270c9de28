using PeelCases.Kernel;

namespace PeelCases.Fieldwork;

// In the inspection stream.

public sealed record FieldworkStarted(Guid InspectionId, string StartedBy, DateTimeOffset StartedAt) : IBusinessEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => StartedAt;
}

/// <summary>Fieldwork over: the inspection moves to reporting and its questions to drafting.</summary>
public sealed record FieldworkCompleted(Guid InspectionId, string CompletedBy, DateTimeOffset CompletedAt) : IBusinessEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => CompletedAt;
}
