using Wolverine.Attributes;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Moderation;

// In the inspection stream.

/// <summary>
/// A moderator confirmed the proposed grade, or changed it with a reason. <c>Upheld</c> (added
/// 2026-11-27): on a disputed carry-over, the earlier judgment the moderator upheld over the team's grade.
/// </summary>
[MessageIdentity("PeelCases.Moderation.GradeModerated")] // stored in Wolverine's envelope tables: never change
public sealed record GradeModerated(Guid InspectionId, string QuestionCode, Grade ProposedGrade, Grade ModeratedGrade, string? Reason, string ModeratedBy,
    DateTimeOffset ModeratedAt, JudgmentReference? Upheld = null) : IBusinessEvent, IQuestionEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => ModeratedAt;

    public bool Changed => ProposedGrade != ModeratedGrade;
}

/// <summary>
/// A moderator confirmed a pillar's proposed grade, or changed it with a reason (added 2026-12-07: before then a pillar
/// grade was awarded as proposed). The award gives the moderated grade.
/// </summary>
public sealed record PillarGradeModerated(Guid InspectionId, string PillarCode, Grade ProposedGrade, Grade ModeratedGrade, string? Reason, string ModeratedBy,
    DateTimeOffset ModeratedAt) : IBusinessEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => ModeratedAt;

    public bool Changed => ProposedGrade != ModeratedGrade;
}
