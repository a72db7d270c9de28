using Wolverine.Attributes;
using System.Text.Json.Serialization;
using PeelCases.ReferenceData;

namespace PeelCases.Workflow;

/// <summary>Where one question stands in the review stages.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(PeelCases.Infrastructure.StrictEnumConverter<QuestionStage>))]
public enum QuestionStage
{
    /// <summary>Planning: not scoped yet, or scoped and waiting for fieldwork (or for its carry-over).</summary>
    Scoping,
    Fieldwork,
    Drafting,
    QaReview,
    /// <summary>QA accepted the findings; the team is to propose a grade.</summary>
    AwaitingGrade,
    Moderation,
    /// <summary>Moderated; the grade waits to be awarded.</summary>
    AwaitingAward,
    Awarded,
    CarriedOver,
    /// <summary>Narrative findings accepted by QA; the framework gives no grade.</summary>
    Ungraded,
}

// All in the inspection stream.

public sealed record FieldworkStarted(Guid InspectionId, string StartedBy, DateTimeOffset StartedAt);

/// <summary>Fieldwork over: the inspection moves to reporting and its questions to drafting.</summary>
public sealed record FieldworkCompleted(Guid InspectionId, string CompletedBy, DateTimeOffset CompletedAt);

public sealed record FindingsSubmittedForQa(Guid InspectionId, string QuestionCode, int FindingCount, string SubmittedBy, DateTimeOffset SubmittedAt);

[MessageIdentity("PeelCases.Workflow.FindingsAcceptedByQa")] // stored in Wolverine's envelope tables: never change
public sealed record FindingsAcceptedByQa(Guid InspectionId, string QuestionCode, string? Comments, string ReviewedBy, DateTimeOffset ReviewedAt);

public sealed record FindingsReturnedByQa(Guid InspectionId, string QuestionCode, string Comments, string ReviewedBy, DateTimeOffset ReviewedAt);

/// <summary>Appended by the workflow when a grade is proposed: the proposal joins the moderation queue.</summary>
[MessageIdentity("PeelCases.Workflow.GradeEnteredModeration")] // stored in Wolverine's envelope tables: never change
public sealed record GradeEnteredModeration(Guid InspectionId, string ForceId, string Cycle, string QuestionCode, Grade ProposedGrade, DateTimeOffset ProposedAt, DateTimeOffset EnteredAt);

/// <summary>A moderator confirmed the proposed grade, or changed it with a reason.</summary>
public sealed record GradeModerated(Guid InspectionId, string QuestionCode, Grade ProposedGrade, Grade ModeratedGrade, string? Reason, string ModeratedBy, DateTimeOffset ModeratedAt)
{
    public bool Changed => ProposedGrade != ModeratedGrade;
}

/// <summary>Appended by the workflow when no earlier judgment could be carried over: a person must decide.</summary>
public sealed record CarryOverNeedsDecision(Guid InspectionId, string QuestionCode, string Reason, DateTimeOffset FlaggedAt);

/// <summary>Appended by the workflow: every question has a proposed grade (or is settled).</summary>
[MessageIdentity("PeelCases.Workflow.InspectionEnteredModeration")] // stored in Wolverine's envelope tables: never change
public sealed record InspectionEnteredModeration(Guid InspectionId, DateTimeOffset EnteredAt);

/// <summary>Appended by the workflow: every question (and pillar) is settled; the HMI can sign off.</summary>
public sealed record InspectionReadyForSignOff(Guid InspectionId, DateTimeOffset ReadyAt);

public sealed record InspectionSignedOff(Guid InspectionId, string SignedOffBy, DateTimeOffset SignedOffAt);
