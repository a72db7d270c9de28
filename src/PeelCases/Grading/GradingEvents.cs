using Wolverine.Attributes;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Grading;

// Grading events live in the inspection stream. They carry the force, cycle and lineage key
// so cross-stream read models (force grade history) fold them without lookups.

/// <summary>The team proposes a grade for a question, citing the findings it rests on.</summary>
[MessageIdentity("PeelCases.Grading.GradeProposed")] // stored in Wolverine's envelope tables: never change
public sealed record GradeProposed(
    Guid InspectionId, string QuestionCode, Grade Grade, string Rationale, IReadOnlyList<Guid> CitedFindingIds,
    string ProposedBy, DateTimeOffset ProposedAt) : IBusinessEvent, IQuestionEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => ProposedAt;
}

/// <summary>The final decision on a question's grade.</summary>
[MessageIdentity("PeelCases.Grading.GradeAwarded")] // stored in Wolverine's envelope tables: never change
public sealed record GradeAwarded(
    Guid InspectionId, string ForceId, string Cycle, int Year, string FrameworkId, string QuestionCode, string? LineageKey,
    Grade Grade, string AwardedBy, DateTimeOffset AwardedAt) : IBusinessEvent, IQuestionEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => AwardedAt;
}

/// <summary>
/// A question not inspected in detail keeps the earlier awarded judgment. <c>Via</c> is the reason of
/// the lineage mapping followed when the judgment was given to a question this one replaced.
/// </summary>
[MessageIdentity("PeelCases.Grading.JudgmentCarriedOver")] // stored in Wolverine's envelope tables: never change
public sealed record JudgmentCarriedOver(
    Guid InspectionId, string ForceId, string Cycle, int Year, string FrameworkId, string QuestionCode, string LineageKey,
    JudgmentReference From, string CarriedBy, DateTimeOffset CarriedAt, string? Via = null) : IBusinessEvent, IQuestionEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => CarriedAt;
}

/// <summary>Appended with the proposal (by the workflow until 2026-11-27) when a grade is proposed: the proposal joins the moderation queue.</summary>
[MessageIdentity("PeelCases.Workflow.GradeEnteredModeration")] // stored in Wolverine's envelope tables: never change
public sealed record GradeEnteredModeration(Guid InspectionId, string ForceId, string Cycle, string QuestionCode, Grade ProposedGrade, DateTimeOffset ProposedAt, DateTimeOffset EnteredAt) : IBusinessEvent, IQuestionEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => EnteredAt;
}

/// <summary>
/// The team holds that a carried-over judgment no longer stands: it intends another grade, for a
/// reason. The question goes to moderation with the team's grade as its proposal; the moderator
/// upholds the earlier judgment or moderates the team's grade (added 2026-11-27). <c>PillarCode</c> (added 2026-12-07)
/// is the question's pillar in this inspection's framework, whose grade is moderated again; null where the framework has
/// none, and on disputes stored before.
/// </summary>
public sealed record CarriedOverJudgmentDisputed(
    Guid InspectionId, string QuestionCode, JudgmentReference From, Grade IntendedGrade, string Reason, string DisputedBy, DateTimeOffset DisputedAt,
    string? PillarCode = null)
    : IBusinessEvent, IQuestionEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => DisputedAt;
}

/// <summary>A pillar grade proposed once every graded question of the pillar is settled (2015–2018/19 frameworks).</summary>
public sealed record PillarGradeProposed(
    Guid InspectionId, string PillarCode, Grade Grade, string Rationale, string ProposedBy, DateTimeOffset ProposedAt) : IBusinessEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => ProposedAt;
}

[MessageIdentity("PeelCases.Grading.PillarGradeAwarded")] // stored in Wolverine's envelope tables: never change
public sealed record PillarGradeAwarded(
    Guid InspectionId, string ForceId, string Cycle, int Year, string PillarCode, Grade Grade, string AwardedBy, DateTimeOffset AwardedAt) : IBusinessEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => AwardedAt;
}

/// <summary>Appended by the workflow when no earlier judgment could be carried over: a person must decide.</summary>
public sealed record CarryOverNeedsDecision(Guid InspectionId, string QuestionCode, string Reason, DateTimeOffset FlaggedAt) : IBusinessEvent, IQuestionEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => FlaggedAt;
}
