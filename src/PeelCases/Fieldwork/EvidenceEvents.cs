using System.Text.Json.Serialization;

namespace PeelCases.Fieldwork;

[JsonConverter(typeof(JsonStringEnumConverter<EvidenceMethod>))]
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
    DateTimeOffset RecordedAt);

/// <summary>Evidence corrected; the earlier version stays in the stream.</summary>
public sealed record EvidenceAmended(
    Guid EvidenceId,
    Guid InspectionId,
    EvidenceContent Content,
    string Reason,
    string AmendedBy,
    DateTimeOffset AmendedAt);
