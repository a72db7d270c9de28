using System.Text.Json.Serialization;
using PeelCases.Kernel;

namespace PeelCases.Fieldwork;

[System.Text.Json.Serialization.JsonConverter(typeof(PeelCases.Kernel.StrictEnumConverter<EvidenceMethod>))]
public enum EvidenceMethod
{
    Interview,
    FocusGroup,
    RealityTest,
    /// <summary>Case file audit or dip sample; carries a sample size.</summary>
    CaseFileReview,
    DocumentReview,
    Data,
    Observation,
    Survey,
}

/// <summary>
/// What a piece of evidence says. Kept whole in every event, so each version of the
/// evidence can be read back exactly as it stood.
/// </summary>
public sealed record EvidenceContent(
    EvidenceMethod Method,
    int? SampleSize,
    DateOnly CollectedOn,
    string Summary,
    string Source,
    IReadOnlyList<string> QuestionCodes,
    bool Sensitive);

/// <summary>Fieldwork evidence recorded. Starts the evidence's own stream (id chosen by the client).</summary>
public sealed record EvidenceRecorded(
    Guid EvidenceId,
    Guid InspectionId,
    EvidenceContent Content,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IBusinessEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => RecordedAt;
}

/// <summary>
/// Personal data removed from the evidence everywhere, its stored events included: every free-text field
/// (Kernel/TextMask) of the versions and amendment reasons recorded before this event. An amendment after it is
/// redactable by another redaction. The event records who redacted it, when and why; it carries none of the removed text.
/// </summary>
public sealed record EvidenceRedacted(Guid EvidenceId, Guid InspectionId, string Reason, string RedactedBy, DateTimeOffset RedactedAt) : IBusinessEvent, PeelCases.Inspections.IRedaction
{
    DateTimeOffset IBusinessEvent.BusinessTime => RedactedAt;

    public const string Marker = TextMask.Marker;
}

/// <summary>Evidence corrected; the earlier version stays in the stream.</summary>
public sealed record EvidenceAmended(
    Guid EvidenceId,
    Guid InspectionId,
    EvidenceContent Content,
    string Reason,
    string AmendedBy,
    DateTimeOffset AmendedAt) : IBusinessEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => AmendedAt;
}
