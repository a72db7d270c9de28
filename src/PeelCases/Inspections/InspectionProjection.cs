using Marten.Events.Aggregation;
using PeelCases.FactualAccuracy;
using PeelCases.Grading;
using PeelCases.Publishing;
using PeelCases.Reporting;
using PeelCases.Workflow;

namespace PeelCases.Inspections;

/// <summary>Folds the inspection stream into <see cref="Inspection"/>. Pure: times come from the events.</summary>
public partial class InspectionProjection : SingleStreamProjection<Inspection, Guid>
{
    public static Inspection Create(InspectionScheduled e) => new()
    {
        Id = e.InspectionId,
        ForceId = e.ForceId,
        Cycle = e.Cycle,
        Year = e.Year,
        FrameworkId = e.FrameworkId,
        FrameworkVersion = e.FrameworkVersion,
        LeadInspector = e.LeadInspector,
        Team = e.Team.ToList(),
        FieldworkStarts = e.FieldworkStarts,
        FieldworkEnds = e.FieldworkEnds,
        Stage = InspectionStage.Planning,
        StageSince = e.ScheduledAt,
        Questions = e.QuestionCodes.Select(c => new InspectionQuestion(c, null, QuestionStage.Scoping, e.ScheduledAt)).ToList(),
        ScheduledAt = e.ScheduledAt,
        ScheduledBy = e.ScheduledBy,
        LastChangedAt = e.ScheduledAt,
        LastChangedBy = e.ScheduledBy,
    };

    // Re-scoping starts the question's judgment afresh (an awarded question cannot be re-scoped).
    public static void Apply(QuestionScoped e, Inspection i) => Change(i, e.QuestionCode, q => new InspectionQuestion(q.Code, e.Scope,
        e.Scope != QuestionScope.CarryOver && i.Stage == InspectionStage.Fieldwork ? QuestionStage.Fieldwork : QuestionStage.Scoping, e.ScopedAt),
        e.ScopedBy, e.ScopedAt);

    public static void Apply(InspectionTeamChanged e, Inspection i)
    {
        i.Team = i.Team.Except(e.Left).Concat(e.Joined).Distinct().ToList();
        Touch(i, e.ChangedBy, e.ChangedAt);
    }

    public static void Apply(FieldworkStarted e, Inspection i)
    {
        Stage(i, InspectionStage.Fieldwork, e.StartedAt);
        Move(i, QuestionStage.Scoping, QuestionStage.Fieldwork, e.StartedAt);
        Touch(i, e.StartedBy, e.StartedAt);
    }

    public static void Apply(FieldworkCompleted e, Inspection i)
    {
        Stage(i, InspectionStage.Reporting, e.CompletedAt);
        Move(i, QuestionStage.Fieldwork, QuestionStage.Drafting, e.CompletedAt);
        Touch(i, e.CompletedBy, e.CompletedAt);
    }

    public static void Apply(FindingsSubmittedForQa e, Inspection i) =>
        Change(i, e.QuestionCode, q => q with { Stage = QuestionStage.QaReview, StageSince = e.SubmittedAt }, e.SubmittedBy, e.SubmittedAt);

    public static void Apply(FindingsAcceptedByQa e, Inspection i) => Change(i, e.QuestionCode, q => q with
    {
        Stage = q.Scope == QuestionScope.Ungraded ? QuestionStage.Ungraded : QuestionStage.AwaitingGrade,
        StageSince = e.ReviewedAt,
        QaComments = e.Comments,
    }, e.ReviewedBy, e.ReviewedAt);

    public static void Apply(FindingsReturnedByQa e, Inspection i) => Change(i, e.QuestionCode,
        q => q with { Stage = QuestionStage.Drafting, StageSince = e.ReviewedAt, QaComments = e.Comments }, e.ReviewedBy, e.ReviewedAt);

    // A new proposal waits for the workflow to put it in the moderation queue; any earlier moderation no longer applies.
    public static void Apply(GradeProposed e, Inspection i) => Change(i, e.QuestionCode, q => q with
    {
        Stage = QuestionStage.AwaitingGrade,
        StageSince = e.ProposedAt,
        Proposed = new(e.Grade, e.Rationale, e.CitedFindingIds, e.ProposedBy, e.ProposedAt),
        Moderated = null,
    }, e.ProposedBy, e.ProposedAt);

    public static void Apply(GradeEnteredModeration e, Inspection i) =>
        Change(i, e.QuestionCode, q => q with { Stage = QuestionStage.Moderation, StageSince = e.EnteredAt }, null, e.EnteredAt);

    public static void Apply(GradeModerated e, Inspection i) => Change(i, e.QuestionCode, q => q with
    {
        Stage = QuestionStage.AwaitingAward,
        StageSince = e.ModeratedAt,
        Moderated = new(e.ModeratedGrade, e.Changed, e.Reason, e.ModeratedBy, e.ModeratedAt),
    }, e.ModeratedBy, e.ModeratedAt);

    public static void Apply(GradeAwarded e, Inspection i) => Change(i, e.QuestionCode,
        q => q with { Stage = QuestionStage.Awarded, StageSince = e.AwardedAt, Awarded = new(e.Grade, e.AwardedBy, e.AwardedAt) },
        e.AwardedBy, e.AwardedAt);

    public static void Apply(JudgmentCarriedOver e, Inspection i) => Change(i, e.QuestionCode,
        q => q with { Stage = QuestionStage.CarriedOver, StageSince = e.CarriedAt, CarriedOverFrom = e.From, CarryOverProblem = null },
        e.CarriedBy, e.CarriedAt);

    public static void Apply(CarryOverNeedsDecision e, Inspection i) =>
        Change(i, e.QuestionCode, q => q with { CarryOverProblem = e.Reason }, null, e.FlaggedAt);

    public static void Apply(QuestionSummaryWritten e, Inspection i) =>
        Change(i, e.QuestionCode, q => q with { Summary = e.Summary }, e.WrittenBy, e.WrittenAt);

    public static void Apply(PillarGradeProposed e, Inspection i)
    {
        var pillar = Pillar(i, e.PillarCode);
        i.Pillars[i.Pillars.IndexOf(pillar)] = pillar with { Proposed = new(e.Grade, e.Rationale, [], e.ProposedBy, e.ProposedAt) };
        Touch(i, e.ProposedBy, e.ProposedAt);
    }

    public static void Apply(PillarGradeAwarded e, Inspection i)
    {
        var pillar = Pillar(i, e.PillarCode);
        i.Pillars[i.Pillars.IndexOf(pillar)] = pillar with { Awarded = new(e.Grade, e.AwardedBy, e.AwardedAt) };
        Touch(i, e.AwardedBy, e.AwardedAt);
    }

    public static void Apply(InspectionEnteredModeration e, Inspection i) => Stage(i, InspectionStage.Moderation, e.EnteredAt);

    public static void Apply(InspectionReadyForSignOff e, Inspection i) => Stage(i, InspectionStage.SignOff, e.ReadyAt);

    public static void Apply(InspectionSignedOff e, Inspection i)
    {
        i.SignedOff = new SignOff(e.SignedOffBy, e.SignedOffAt);
        Touch(i, e.SignedOffBy, e.SignedOffAt);
    }

    public static void Apply(FactualAccuracyCheckOpened e, Inspection i)
    {
        Stage(i, InspectionStage.FactualAccuracyCheck, e.OpenedAt);
        i.FactualAccuracy = new FactualAccuracyCheck(e.OpenedAt, e.OpenedBy, e.WorkingDays, e.Deadline, null, []);
        Touch(i, e.OpenedBy, e.OpenedAt);
    }

    public static void Apply(FactualAccuracyChallengeRaised e, Inspection i)
    {
        i.FactualAccuracy!.Challenges.Add(new Challenge(e.ChallengeId, e.Text, e.FindingId, e.RaisedBy, e.RaisedAt));
        Touch(i, e.RaisedBy, e.RaisedAt);
    }

    public static void Apply(FactualAccuracyChallengeResolved e, Inspection i)
    {
        var challenges = i.FactualAccuracy!.Challenges;
        var index = challenges.FindIndex(c => c.Id == e.ChallengeId);
        challenges[index] = challenges[index] with { Accepted = e.Accepted, Reason = e.Reason, ResolvedBy = e.ResolvedBy, ResolvedAt = e.ResolvedAt };
        Touch(i, e.ResolvedBy, e.ResolvedAt);
    }

    public static void Apply(FactualAccuracyCheckClosed e, Inspection i)
    {
        i.FactualAccuracy = i.FactualAccuracy! with { ClosedAt = e.ClosedAt };
        i.LastChangedAt = e.ClosedAt;
    }

    public static void Apply(InspectionPublished e, Inspection i)
    {
        Stage(i, InspectionStage.Published, e.PublishedAt);
        i.Publications.Add(new Publication(e.ReportVersion, e.PublishedOn, e.PublishedBy, e.PublishedAt));
        Touch(i, e.PublishedBy, e.PublishedAt);
    }

    private static PillarJudgment Pillar(Inspection i, string code)
    {
        var pillar = i.Pillars.FirstOrDefault(p => p.PillarCode == code);
        if (pillar is not null) return pillar;
        pillar = new PillarJudgment(code, null, null);
        i.Pillars.Add(pillar);
        return pillar;
    }

    private static void Stage(Inspection i, InspectionStage stage, DateTimeOffset at)
    {
        i.Stage = stage;
        i.StageSince = at;
        i.LastChangedAt = at;
    }

    private static void Move(Inspection i, QuestionStage from, QuestionStage to, DateTimeOffset at)
    {
        foreach (var q in i.Questions.Where(q => q.Stage == from && q.Scope is QuestionScope.Detailed or QuestionScope.Ungraded).ToList())
            i.Replace(q with { Stage = to, StageSince = at });
    }

    private static void Change(Inspection i, string code, Func<InspectionQuestion, InspectionQuestion> change, string? by, DateTimeOffset at)
    {
        var question = i.FindQuestion(code);
        if (question is not null) i.Replace(change(question));
        if (by is null) i.LastChangedAt = at;
        else Touch(i, by, at);
    }

    private static void Touch(Inspection i, string by, DateTimeOffset at)
    {
        i.LastChangedBy = by;
        i.LastChangedAt = at;
    }
}
