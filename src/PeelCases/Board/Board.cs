using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.Monitoring;
using PeelCases.ReferenceData;

namespace PeelCases.Board;

/// <summary>
/// When the board flags an item as stuck, for every stage (configurable under "Board"): planning and fieldwork by their
/// planned dates (fieldwork that should have started, fieldwork past its planned end by a margin), every other stage by
/// how long it has waited there. Dates are UK dates (Europe/London).
/// </summary>
public sealed class BoardOptions
{
    public Dictionary<string, int> StuckAfterDays { get; set; } = new()
    {
        [nameof(QuestionStage.Scoping)] = 30,
        [nameof(QuestionStage.Drafting)] = 21,
        [nameof(QuestionStage.QaReview)] = 7,
        [nameof(QuestionStage.AwaitingGrade)] = 7,
        [nameof(QuestionStage.Moderation)] = 14,
        [nameof(QuestionStage.AwaitingAward)] = 7,
        [nameof(InspectionStage.Reporting)] = 60,
        [nameof(InspectionStage.SignOff)] = 14,
        // Ten working days and a margin: a check still open after this has missed its deadline message.
        [nameof(InspectionStage.FactualAccuracyCheck)] = 21,
    };

    /// <summary>Days after the planned start of fieldwork that an inspection may still be in planning.</summary>
    public int PlanningOverrunDays { get; set; } = 0;

    /// <summary>Days after the planned end of fieldwork that fieldwork may still be open.</summary>
    public int FieldworkOverrunDays { get; set; } = 7;

    public TimeSpan? LimitFor(string stage) => StuckAfterDays.TryGetValue(stage, out var days) ? TimeSpan.FromDays(days) : null;

    /// <summary>Days past the planned date the stage should have moved on by, when it is overdue; null while on time or for a stage without one.</summary>
    public int? Overrun(Inspection i, DateTimeOffset now)
    {
        var today = UkTime.Today(now);
        var (planned, margin) = i.Stage switch
        {
            InspectionStage.Planning => (i.FieldworkStarts, PlanningOverrunDays),
            InspectionStage.Fieldwork => (i.FieldworkEnds, FieldworkOverrunDays),
            _ => (default(DateOnly?), 0),
        };
        return planned is { } date && today.DayNumber > date.DayNumber + margin ? today.DayNumber - date.DayNumber : null;
    }
}

/// <summary>An inspection on the board; <see cref="Monitoring"/> is its force's monitoring stage (Scan or Engage, added 2026-12-02).</summary>
public sealed record BoardInspection(
    Guid Id, string ForceId, string ForceName, string Cycle, InspectionStage Stage, string HeldBy, DateTimeOffset Since, double DaysWaiting,
    bool Stuck, string? Blocker, IReadOnlyList<BoardQuestion> Questions, MonitoringStage Monitoring = MonitoringStage.Scan,
    string? Tranche = null, string? PublicationBatch = null);

public sealed record BoardQuestion(
    string Code, QuestionStage Stage, string HeldBy, DateTimeOffset Since, double DaysWaiting, bool Stuck, string? Blocker);

/// <summary>
/// The lead inspector board: every open inspection and question, its stage, who holds it,
/// since when, what blocks it, and whether it has waited past its stage's limit. Composed
/// from the exact inline inspection documents; ages are measured at read time.
/// </summary>
public static class BoardQueries
{
    [WolverineGet("/board", Name = "GetBoard"), Authorize(Policy = Policies.Inspectorate)]
    public static async Task<IReadOnlyList<BoardInspection>> Get(bool? stuckOnly, string? cycle, string? force, string? tranche, string? publicationBatch,
        IQuerySession session, BoardOptions options, TimeProvider clock, CancellationToken ct)
    {
        var open = (await session.Query<Inspection>().Where(i => i.Stage != InspectionStage.Published).ToListAsync(ct))
            .Where(i => Matches(cycle, i.Cycle) && Matches(force, i.ForceId) && Matches(tranche, i.Tranche) && Matches(publicationBatch, i.PublicationBatch)).ToList();
        var forces = (await session.Query<Force>().ToListAsync(ct)).ToDictionary(f => f.Id, f => f.Name);
        var engaged = (await session.Query<ForceMonitoring>().Where(m => m.Stage == MonitoringStage.Engage).ToListAsync(ct)).Select(m => m.ForceId).ToHashSet();
        var frameworks = await FrameworkVersions.AllByKeyAsync(session, ct);
        var board = open.OrderBy(i => i.Year).ThenBy(i => i.ForceId)
            .Select(i => Compose(i, forces.GetValueOrDefault(i.ForceId, i.ForceId), options, clock.GetUtcNow(),
                    frameworks.GetValueOrDefault(AssessmentFramework.KeyOf(i.FrameworkId, i.FrameworkVersion)))
                with { Monitoring = engaged.Contains(i.ForceId) ? MonitoringStage.Engage : MonitoringStage.Scan }).ToList();
        return stuckOnly == true ? board.Where(i => i.Stuck || i.Questions.Any(q => q.Stuck)).ToList() : board;
    }

    /// <summary>One inspection's row; with its framework, the pillars it still waits on once every question is final.</summary>
    public static BoardInspection Compose(Inspection i, string forceName, BoardOptions options, DateTimeOffset now, AssessmentFramework? framework = null)
    {
        var overrun = options.Overrun(i, now);
        var questions = i.Questions.Select(q =>
        {
            var blocker = q.Final ? null : Stages.Missing(q);
            var stuck = !q.Final && (q.CarryOverProblem is not null || Exceeded(options, q.Stage.ToString(), now - q.StageSince)
                                     || q.Stage == QuestionStage.Fieldwork && overrun is not null);
            return new BoardQuestion(q.Code, q.Stage, Holder(i, q), q.StageSince, Days(now - q.StageSince), stuck, blocker);
        }).ToList();
        var blocker = i.Stage switch
        {
            InspectionStage.Planning when overrun is { } late => $"Fieldwork was planned to start on {i.FieldworkStarts:d MMMM yyyy}; {late} day(s) past it.",
            InspectionStage.Fieldwork when overrun is { } late => $"Fieldwork was planned to end on {i.FieldworkEnds:d MMMM yyyy}; {late} day(s) past it.",
            InspectionStage.Planning => questions.Any(q => q.Stage == QuestionStage.Scoping && q.Blocker is not null) ? "Questions still to scope or carry over." : "Ready to start fieldwork.",
            InspectionStage.SignOff => i.SignedOff is null ? "Awaiting HMI sign-off." : "Signed off; the factual accuracy check can open.",
            InspectionStage.FactualAccuracyCheck => i.FactualAccuracy is { ClosedAt: null } f
                ? f.NoFurtherComments is not null
                    ? "The force has no further comments; the lead inspector " + (f.Challenges.Count(c => c.Accepted is null) is > 0 and var open
                        ? $"answers {open} challenge(s), then may close the check early." : "may close the check early.")
                    : $"The force may challenge facts until {UkTime.Format(f.Deadline)}."
                : "Check closed; " + (i.FactualAccuracy!.Challenges.Any(c => c.Accepted is null) ? "challenges await an answer." : "ready to publish."),
            _ when questions.Any(q => q.Blocker is not null) => "Questions are still in progress.",
            InspectionStage.Reporting or InspectionStage.Moderation when framework is not null && PillarRules.Waiting(i, framework) is { Count: > 0 } pillars =>
                $"Pillar grades: {string.Join("; ", pillars)}.",
            _ => null,
        };
        // Once the questions are done, a pillar-era inspection waits on whoever its first outstanding pillar grade needs.
        var pillarStep = i.Stage is InspectionStage.Reporting or InspectionStage.Moderation && framework is not null && questions.All(q => q.Blocker is null)
            ? PillarRules.Outstanding(i, framework).Select(x => (PillarStep?)x.Step).FirstOrDefault() : null;
        return new BoardInspection(i.Id, i.ForceId, forceName, i.Cycle, i.Stage, HolderOf(i, forceName, pillarStep), i.StageSince, Days(now - i.StageSince),
            overrun is not null || Exceeded(options, i.Stage.ToString(), now - i.StageSince), blocker, questions, Tranche: i.Tranche, PublicationBatch: i.PublicationBatch);
    }

    private static bool Matches(string? wanted, string? value) => string.IsNullOrWhiteSpace(wanted) || string.Equals(wanted.Trim(), value, StringComparison.OrdinalIgnoreCase);

    /// <summary>The named person holding the question, else the role its stage waits on.</summary>
    private static string Holder(Inspection i, InspectionQuestion q) => q.Holder is { } held && !q.Final ? held.Person : q.Stage switch
    {
        QuestionStage.QaReview => "QA reviewer",
        QuestionStage.Moderation => "moderation panel",
        QuestionStage.AwaitingAward => "HMI",
        QuestionStage.Awarded or QuestionStage.CarriedOver or QuestionStage.Ungraded => "—",
        QuestionStage.Fieldwork or QuestionStage.Drafting => "inspection team",
        _ => i.LeadInspector,
    };

    /// <summary>
    /// The named person holding the inspection, else the role its stage (or its next pillar grade) waits on. In the factual
    /// accuracy check: the force's liaison while it may challenge; the lead inspector once it has said it has no further
    /// comments (to close the check) or the check has closed with challenges unanswered; then the HMI, who publishes.
    /// </summary>
    private static string HolderOf(Inspection i, string forceName, PillarStep? pillar) => i.Holder?.Person ?? (pillar, i.Stage) switch
    {
        (_, InspectionStage.FactualAccuracyCheck) => i.FactualAccuracy switch
        {
            { ClosedAt: null, NoFurtherComments: null } => $"{forceName}'s force liaison",
            { ClosedAt: null } => i.LeadInspector,
            { } closed when closed.Challenges.Any(c => c.Accepted is null) => i.LeadInspector,
            _ => "HMI",
        },
        (PillarStep.Moderation, _) => "moderation panel",
        (PillarStep.Award, _) => "HMI",
        (PillarStep.Proposal, _) => i.LeadInspector,
        (_, InspectionStage.SignOff) => i.SignedOff is null ? "HMI" : i.LeadInspector,
        (_, InspectionStage.Moderation) => "moderation panel",
        _ => i.LeadInspector,
    };

    private static bool Exceeded(BoardOptions options, string stage, TimeSpan waited) => options.LimitFor(stage) is { } limit && waited > limit;

    private static double Days(TimeSpan span) => Math.Round(span.TotalDays, 1);
}
