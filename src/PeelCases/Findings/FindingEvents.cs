using System.Text.Json.Serialization;
using PeelCases.Kernel;

namespace PeelCases.Findings;

[System.Text.Json.Serialization.JsonConverter(typeof(PeelCases.Kernel.StrictEnumConverter<FindingKind>))]
public enum FindingKind { Strength, AreaForImprovement, CauseOfConcern, InnovativePractice }

[System.Text.Json.Serialization.JsonConverter(typeof(PeelCases.Kernel.StrictEnumConverter<DeadlineKind>))]
public enum DeadlineKind
{
    Immediately,
    /// <summary>By a date.</summary>
    ByDate,
    /// <summary>Within a number of months of publication.</summary>
    WithinMonths,
}

[System.Text.Json.Serialization.JsonConverter(typeof(PeelCases.Kernel.StrictEnumConverter<RecommendationStatus>))]
public enum RecommendationStatus { Open, AwaitingReview, InProgress, Discharged, NoFurtherActionNeeded }

/// <summary>When a recommendation must be met: "immediately", by a date, or within some months.</summary>
public sealed record RecommendationDeadline(DeadlineKind Kind, DateOnly? Date = null, int? Months = null)
{
    public override string ToString() => Kind switch
    {
        DeadlineKind.Immediately => "immediately",
        DeadlineKind.ByDate => $"by {Date:d MMMM yyyy}",
        _ => Months == 1 ? "within one month" : $"within {Months} months",
    };

    /// <summary>The day it falls due, counted from the day the recommendation was published: "immediately" is that day.</summary>
    public DateOnly DueOn(DateOnly published) => Kind switch
    {
        DeadlineKind.ByDate when Date is { } date => date,
        DeadlineKind.WithinMonths when Months is { } months => published.AddMonths(months),
        _ => published,
    };
}

/// <summary>A recommendation attached to a cause of concern; its status moves on after publication.</summary>
public sealed record Recommendation(int Number, [property: PublicText] string Text, RecommendationDeadline Deadline, RecommendationStatus Status);

/// <summary>What a finding says; kept whole in every event so each version can be read back.</summary>
public sealed record FindingContent(
    [property: PublicText] string Heading,
    FindingKind Kind,
    [property: PublicText] string Text,
    IReadOnlyList<Guid> CitedEvidenceIds,
    IReadOnlyList<Recommendation> Recommendations);

/// <summary>A finding drafted for a question. Starts the finding's own stream (id chosen by the client).</summary>
public sealed record FindingDrafted(
    Guid FindingId, Guid InspectionId, string QuestionCode, FindingContent Content, string DraftedBy, DateTimeOffset DraftedAt) : IBusinessEvent, IQuestionEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => DraftedAt;
}

/// <summary>A finding revised; the earlier version stays in the stream.</summary>
public sealed record FindingRevised(
    Guid FindingId, Guid InspectionId, string QuestionCode, FindingContent Content, string Reason, string RevisedBy, DateTimeOffset RevisedAt) : IBusinessEvent, IQuestionEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => RevisedAt;
}

/// <summary>A finding withdrawn: kept in history, gone from current views.</summary>
public sealed record FindingWithdrawn(
    Guid FindingId, Guid InspectionId, string QuestionCode, string Reason, string WithdrawnBy, DateTimeOffset WithdrawnAt) : IBusinessEvent, IQuestionEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => WithdrawnAt;
}

/// <summary>A recommendation's status moved on (follow-up after publication).</summary>
public sealed record RecommendationStatusChanged(
    Guid FindingId, Guid InspectionId, int RecommendationNumber, RecommendationStatus Status, string? Note,
    DateOnly EffectiveOn, string ChangedBy, DateTimeOffset ChangedAt) : IBusinessEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => ChangedAt;
}
