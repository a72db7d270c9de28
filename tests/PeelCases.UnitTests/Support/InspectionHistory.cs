using PeelCases.FactualAccuracy;
using PeelCases.Fieldwork;
using PeelCases.Findings;
using PeelCases.Grading;
using PeelCases.HmiSignOff;
using PeelCases.Inspections;
using PeelCases.Moderation;
using PeelCases.Publishing;
using PeelCases.QualityAssurance;
using PeelCases.ReferenceData;
using PeelCases.Workflow;

namespace PeelCases.UnitTests.Support;

/// <summary>The people of the inspectorate who appear in the histories.</summary>
public static class People
{
    public const string Lead = "lena.lead";
    public const string Ian = "ian.inspector";
    public const string Sara = "sara.inspector";
    public const string Olu = "olu.inspector";
    public const string Qa = "quinn.qa";
    public const string Moderator = "mo.moderator";
    public const string Hmi = "hannah.hmi";
    public const string Liaison = "cumbria.liaison";
    public const string Workflow = WorkflowHandler.Actor;
    public static readonly string[] Team = [Ian, Sara];
}

/// <summary>
/// Builds the events of one inspection's stream with realistic values: who did what, and when
/// in the inspection's calendar (times follow the fieldwork window, as in the demo data).
/// </summary>
public sealed class InspectionHistory(Guid id, Force force, AssessmentFramework framework, DateOnly fieldworkStarts, DateOnly fieldworkEnds)
{
    public Guid Id => id;
    public Force Force => force;
    public AssessmentFramework Framework => framework;
    public DateOnly FieldworkStarts => fieldworkStarts;
    public DateOnly FieldworkEnds => fieldworkEnds;

    // The inspection's calendar.
    public DateTimeOffset ScheduledAt => Day(fieldworkStarts, -126);
    public DateTimeOffset ScopedAt => Day(fieldworkStarts, -98);
    public DateTimeOffset CarriedAt => ScopedAt.AddHours(1);
    public DateTimeOffset FieldworkStartedAt => Day(fieldworkStarts, 0, 8);
    public DateTimeOffset RecordedAt => Day(fieldworkStarts, 1, 17);
    public DateTimeOffset DraftedAt => Day(fieldworkEnds, -4);
    public DateTimeOffset FieldworkCompletedAt => Day(fieldworkEnds, 0, 17);
    public DateTimeOffset SubmittedAt => Day(fieldworkEnds, 38);
    public DateTimeOffset ReviewedAt => Day(fieldworkEnds, 45);
    public DateTimeOffset ProposedAt => Day(fieldworkEnds, 87);
    public DateTimeOffset EnteredModerationAt => ProposedAt.AddMinutes(1);
    public DateTimeOffset ModeratedAt => Day(fieldworkEnds, 101);
    public DateTimeOffset AwardedAt => Day(fieldworkEnds, 108);
    public DateTimeOffset PillarProposedAt => Day(fieldworkEnds, 122);
    public DateTimeOffset PillarModeratedAt => Day(fieldworkEnds, 129);
    public DateTimeOffset PillarAwardedAt => Day(fieldworkEnds, 136);
    public DateTimeOffset SignedOffAt => Day(fieldworkEnds, 143);
    public DateTimeOffset CheckOpenedAt => Day(fieldworkEnds, 144, 9);
    public DateTimeOffset CheckDeadline => WorkingDayCalendar.Add(CheckOpenedAt, 10);
    public DateOnly PublishedOn => fieldworkEnds.AddDays(195);
    public DateTimeOffset PublishedAt => new(PublishedOn.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    private static DateTimeOffset Day(DateOnly date, int days, int hour = 10) =>
        new(date.AddDays(days).ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    // Planning.

    public InspectionScheduled Scheduled(params string[] questions) => new(
        id, force.Id, framework.Cycle, framework.Year, framework.Id, framework.Version,
        questions.Length > 0 ? questions : Questions,
        People.Lead, fieldworkStarts, fieldworkEnds, People.Team, People.Lead, ScheduledAt);

    public QuestionScoped Scoped(string question, QuestionScope scope, QuestionScope? previous = null, DateTimeOffset? at = null) =>
        new(id, force.Id, question, scope, previous, $"Scoped {scope} in the inspection plan.", People.Lead, at ?? ScopedAt);

    public InspectionTeamChanged TeamChanged(string[] joined, string[] left) => new(id, joined, left, People.Lead, ScopedAt);

    /// <summary>The workflow carried the earlier awarded judgment over.</summary>
    public JudgmentCarriedOver CarriedOver(string question, JudgmentReference from) =>
        new(id, force.Id, framework.Cycle, framework.Year, framework.Id, question, framework.FindQuestion(question)!.LineageKey!,
            from, People.Workflow, CarriedAt);

    public CarryOverNeedsDecision CarryOverNeedsDecision(string question, string reason) => new(id, question, reason, CarriedAt);

    /// <summary>Where a judgment was awarded in this inspection, as a later carry-over refers to it.</summary>
    public JudgmentReference Reference(string question, Grade grade) =>
        new(id, force.Id, framework.Cycle, framework.Year, framework.Id, question, framework.FindQuestion(question)!.PillarCode, grade, AwardedAt);

    // Fieldwork and reporting.

    public FieldworkStarted FieldworkStarted() => new(id, People.Lead, FieldworkStartedAt);

    public FieldworkCompleted FieldworkCompleted() => new(id, People.Lead, FieldworkCompletedAt);

    public FindingsSubmittedForQa SubmittedForQa(string question, int findings = 1) => new(id, question, findings, People.Ian, SubmittedAt);

    public FindingsAcceptedByQa AcceptedByQa(string question, string? comments = null) => new(id, question, comments, People.Qa, ReviewedAt);

    public FindingsReturnedByQa ReturnedByQa(string question, string comments) => new(id, question, comments, People.Qa, ReviewedAt);

    public QuestionSummaryWritten SummaryWritten(string question, string summary) => new(id, question, summary, People.Lead, ReviewedAt.AddDays(1));

    public PillarSummaryWritten PillarSummaryWritten(string pillar, string summary) => new(id, pillar, summary, People.Lead, ReviewedAt.AddDays(1));

    // Grading and moderation.

    public GradeProposed GradeProposed(string question, Grade grade, params Guid[] findings) =>
        new(id, question, grade, $"The findings support {grade.Display()}.", findings, People.Lead, ProposedAt);

    public GradeEnteredModeration GradeEnteredModeration(string question, Grade proposed) =>
        new(id, force.Id, framework.Cycle, question, proposed, ProposedAt, EnteredModerationAt);

    public GradeModerated GradeModerated(string question, Grade proposed, Grade moderated, string? reason = null) =>
        new(id, question, proposed, moderated, reason, People.Moderator, ModeratedAt);

    public GradeAwarded GradeAwarded(string question, Grade grade) =>
        new(id, force.Id, framework.Cycle, framework.Year, framework.Id, question, framework.FindQuestion(question)!.LineageKey, grade, People.Hmi, AwardedAt);

    public InspectionEnteredModeration InspectionEnteredModeration() => new(id, EnteredModerationAt);

    public PillarGradeProposed PillarGradeProposed(string pillar, Grade grade) =>
        new(id, pillar, grade, $"The force is {grade.Display().ToLowerInvariant()} at {pillar}.", People.Lead, PillarProposedAt);

    public PillarGradeModerated PillarGradeModerated(string pillar, Grade proposed, Grade moderated, string? reason = null) =>
        new(id, pillar, proposed, moderated, reason, People.Moderator, PillarModeratedAt);

    public PillarGradeAwarded PillarGradeAwarded(string pillar, Grade grade) =>
        new(id, force.Id, framework.Cycle, framework.Year, pillar, grade, People.Hmi, PillarAwardedAt);

    public InspectionReadyForSignOff ReadyForSignOff() => new(id, PillarAwardedAt);

    // Sign-off, the factual accuracy check and publication.

    public InspectionSignedOff SignedOff() => new(id, People.Hmi, SignedOffAt);

    public FactualAccuracyCheckOpened CheckOpened() => new(id, force.Id, 10, CheckDeadline, People.Lead, CheckOpenedAt);

    public FactualAccuracyChallengeRaised ChallengeRaised(Guid challenge, string text, Guid? finding = null) =>
        new(id, challenge, text, finding, People.Liaison, CheckOpenedAt.AddDays(3));

    public FactualAccuracyChallengeResolved ChallengeResolved(Guid challenge, bool accepted, string reason) =>
        new(id, challenge, accepted, reason, People.Lead, CheckOpenedAt.AddDays(5));

    public FactualAccuracyCheckClosed CheckClosed(int challenges = 0) => new(id, challenges, CheckDeadline);

    public InspectionPublished Published(int version = 1, DateOnly? on = null) =>
        new(id, force.Id, framework.Cycle, version, on ?? PublishedOn, People.Hmi, PublishedAt.AddDays(version - 1));

    // Evidence and findings: streams of their own.

    public EvidenceContent EvidenceContent(params string[] questions) => new(
        EvidenceMethod.CaseFileReview, 40, fieldworkStarts.AddDays(1),
        "Incident logs reviewed: THRIVE assessment recorded on most logs, with safeguarding considered.",
        "Command and control room incident logs", questions.Length > 0 ? questions : [DetailedQuestion], false);

    public EvidenceRecorded EvidenceRecorded(Guid evidence, params string[] questions) =>
        new(evidence, id, EvidenceContent(questions), People.Ian, RecordedAt);

    public EvidenceAmended EvidenceAmended(Guid evidence, EvidenceContent content, string reason) =>
        new(evidence, id, content, reason, People.Sara, RecordedAt.AddDays(1));

    public EvidenceRedacted EvidenceRedacted(Guid evidence, string reason) =>
        new(evidence, id, reason, People.Lead, RecordedAt.AddDays(2));

    public FindingContent Strength(params Guid[] cited) => new(
        "A safeguarding help desk in the control room", FindingKind.Strength,
        "Detectives trained in vulnerability advise call takers and attending officers and make rapid referrals to partners.",
        cited, []);

    public FindingContent CauseOfConcern(Guid[] cited, params Recommendation[] recommendations) => new(
        "Backlogs in the online child abuse investigation team", FindingKind.CauseOfConcern,
        "Referrals wait too long for an initial assessment, leaving children at risk.",
        cited, recommendations.Length > 0 ? recommendations : [Recommendation(1)]);

    public static Recommendation Recommendation(int number, RecommendationStatus status = RecommendationStatus.Open) =>
        new(number, $"Recommendation {number}: the constabulary should assess every referral within 24 hours.",
            new RecommendationDeadline(DeadlineKind.WithinMonths, Months: 6), status);

    public FindingDrafted FindingDrafted(Guid finding, string question, FindingContent content) =>
        new(finding, id, question, content, People.Ian, DraftedAt);

    public FindingRevised FindingRevised(Guid finding, string question, FindingContent content, string reason) =>
        new(finding, id, question, content, reason, People.Sara, DraftedAt.AddDays(1));

    public FindingWithdrawn FindingWithdrawn(Guid finding, string question, string reason) =>
        new(finding, id, question, reason, People.Lead, DraftedAt.AddDays(2));

    public RecommendationStatusChanged RecommendationStatusChanged(Guid finding, int number, RecommendationStatus status) =>
        new(finding, id, number, status, "Follow-up visit.", PublishedOn.AddMonths(3), People.Lead, PublishedAt.AddMonths(3));

    /// <summary>The same inspection scheduled with other questions.</summary>
    public InspectionHistory WithQuestions(params string[] questions) =>
        new(id, force, framework, fieldworkStarts, fieldworkEnds) { Questions = questions, DetailedQuestion = DetailedQuestion };

    /// <summary>The questions scheduled (all of the framework's unless told).</summary>
    public string[] Questions { get; init; } = framework.Questions.Select(q => q.Code).ToArray();

    /// <summary>The question this history inspects in detail, which evidence bears on unless told.</summary>
    public string DetailedQuestion { get; init; } = framework.Questions[0].Code;
}
