using JasperFx.Events.Projections;
using Marten;
using PeelCases.Kernel;

namespace PeelCases.Fieldwork;

public static class FieldworkConfiguration
{
    public const string EvidenceDocument = "evidence";

    public static readonly IReadOnlyList<StoredEvent> Events =
    [
        StoredEvent.Of<FieldworkStarted>("fieldwork_started", "PeelCases.Workflow.FieldworkStarted"),
        StoredEvent.Of<FieldworkCompleted>("fieldwork_completed", "PeelCases.Workflow.FieldworkCompleted"),
        StoredEvent.Of<EvidenceRecorded>("evidence_recorded"),
        StoredEvent.Of<EvidenceAmended>("evidence_amended"),
        StoredEvent.Of<EvidenceRedacted>("evidence_redacted"),
    ];

    public static StoreOptions AddFieldwork(this StoreOptions opts)
    {
        opts.MapEvents(Events);
        opts.Schema.For<Evidence>().DocumentAlias(EvidenceDocument).Duplicate(e => e.InspectionId);
        // Inline: one writer per evidence stream (ADR 0001).
        opts.Projections.Add<EvidenceProjection>(ProjectionLifecycle.Inline);
        return opts;
    }
}
