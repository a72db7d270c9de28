using Wolverine.Attributes;
using PeelCases.Kernel;

namespace PeelCases.Workflow;

// Appended by the workflow to the inspection stream.

/// <summary>Appended by the workflow: every question has a proposed grade (or is settled).</summary>
[MessageIdentity("PeelCases.Workflow.InspectionEnteredModeration")] // stored in Wolverine's envelope tables: never change
public sealed record InspectionEnteredModeration(Guid InspectionId, DateTimeOffset EnteredAt) : IBusinessEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => EnteredAt;
}

/// <summary>Appended by the workflow: every question (and pillar) is settled; the HMI can sign off.</summary>
public sealed record InspectionReadyForSignOff(Guid InspectionId, DateTimeOffset ReadyAt) : IBusinessEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => ReadyAt;
}
