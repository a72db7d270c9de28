using Wolverine.Attributes;
using PeelCases.Kernel;
namespace PeelCases.Publishing;

/// <summary>The report is published: frozen as version <see cref="ReportVersion"/>, dated <see cref="PublishedOn"/>.</summary>
public sealed record InspectionPublished(Guid InspectionId, string ForceId, string Cycle, int ReportVersion, DateOnly PublishedOn, string PublishedBy, DateTimeOffset PublishedAt) : IBusinessEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => PublishedAt;
}

/// <summary>
/// Integration event for systems outside PeelCases (the public website, the PCC's office).
/// Kept apart from the domain events and sent through the durable outbox.
/// </summary>
[MessageIdentity("PeelCases.Publishing.InspectionReportPublished")] // stored in Wolverine's envelope tables: never change
public sealed record InspectionReportPublished(Guid InspectionId, string ForceId, string Cycle, int ReportVersion, DateOnly PublishedOn, string ReportUrl);
