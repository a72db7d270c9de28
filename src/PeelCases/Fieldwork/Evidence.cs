using Marten.Events.Aggregation;
using PeelCases.Inspections;
using PeelCases.Kernel;

namespace PeelCases.Fieldwork;

/// <summary>
/// A piece of fieldwork evidence as it stands, with every earlier version kept. Projected
/// inline from the evidence's own stream: one writer per stream, so no lost updates even
/// when a whole team records evidence for one inspection at once.
/// </summary>
public sealed class Evidence : IInspectionRecord
{
    public Guid Id { get; set; }
    public Guid InspectionId { get; set; }
    public EvidenceContent Content { get; set; } = null!;
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    public List<EvidenceRevision> EarlierVersions { get; set; } = [];
    public RedactionStamp? Redacted { get; set; }
    public DateTimeOffset LastChangedAt { get; set; }
    public string LastChangedBy { get; set; } = "";
    public long Version { get; set; }
}

/// <summary>A superseded version of the evidence and why it was changed.</summary>
public sealed record EvidenceRevision(long Version, EvidenceContent Content, string ChangedBy, DateTimeOffset ChangedAt, string SupersededBecause);

public partial class EvidenceProjection : SingleStreamProjection<Evidence, Guid>
{
    public static Evidence Create(EvidenceRecorded e) => new()
    {
        Id = e.EvidenceId,
        InspectionId = e.InspectionId,
        Content = e.Content,
        RecordedBy = e.RecordedBy,
        RecordedAt = e.RecordedAt,
        LastChangedAt = e.RecordedAt,
        LastChangedBy = e.RecordedBy,
    };

    public static void Apply(EvidenceRedacted e, Evidence evidence)
    {
        // What the stored events before this one hold after masking: the same register, so a rebuild gives the same document.
        evidence.Content = TextMask.Mask(evidence.Content);
        evidence.EarlierVersions = evidence.EarlierVersions.Select(TextMask.Mask).ToList();
        evidence.Redacted = new RedactionStamp(e.Reason, e.RedactedBy, e.RedactedAt);
        evidence.LastChangedAt = e.RedactedAt;
        evidence.LastChangedBy = e.RedactedBy;
    }

    public static void Apply(EvidenceAmended e, Evidence evidence)
    {
        evidence.EarlierVersions.Add(new EvidenceRevision(
            evidence.EarlierVersions.Count + 1, evidence.Content, evidence.LastChangedBy, evidence.LastChangedAt, e.Reason));
        evidence.Content = e.Content;
        evidence.LastChangedAt = e.AmendedAt;
        evidence.LastChangedBy = e.AmendedBy;
    }
}
