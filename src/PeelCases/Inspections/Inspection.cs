using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Inspections;

/// <summary>
/// An inspection as it stands: projected inline from the inspection's own stream. Writes to
/// that stream are serialised (row lock), so this document is exact and is also what the
/// inspection's decisions read. Evidence and findings live in their own streams.
/// </summary>
public sealed class Inspection
{
    public Guid Id { get; set; }
    public string ForceId { get; set; } = "";
    public string Cycle { get; set; } = "";
    public int Year { get; set; }
    public string FrameworkId { get; set; } = "";
    public int FrameworkVersion { get; set; }
    public string LeadInspector { get; set; } = "";
    public List<string> Team { get; set; } = [];
    public DateOnly FieldworkStarts { get; set; }
    public DateOnly FieldworkEnds { get; set; }
    public InspectionStage Stage { get; set; }
    public DateTimeOffset StageSince { get; set; }
    public List<InspectionQuestion> Questions { get; set; } = [];
    public List<PillarJudgment> Pillars { get; set; } = [];

    /// <summary>Draft-check flags dismissed with a reason (added 2026-11-27); a flag stays dismissed while its text is unchanged.</summary>
    public List<DraftFlagDismissal> DismissedDraftFlags { get; set; } = [];

    /// <summary>The pillars this inspection covers; empty for an integrated framework; null when scheduled before it was recorded.</summary>
    public List<string>? Covers { get; set; }

    /// <summary>
    /// What the uniqueness of force, cycle and coverage is checked on (a unique index): its pillars
    /// joined, or "whole" for an integrated framework or an inspection scheduled before coverage was recorded.
    /// </summary>
    public string Coverage { get; set; } = Whole;

    public const string Whole = "whole";

    public static string CoverageOf(IReadOnlyList<string>? pillars) =>
        pillars is { Count: > 0 } ? string.Join("+", pillars.Order(StringComparer.Ordinal)) : Whole;
    /// <summary>The tranche it was inspected in and its report's publication batch (added 2026-12-02); null until assigned.</summary>
    public string? Tranche { get; set; }
    public string? PublicationBatch { get; set; }

    /// <summary>Redactions made on the inspection's own stream (questions, challenges; added 2026-12-02).</summary>
    public List<InspectionRedaction> Redactions { get; set; } = [];

    /// <summary>HM Inspector's observations on an integrated report (added 2026-12-02); text written for the public.</summary>
    public string? HmiObservations { get; set; }
    public SignOffStamp? SignedOff { get; set; }
    public FactualAccuracyCheck? FactualAccuracy { get; set; }
    public List<Publication> Publications { get; set; } = [];

    /// <summary>The police and crime commissioner's published response to the report (added 2026-12-07); null until recorded.</summary>
    public PccResponse? PccResponse { get; set; }

    /// <summary>The named person who holds the inspection at its own stage (added 2026-12-07): moderation or the HMI's sign-off; let go when it moves on.</summary>
    public StageHolder? Holder { get; set; }

    /// <summary>When the response falls due (<see cref="PccResponse.DueOn"/>), from the report's first publication; null before it.</summary>
    public DateOnly? PccResponseDueOn() => Publications.Count > 0 ? PccResponse.DueOn(Publications[0].PublishedOn) : null;
    public DateTimeOffset ScheduledAt { get; set; }
    public string ScheduledBy { get; set; } = "";
    public DateTimeOffset LastChangedAt { get; set; }
    public string LastChangedBy { get; set; } = "";

    /// <summary>The stream version; commands send it back as their expected version.</summary>
    public long Version { get; set; }

    /// <summary>
    /// A copy with lists of its own, for a decision that looks at the record as an event would leave it before that
    /// event is stored (the workflow's carry-over and the progress step it causes, Workflow/WorkflowStep).
    /// </summary>
    public Inspection Copy()
    {
        var copy = (Inspection)MemberwiseClone();
        copy.Team = [.. Team];
        copy.Questions = [.. Questions];
        copy.Pillars = [.. Pillars];
        copy.DismissedDraftFlags = [.. DismissedDraftFlags];
        copy.Covers = Covers is null ? null : [.. Covers];
        copy.Redactions = [.. Redactions];
        copy.Publications = [.. Publications];
        copy.FactualAccuracy = FactualAccuracy is null ? null : FactualAccuracy with { Challenges = [.. FactualAccuracy.Challenges] };
        return copy;
    }

    /// <summary>The inspection's lead inspector or a member of its team: the people whose work QA, moderation and the award check.</summary>
    public bool OnTeam(string person) => LeadInspector == person || Team.Contains(person);

    public PillarJudgment? FindPillar(string code) =>
        Pillars.FirstOrDefault(p => string.Equals(p.PillarCode, code, StringComparison.OrdinalIgnoreCase));

    public InspectionQuestion? FindQuestion(string code) =>
        Questions.FirstOrDefault(q => string.Equals(q.Code, code, StringComparison.OrdinalIgnoreCase));

    public void Replace(InspectionQuestion question) =>
        Questions[Questions.FindIndex(q => q.Code == question.Code)] = question;

    // The changes events make, shared by the capabilities' contributions to the fold (Lifecycle/InspectionProjection).

    /// <summary>Changes one question; an unknown code changes nothing but the last-changed stamp.</summary>
    public void ChangeQuestion(string code, Func<InspectionQuestion, InspectionQuestion> change, string? by, DateTimeOffset at)
    {
        var question = FindQuestion(code);
        if (question is not null)
        {
            var changed = change(question);
            // A holder holds the question at one stage: moving on lets them go.
            Replace(changed with { Version = question.Version + 1, Holder = changed.Stage == question.Stage ? changed.Holder : null });
        }
        if (by is null) LastChangedAt = at;
        else Touch(by, at);
    }

    public void Touch(string by, DateTimeOffset at)
    {
        LastChangedBy = by;
        LastChangedAt = at;
    }

    public void EnterStage(InspectionStage stage, DateTimeOffset at)
    {
        // A holder holds the inspection at one stage: moving on lets them go.
        if (stage != Stage) Holder = null;
        Stage = stage;
        StageSince = at;
        LastChangedAt = at;
    }

    /// <summary>Moves every inspected question (detailed or ungraded) that stands at one stage to the next.</summary>
    public void MoveQuestions(QuestionStage from, QuestionStage to, DateTimeOffset at)
    {
        foreach (var q in Questions.Where(q => q.Stage == from && q.Scope is QuestionScope.Detailed or QuestionScope.Ungraded).ToList())
            Replace(q with { Stage = to, StageSince = at, Version = q.Version + 1, Holder = null });
    }

    /// <summary>Masks the reasons given for dismissing the draft-check flags on one question's or pillar's text (a redaction of it).</summary>
    public void MaskDismissals(Func<DraftFlagDismissal, bool> of) =>
        DismissedDraftFlags = DismissedDraftFlags.Select(d => of(d) ? TextMask.Mask(d) : d).ToList();

    /// <summary>Changes a pillar's judgment, adding the pillar on first use.</summary>
    public void ChangePillar(string code, Func<PillarJudgment, PillarJudgment> change)
    {
        var index = Pillars.FindIndex(p => p.PillarCode == code);
        if (index < 0)
        {
            Pillars.Add(new PillarJudgment(code, null, null));
            index = Pillars.Count - 1;
        }
        Pillars[index] = change(Pillars[index]);
    }
}

/// <summary>
/// A question in the inspection's scope and where its judgment stands. Scope is null until
/// the lead inspector decides it.
/// </summary>
public sealed record InspectionQuestion(
    string Code,
    QuestionScope? Scope,
    QuestionStage Stage = QuestionStage.Scoping,
    DateTimeOffset StageSince = default,
    ProposedGrade? Proposed = null,
    ModerationDecision? Moderated = null,
    AwardedGrade? Awarded = null,
    JudgmentReference? CarriedOverFrom = null,
    string? QaComments = null,
    string? CarryOverProblem = null,
    string? Summary = null,
    long Version = 1,
    JudgmentReference? DisputedCarryOver = null,
    StageHolder? Holder = null,
    IReadOnlyList<LineOfEnquiry>? LinesOfEnquiry = null)
{
    /// <summary>
    /// The question's own version: 1 when scheduled, one more for every event that changes it.
    /// Question-level commands send it back, so work elsewhere in the inspection (the workflow
    /// moving another question, a colleague on another question) never makes them stale.
    /// </summary>
    public long Version { get; init; } = Version;

    /// <summary>The carried-over judgment the team disputed; kept after the moderator decides, so the trail shows both.</summary>
    public JudgmentReference? DisputedCarryOver { get; init; } = DisputedCarryOver;

    /// <summary>The named person who holds the question at its stage (added 2026-12-07); let go when it moves on.</summary>
    public StageHolder? Holder { get; init; } = Holder;

    /// <summary>The key lines of enquiry steering fieldwork on the question (added 2026-12-07); empty in earlier documents.</summary>
    public IReadOnlyList<LineOfEnquiry> LinesOfEnquiry { get; init; } = LinesOfEnquiry ?? [];

    /// <summary>Awarded or carried over: the question's grade stands.</summary>
    public bool Settled => Awarded is not null || CarriedOverFrom is not null;

    /// <summary>Nothing more to do: settled, or an ungraded question whose findings QA accepted.</summary>
    public bool Final => Settled || Stage == QuestionStage.Ungraded;

    /// <summary>The grade that stands for this question, wherever it was awarded.</summary>
    public Grade? StandingGrade => Awarded?.Grade ?? CarriedOverFrom?.Grade;
}

/// <summary>Who holds a question (or the inspection) at its stage, who handed it to them (themselves, when they took it) and since when.</summary>
public sealed record StageHolder(string Person, string HandedBy, DateTimeOffset Since);

public sealed record ProposedGrade(Grade Grade, string Rationale, IReadOnlyList<Guid> CitedFindingIds, string ProposedBy, DateTimeOffset ProposedAt);

public sealed record ModerationDecision(Grade Grade, bool Changed, string? Reason, string ModeratedBy, DateTimeOffset ModeratedAt);

public sealed record AwardedGrade(Grade Grade, string AwardedBy, DateTimeOffset AwardedAt);

/// <summary>A pillar's grade and its public summary (<see cref="Summary"/>, added 2026-11-27); its moderation (<see cref="Moderated"/>, added 2026-12-07).</summary>
public sealed record PillarJudgment(string PillarCode, ProposedGrade? Proposed, AwardedGrade? Awarded, string? Summary = null, ModerationDecision? Moderated = null);

public sealed record SignOffStamp(string By, DateTimeOffset At);

/// <summary>A draft-check flag dismissed; <see cref="QuestionCode"/> or <see cref="PillarCode"/> (added 2026-12-07) names whose text it was.</summary>
public sealed record DraftFlagDismissal(string FlagId, string Reason, string By, DateTimeOffset At, string QuestionCode = "", string PillarCode = "");

/// <summary>The force's window to challenge facts; <see cref="NoFurtherComments"/> (added 2026-12-02) lets the lead inspector close it early.</summary>
public sealed record FactualAccuracyCheck(
    DateTimeOffset OpenedAt, string OpenedBy, int WorkingDays, DateTimeOffset Deadline, DateTimeOffset? ClosedAt, List<Challenge> Challenges,
    SignOffStamp? NoFurtherComments = null, string? ClosedBy = null);

public sealed record Challenge(Guid Id, string Text, Guid? FindingId, string RaisedBy, DateTimeOffset RaisedAt,
    bool? Accepted = null, string? Reason = null, string? ResolvedBy = null, DateTimeOffset? ResolvedAt = null);

/// <summary>One publication of the report; a later one supersedes it but it stays readable.</summary>
public sealed record Publication(int ReportVersion, DateOnly PublishedOn, string PublishedBy, DateTimeOffset PublishedAt);

/// <summary>Where and when the police and crime commissioner published a response to the report.</summary>
public sealed record PccResponse(DateOnly PublishedOn, string Url, string RecordedBy, DateTimeOffset RecordedAt)
{
    /// <summary>
    /// Police Act 1996, section 55 (as amended in 2017): the local policing body publishes its comments before the end of
    /// the 56 days beginning with the day the report is published; the last of them is the day it falls due.
    /// </summary>
    public const int DaysToRespond = 56;

    public static DateOnly DueOn(DateOnly reportPublished) => reportPublished.AddDays(DaysToRespond - 1);

    /// <summary>Not recorded and past its due day.</summary>
    public static bool Overdue(PccResponse? recorded, DateOnly? due, DateOnly today) => recorded is null && due is { } last && today > last;
}
