using PeelCases.Kernel;

namespace PeelCases.Inspections;

/// <summary>What prompted a key line of enquiry: planning is risk-based and draws on these.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(StrictEnumConverter<EnquiryBasis>))]
public enum EnquiryBasis
{
    /// <summary>The force's own annual self-assessment.</summary>
    ForceManagementStatement,
    /// <summary>Performance or demand data.</summary>
    Data,
    /// <summary>An earlier inspection's findings.</summary>
    EarlierInspection,
    /// <summary>Anything else the inspectorate knows: complaints, other inspections, the media.</summary>
    OtherIntelligence,
}

/// <summary>How a line of enquiry ended: followed to an answer, or dropped with the reason.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(StrictEnumConverter<EnquiryOutcome>))]
public enum EnquiryOutcome { Answered, Dropped }

/// <summary>
/// A key line of enquiry steering fieldwork on one question (added 2026-12-07): numbered within the question, set in
/// planning or fieldwork, concluded by the team before the question's findings go to QA.
/// </summary>
public sealed record LineOfEnquiry(int Number, string Enquiry, EnquiryBasis Basis, string SetBy, DateTimeOffset SetAt, EnquiryConclusion? Concluded = null)
{
    public bool Open => Concluded is null;
}

public sealed record EnquiryConclusion(EnquiryOutcome Outcome, string Conclusion, string ConcludedBy, DateTimeOffset ConcludedAt);

/// <summary>A key line of enquiry set for a question, with what prompted it.</summary>
public sealed record LineOfEnquirySet(Guid InspectionId, string QuestionCode, int Number, string Enquiry, EnquiryBasis Basis, string SetBy, DateTimeOffset SetAt)
    : IBusinessEvent, IQuestionEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => SetAt;
}

/// <summary>A line of enquiry concluded: what the team found, or why it was dropped.</summary>
public sealed record LineOfEnquiryConcluded(Guid InspectionId, string QuestionCode, int Number, EnquiryOutcome Outcome, string Conclusion,
    string ConcludedBy, DateTimeOffset ConcludedAt) : IBusinessEvent, IQuestionEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => ConcludedAt;
}

/// <summary>How the two events change the record (folded by Lifecycle/InspectionProjection), and the words for them.</summary>
public static class LinesOfEnquiry
{
    public static void Apply(Inspection i, LineOfEnquirySet e) =>
        i.ChangeQuestion(e.QuestionCode, q => q with { LinesOfEnquiry = [.. q.LinesOfEnquiry, new LineOfEnquiry(e.Number, e.Enquiry, e.Basis, e.SetBy, e.SetAt)] },
            e.SetBy, e.SetAt);

    public static void Apply(Inspection i, LineOfEnquiryConcluded e) =>
        i.ChangeQuestion(e.QuestionCode, q => q with
        {
            LinesOfEnquiry = q.LinesOfEnquiry.Select(l => l.Number == e.Number ? l with { Concluded = new(e.Outcome, e.Conclusion, e.ConcludedBy, e.ConcludedAt) } : l).ToList(),
        }, e.ConcludedBy, e.ConcludedAt);

    public static string Words(EnquiryBasis basis) => basis switch
    {
        EnquiryBasis.ForceManagementStatement => "the force management statement",
        EnquiryBasis.Data => "data",
        EnquiryBasis.EarlierInspection => "an earlier inspection",
        _ => "other intelligence",
    };

    public static string Words(EnquiryOutcome outcome) => outcome == EnquiryOutcome.Answered ? "answered" : "dropped";

    /// <summary>The first open line of a question, for the refusal that keeps its findings from QA while one is open.</summary>
    public static Refusal? StillOpen(InspectionQuestion q) => q.LinesOfEnquiry.FirstOrDefault(l => l.Open) is { } open
        ? Refusal.ProcessRule($"Line of enquiry {open.Number} for question {q.Code} is still open (“{open.Enquiry}”): conclude it, answered or dropped with the reason, before the findings go to QA.")
        : null;
}
