using Marten;
using Wolverine;
using Wolverine.Marten;
using PeelCases.FactualAccuracy;
using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.Moderation;
using PeelCases.QualityAssurance;
using PeelCases.ReferenceData;

namespace PeelCases.Workflow;

/// <summary>
/// The message-driven workflow. Each handler reacts to an event a command handed over through the
/// outbox, with Wolverine's aggregate handler workflow: the inspection's stream locked, its framework
/// version loaded, a pure decision of at most one event, appended and handed on in one transaction.
/// Every decision first checks whether its work is already done, so a redelivered message changes
/// nothing twice.
/// </summary>
public static class WorkflowHandler
{
    public const string Actor = "workflow";

    // The workflow's events are its own, not the user's whose command it reacts to.
    public static void Before(IDocumentSession session) => session.LastModifiedBy = Actor;

    public static Task<AssessmentFramework?> LoadAsync(Inspection? inspection, IQuerySession session, CancellationToken ct) =>
        WorkflowStep.FrameworkOf(inspection, session, ct);

    /// <summary>
    /// A proposal enters the moderation queue in its own transaction since 2026-11-27. One stored
    /// before then, whose message was still queued at the upgrade, joins the queue here.
    /// </summary>
    public static (Events, OutgoingMessages) Handle(GradeProposed e, [InspectionStream] Inspection? inspection) =>
        WorkflowStep.Of(inspection?.FindQuestion(e.QuestionCode) is { Stage: QuestionStage.AwaitingGrade, Proposed: { } p } && p.ProposedAt == e.ProposedAt
            ? ProposeGradeRules.EnterModeration(inspection, e)
            : null);

    // Whatever settles a question may move the whole inspection on.
    public static (Events, OutgoingMessages) Handle(GradeEnteredModeration e, [InspectionStream] Inspection? inspection, AssessmentFramework? framework, TimeProvider clock) => Progress(inspection, framework, clock);
    public static (Events, OutgoingMessages) Handle(GradeModerated e, [InspectionStream] Inspection? inspection, AssessmentFramework? framework, TimeProvider clock) => Progress(inspection, framework, clock);
    public static (Events, OutgoingMessages) Handle(GradeAwarded e, [InspectionStream] Inspection? inspection, AssessmentFramework? framework, TimeProvider clock) => Progress(inspection, framework, clock);
    public static (Events, OutgoingMessages) Handle(JudgmentCarriedOver e, [InspectionStream] Inspection? inspection, AssessmentFramework? framework, TimeProvider clock) => Progress(inspection, framework, clock);
    public static (Events, OutgoingMessages) Handle(FindingsAcceptedByQa e, [InspectionStream] Inspection? inspection, AssessmentFramework? framework, TimeProvider clock) => Progress(inspection, framework, clock);
    public static (Events, OutgoingMessages) Handle(PillarGradeAwarded e, [InspectionStream] Inspection? inspection, AssessmentFramework? framework, TimeProvider clock) => Progress(inspection, framework, clock);
    public static (Events, OutgoingMessages) Handle(InspectionEnteredModeration e, [InspectionStream] Inspection? inspection, AssessmentFramework? framework, TimeProvider clock) => Progress(inspection, framework, clock);

    /// <summary>The deadline message: closes the factual accuracy check it was scheduled for, once; early, it is sent again for the rest.</summary>
    public static (Events, OutgoingMessages) Handle(CloseFactualAccuracyCheck message, [InspectionStream] Inspection? inspection, TimeProvider clock)
    {
        var outcome = CheckDeadlineRules.Decide(inspection, message, clock.GetUtcNow());
        return outcome.WaitFor > TimeSpan.Zero ? ([], [message.DelayedFor(outcome.WaitFor)]) : WorkflowStep.Of(outcome.Closed);
    }

    private static (Events, OutgoingMessages) Progress(Inspection? inspection, AssessmentFramework? framework, TimeProvider clock) =>
        WorkflowStep.Of(inspection is null || framework is null ? null : InspectionProgress.Next(inspection, framework, clock.GetUtcNow()));
}

/// <summary>Scoped for carry-over: carry the earlier awarded judgment, or flag that a person must decide.</summary>
public static class CarryOverHandler
{
    public static void Before(IDocumentSession session) => session.LastModifiedBy = WorkflowHandler.Actor;

    /// <summary>The framework version and the earlier judgment, read in one round trip from the inline inspection documents (exact at write time).</summary>
    public static async Task<CarryOverContext> LoadAsync(QuestionScoped e, Inspection? inspection, IQuerySession session, CancellationToken ct)
    {
        if (!ScopeQuestionRules.AsksForCarryOver(e) || inspection?.FindQuestion(e.QuestionCode) is not { Scope: QuestionScope.CarryOver, Settled: false })
            return new(null, null);
        var (framework, lookup) = await EarlierJudgments.FindForAsync(session, inspection, e.QuestionCode, ct);
        return new(framework, lookup);
    }

    public static (Events, OutgoingMessages) Handle(QuestionScoped e, [InspectionStream] Inspection? inspection, CarryOverContext context, TimeProvider clock)
    {
        if (inspection is null || context is not { Framework: { } framework, Lookup: { } lookup }) return WorkflowStep.Of(null);
        var decision = CarryOverJudgmentRules.Decide(inspection, framework, e.QuestionCode, _ => lookup, WorkflowHandler.Actor, clock.GetUtcNow());
        if (decision.Value is { } carried) return WorkflowStep.ThenProgress(inspection, framework, carried, GradingState.Apply, clock.GetUtcNow());
        var reason = decision.Refusal!.Detail;
        return WorkflowStep.Of(inspection.FindQuestion(e.QuestionCode)!.CarryOverProblem == reason
            ? null
            : new CarryOverNeedsDecision(inspection.Id, e.QuestionCode, reason, clock.GetUtcNow()));
    }
}

/// <summary>What a carry-over decision reads: null when the question no longer waits for one (a redelivery).</summary>
public sealed record CarryOverContext(AssessmentFramework? Framework, JudgmentLookup? Lookup);

public static class WorkflowStep
{
    /// <summary>The workflow's step: nothing when its work is already in the record, else the event, appended and handed on.</summary>
    public static (Events, OutgoingMessages) Of(object? next) =>
        next is null ? ([], []) : ([next], [next]);

    /// <summary>
    /// A step whose event may settle the inspection's last open question: the progress step it causes is decided on
    /// the record as the event leaves it, in the same transaction, so the event is appended but not handed on to a
    /// second step that would lock the stream again, almost always to find nothing to do. What progress decides is
    /// handed on as usual.
    /// </summary>
    public static (Events, OutgoingMessages) ThenProgress<TEvent>(Inspection inspection, AssessmentFramework framework, TEvent settling,
        Action<Inspection, TEvent> fold, DateTimeOffset now) where TEvent : notnull
    {
        var after = inspection.Copy();
        fold(after, settling);
        return InspectionProgress.Next(after, framework, now) is { } next ? ([settling, next], [next]) : ([settling], []);
    }

    public static async Task<AssessmentFramework?> FrameworkOf(Inspection? inspection, IQuerySession session, CancellationToken ct) =>
        inspection is null ? null : await FrameworkVersions.LoadAsync(session, inspection.FrameworkId, inspection.FrameworkVersion, ct);
}
