using Marten.Events.Aggregation;
using PeelCases.Inspections;
using PeelCases.Kernel;

namespace PeelCases.Findings;

/// <summary>A finding as it stands, with its earlier versions. Inline from the finding's own stream.</summary>
public sealed class Finding : IInspectionRecord
{
    public Guid Id { get; set; }
    public Guid InspectionId { get; set; }
    public string QuestionCode { get; set; } = "";
    public FindingContent Content { get; set; } = null!;
    public bool Withdrawn { get; set; }
    public string? WithdrawnBecause { get; set; }
    /// <summary>Who withdrew it and when (added 2026-12-07; a document stored before it has them once rebuilt).</summary>
    public string? WithdrawnBy { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string DraftedBy { get; set; } = "";
    public DateTimeOffset DraftedAt { get; set; }
    public List<FindingRevision> EarlierVersions { get; set; } = [];
    public List<RecommendationStatusChanged> RecommendationHistory { get; set; } = [];
    /// <summary>Raised for publication ahead of the report, and when it was published (added 2026-12-02).</summary>
    public Acceleration? Accelerated { get; set; }
    /// <summary>Dated status notes after publication, the register's history of it (added 2026-12-02).</summary>
    public List<FollowUp> FollowUps { get; set; } = [];
    /// <summary>The latest redaction (added 2026-12-02); everything written before it reads [redacted].</summary>
    public RedactionStamp? Redacted { get; set; }
    public string LastChangedBy { get; set; } = "";
    public DateTimeOffset LastChangedAt { get; set; }
    public long Version { get; set; }
}

public sealed record FindingRevision(int Revision, FindingContent Content, string ChangedBy, DateTimeOffset ChangedAt, string SupersededBecause);

public partial class FindingProjection : SingleStreamProjection<Finding, Guid>
{
    public static Finding Create(FindingDrafted e) => new()
    {
        Id = e.FindingId,
        InspectionId = e.InspectionId,
        QuestionCode = e.QuestionCode,
        Content = e.Content,
        DraftedBy = e.DraftedBy,
        DraftedAt = e.DraftedAt,
        LastChangedBy = e.DraftedBy,
        LastChangedAt = e.DraftedAt,
    };

    public static void Apply(FindingRevised e, Finding finding)
    {
        finding.EarlierVersions.Add(new FindingRevision(finding.EarlierVersions.Count + 1, finding.Content,
            finding.LastChangedBy, finding.LastChangedAt, e.Reason));
        finding.Content = e.Content;
        Touch(finding, e.RevisedBy, e.RevisedAt);
    }

    public static void Apply(FindingWithdrawn e, Finding finding)
    {
        finding.Withdrawn = true;
        finding.WithdrawnBecause = e.Reason;
        finding.WithdrawnBy = e.WithdrawnBy;
        finding.WithdrawnAt = e.WithdrawnAt;
        Touch(finding, e.WithdrawnBy, e.WithdrawnAt);
    }

    public static void Apply(RecommendationStatusChanged e, Finding finding)
    {
        finding.Content = finding.Content with
        {
            Recommendations = finding.Content.Recommendations
                .Select(r => r.Number == e.RecommendationNumber ? r with { Status = e.Status } : r).ToList(),
        };
        finding.RecommendationHistory.Add(e);
        Touch(finding, e.ChangedBy, e.ChangedAt);
    }

    public static void Apply(FindingFollowedUp e, Finding finding) => FollowUpRules.Apply(finding, e);
    public static void Apply(CauseOfConcernAccelerated e, Finding finding) => AccelerationRules.Apply(finding, e);
    public static void Apply(AcceleratedCauseOfConcernPublished e, Finding finding) => AccelerationRules.Apply(finding, e);

    /// <summary>What the stored events before this one hold after masking: the same register, so a rebuild gives the same document.</summary>
    public static void Apply(FindingRedacted e, Finding finding)
    {
        finding.Content = TextMask.Mask(finding.Content);
        finding.EarlierVersions = finding.EarlierVersions.Select(TextMask.Mask).ToList();
        finding.WithdrawnBecause = finding.WithdrawnBecause is null ? null : TextMask.Marker;
        finding.RecommendationHistory = finding.RecommendationHistory.Select(TextMask.Mask).ToList();
        finding.FollowUps = finding.FollowUps.Select(TextMask.Mask).ToList();
        finding.Redacted = new RedactionStamp(e.Reason, e.RedactedBy, e.RedactedAt);
        Touch(finding, e.RedactedBy, e.RedactedAt);
    }

    private static void Touch(Finding finding, string by, DateTimeOffset at)
    {
        finding.LastChangedBy = by;
        finding.LastChangedAt = at;
    }
}
