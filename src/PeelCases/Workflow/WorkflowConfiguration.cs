using Marten;
using PeelCases.FactualAccuracy;
using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.Moderation;
using PeelCases.Publishing;
using PeelCases.QualityAssurance;

namespace PeelCases.Workflow;

public static class WorkflowConfiguration
{
    public static readonly IReadOnlyList<StoredEvent> Events =
    [
        StoredEvent.Of<InspectionEnteredModeration>("inspection_entered_moderation"),
        StoredEvent.Of<InspectionReadyForSignOff>("inspection_ready_for_sign_off"),
    ];

    /// <summary>
    /// How many durable local queues the messages are spread over by inspection (ADR 0014). A step mostly waits on the
    /// database, so more queues let more inspections' steps wait at once: 12 answered the workflow benchmark's unpaced
    /// load with about two-thirds of the p99 that 3 gave, and 24 no better (docs/benchmarks.md). Raise it freely; lower it
    /// only once the queues taken away are empty, because a stored message is received by the queue it names.
    /// </summary>
    public const int Queues = 12;

    /// <summary>
    /// Every message our handlers take. Each is about one inspection (its <c>InspectionId</c>), and the host processes
    /// them in inspection order (Host/ServiceSetup, ADR 0014): two about one inspection never run at once, so neither
    /// waits on the other's lock.
    /// </summary>
    public static readonly IReadOnlyList<Type> Messages =
    [
        typeof(QuestionScoped), typeof(GradeProposed), typeof(GradeEnteredModeration), typeof(GradeModerated), typeof(GradeAwarded),
        typeof(JudgmentCarriedOver), typeof(FindingsAcceptedByQa), typeof(PillarGradeAwarded), typeof(InspectionEnteredModeration),
        typeof(CloseFactualAccuracyCheck), typeof(InspectionReportPublished),
    ];

    public static StoreOptions AddWorkflow(this StoreOptions opts) => opts.MapEvents(Events);
}
