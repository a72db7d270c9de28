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
/// planning or fieldwork, concluded by the team before the question's findings go to QA. <see cref="Revised"/> (added
/// 2026-12-07): the latest correction of its words while open.
/// </summary>
public sealed record LineOfEnquiry(int Number, string Enquiry, EnquiryBasis Basis, string SetBy, DateTimeOffset SetAt, EnquiryConclusion? Concluded = null,
    EnquiryRevision? Revised = null)
{
    public bool Open => Concluded is null;
}

/// <summary>How a line ended; <see cref="EvidenceIds"/> (added 2026-12-07): the evidence the conclusion rests on, none before.</summary>
public sealed record EnquiryConclusion(EnquiryOutcome Outcome, string Conclusion, string ConcludedBy, DateTimeOffset ConcludedAt, IReadOnlyList<Guid>? EvidenceIds = null);

public sealed record EnquiryRevision(string Reason, string RevisedBy, DateTimeOffset RevisedAt);

/// <summary>A key line of enquiry set for a question, with what prompted it.</summary>
public sealed record LineOfEnquirySet(Guid InspectionId, string QuestionCode, int Number, string Enquiry, EnquiryBasis Basis, string SetBy, DateTimeOffset SetAt)
    : IBusinessEvent, IQuestionEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => SetAt;
}

/// <summary>An open line of enquiry's words corrected (added 2026-12-07): the words and basis as they now stand, and why.</summary>
public sealed record LineOfEnquiryRevised(Guid InspectionId, string QuestionCode, int Number, string Enquiry, EnquiryBasis Basis, string Reason,
    string RevisedBy, DateTimeOffset RevisedAt) : IBusinessEvent, IQuestionEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => RevisedAt;
}

/// <summary>
/// A line of enquiry concluded: what the team found, or why it was dropped; <see cref="EvidenceIds"/> (added 2026-12-07):
/// the evidence recorded for the question that the conclusion rests on.
/// </summary>
public sealed record LineOfEnquiryConcluded(Guid InspectionId, string QuestionCode, int Number, EnquiryOutcome Outcome, string Conclusion,
    string ConcludedBy, DateTimeOffset ConcludedAt, IReadOnlyList<Guid>? EvidenceIds = null) : IBusinessEvent, IQuestionEvent
{
    DateTimeOffset IBusinessEvent.BusinessTime => ConcludedAt;
}

public sealed record LineInQuestion(InspectionQuestion Question, LineOfEnquiry Line);

/// <summary>How the events change the record (folded by Lifecycle/InspectionProjection), and the words for them.</summary>
public static class LinesOfEnquiry
{
    public static void Apply(Inspection i, LineOfEnquirySet e) =>
        i.ChangeQuestion(e.QuestionCode, q => q with { LinesOfEnquiry = [.. q.LinesOfEnquiry, new LineOfEnquiry(e.Number, e.Enquiry, e.Basis, e.SetBy, e.SetAt)] },
            e.SetBy, e.SetAt);

    public static void Apply(Inspection i, LineOfEnquiryRevised e) =>
        i.ChangeQuestion(e.QuestionCode, q => q with
        {
            LinesOfEnquiry = q.LinesOfEnquiry.Select(l => l.Number == e.Number
                ? l with { Enquiry = e.Enquiry, Basis = e.Basis, Revised = new(e.Reason, e.RevisedBy, e.RevisedAt) } : l).ToList(),
        }, e.RevisedBy, e.RevisedAt);

    public static void Apply(Inspection i, LineOfEnquiryConcluded e) =>
        i.ChangeQuestion(e.QuestionCode, q => q with
        {
            LinesOfEnquiry = q.LinesOfEnquiry.Select(l => l.Number == e.Number ? l with { Concluded = new(e.Outcome, e.Conclusion, e.ConcludedBy, e.ConcludedAt, e.EvidenceIds) } : l).ToList(),
        }, e.ConcludedBy, e.ConcludedAt);

    public static string Words(EnquiryBasis basis) => basis switch
    {
        EnquiryBasis.ForceManagementStatement => "the force management statement",
        EnquiryBasis.Data => "data",
        EnquiryBasis.EarlierInspection => "an earlier inspection",
        _ => "other intelligence",
    };

    public static string Words(EnquiryOutcome outcome) => outcome == EnquiryOutcome.Answered ? "answered" : "dropped";

    /// <summary>A question's line of enquiry by its number, or why there is none (404).</summary>
    public static Decision<LineInQuestion> Find(Inspection inspection, string code, int number)
    {
        if (inspection.FindQuestion(code) is not { } q) return Refusal.NotFound($"Question '{code}' is not in the scope of inspection {inspection.Id}.");
        if (q.LinesOfEnquiry.FirstOrDefault(l => l.Number == number) is not { } line)
            return Refusal.NotFound($"Question {q.Code} has no line of enquiry {number}.");
        return new LineInQuestion(q, line);
    }

    /// <summary>The first open line of a question, for the refusal that keeps its findings from QA while one is open.</summary>
    public static Refusal? StillOpen(InspectionQuestion q) => q.LinesOfEnquiry.FirstOrDefault(l => l.Open) is { } open
        ? Refusal.ProcessRule($"Line of enquiry {open.Number} for question {q.Code} is still open (“{open.Enquiry}”): conclude it, answered or dropped with the reason, before the findings go to QA.")
        : null;
}
