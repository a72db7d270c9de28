using Marten;
using Wolverine;
using PeelCases.FactualAccuracy;
using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.Moderation;
using PeelCases.QualityAssurance;
using PeelCases.ReferenceData;

namespace PeelCases.Workflow;

/// <summary>
/// The message-driven workflow. Each handler reacts to an event the write path handed over
/// through the outbox, reads the inspection as it stands (under the stream lock) and appends
/// at most one event. Every decision first checks whether its work is already done, so a
/// redelivered message changes nothing twice.
/// </summary>
public static class WorkflowHandler
{
    public const string Actor = "workflow";

    /// <summary>Scoped for carry-over: find the earlier awarded judgment and carry it, or flag that a person must decide.</summary>
    public static Task Handle(QuestionScoped e, IDocumentSession session, IMessageBus bus, TimeProvider clock, CancellationToken ct) =>
        e.Scope != Inspections.QuestionScope.CarryOver
            ? Task.CompletedTask
            : Apply(session, bus, e.InspectionId, async (inspection, framework) =>
            {
                var question = inspection.FindQuestion(e.QuestionCode);
                var defined = framework.FindQuestion(e.QuestionCode);
                if (question is not { Scope: Inspections.QuestionScope.CarryOver, Settled: false } || defined is null) return null;
                var lookup = await EarlierJudgments.FindAsync(session, inspection, defined, ct);
                var decision = CarryOverJudgmentRules.Decide(inspection, framework, e.QuestionCode, _ => lookup, Actor, clock.GetUtcNow());
                if (decision.Value is { } carried) return carried;
                var reason = decision.Refusal!.Detail;
                return question.CarryOverProblem == reason ? null : new CarryOverNeedsDecision(inspection.Id, question.Code, reason, clock.GetUtcNow());
            }, ct);

    /// <summary>A proposed grade joins the moderation queue.</summary>
    public static Task Handle(GradeProposed e, IDocumentSession session, IMessageBus bus, TimeProvider clock, CancellationToken ct) =>
        Apply(session, bus, e.InspectionId, (inspection, _) =>
        {
            var question = inspection.FindQuestion(e.QuestionCode);
            return Task.FromResult<object?>(question is { Stage: QuestionStage.AwaitingGrade, Proposed: { } p } && p.ProposedAt == e.ProposedAt
                ? new GradeEnteredModeration(inspection.Id, inspection.ForceId, inspection.Cycle, question.Code, p.Grade, p.ProposedAt, clock.GetUtcNow())
                : null);
        }, ct);

    // Whatever settles a question may move the whole inspection on.
    public static Task Handle(GradeEnteredModeration e, IDocumentSession session, IMessageBus bus, TimeProvider clock, CancellationToken ct) => Progress(session, bus, e.InspectionId, clock, ct);
    public static Task Handle(GradeAwarded e, IDocumentSession session, IMessageBus bus, TimeProvider clock, CancellationToken ct) => Progress(session, bus, e.InspectionId, clock, ct);
    public static Task Handle(GradeModerated e, IDocumentSession session, IMessageBus bus, TimeProvider clock, CancellationToken ct) => Progress(session, bus, e.InspectionId, clock, ct);
    public static Task Handle(JudgmentCarriedOver e, IDocumentSession session, IMessageBus bus, TimeProvider clock, CancellationToken ct) => Progress(session, bus, e.InspectionId, clock, ct);
    public static Task Handle(FindingsAcceptedByQa e, IDocumentSession session, IMessageBus bus, TimeProvider clock, CancellationToken ct) => Progress(session, bus, e.InspectionId, clock, ct);
    public static Task Handle(PillarGradeAwarded e, IDocumentSession session, IMessageBus bus, TimeProvider clock, CancellationToken ct) => Progress(session, bus, e.InspectionId, clock, ct);
    public static Task Handle(InspectionEnteredModeration e, IDocumentSession session, IMessageBus bus, TimeProvider clock, CancellationToken ct) => Progress(session, bus, e.InspectionId, clock, ct);

    /// <summary>The deadline message: closes the factual accuracy check it was scheduled for, once.</summary>
    public static Task Handle(CloseFactualAccuracyCheck message, IDocumentSession session, IMessageBus bus, TimeProvider clock, CancellationToken ct) =>
        Apply(session, bus, message.InspectionId, (inspection, _) => Task.FromResult<object?>(
            inspection.FactualAccuracy is { ClosedAt: null } check && check.Deadline == message.Deadline
                ? new FactualAccuracyCheckClosed(inspection.Id, check.Challenges.Count, clock.GetUtcNow())
                : null), ct);

    private static Task Progress(IDocumentSession session, IMessageBus bus, Guid inspectionId, TimeProvider clock, CancellationToken ct) =>
        Apply(session, bus, inspectionId, (inspection, framework) =>
            Task.FromResult(InspectionProgress.Next(inspection, framework, clock.GetUtcNow())), ct);

    private static async Task Apply(IDocumentSession session, IMessageBus bus, Guid inspectionId,
        Func<Inspection, AssessmentFramework, Task<object?>> decide, CancellationToken ct)
    {
        session.LastModifiedBy = Actor;
        await InspectionWrites.Append(session, bus, inspectionId, Expected.Nothing, async (inspection, framework) =>
            await decide(inspection, framework) is { } next ? new Decision<object>(next, null) : Done, ct);
    }

    // The reaction is already in the record (or was never needed): a redelivery lands here.
    private static readonly Decision<object> Done = new AlreadyDone("The workflow's step is already in the record.");
}
