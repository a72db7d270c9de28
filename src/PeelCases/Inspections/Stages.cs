using PeelCases.Kernel;

namespace PeelCases.Inspections;

/// <summary>Refusals for steps taken at the wrong stage: they name where things stand and what is missing.</summary>
public static class Stages
{
    public static Refusal? Require(Inspection inspection, InspectionStage expected, string step, string? missing = null) =>
        inspection.Stage == expected
            ? null
            : Refusal.ProcessRule($"{step} needs the inspection at {RecordWords.Quoted(expected)}; it is at {RecordWords.Quoted(inspection.Stage)}." + (missing is null ? "" : $" {missing}"));

    public static Refusal? Require(InspectionQuestion question, string step, params QuestionStage[] expected) =>
        expected.Contains(question.Stage)
            ? null
            : Refusal.ProcessRule($"{step} needs question {question.Code} at {string.Join(" or ", expected.Select(RecordWords.Quoted))}; it is at {RecordWords.Quoted(question.Stage)}. {Missing(question)}".TrimEnd());

    /// <summary>What a question needs next, in a lead inspector's words.</summary>
    public static string Missing(InspectionQuestion q) => q.Stage switch
    {
        QuestionStage.Scoping when q.Scope is null => "It has not been scoped.",
        QuestionStage.Scoping when q.Scope == QuestionScope.CarryOver => q.CarryOverProblem is { } p
            ? $"Its carry-over needs a decision: {p}"
            : "Its earlier judgment has not been carried over yet.",
        QuestionStage.Scoping => "Fieldwork has not started.",
        QuestionStage.Fieldwork => "Fieldwork is still under way." + OpenLines(q),
        QuestionStage.Drafting => "Its findings have not been submitted for QA." + OpenLines(q),
        QuestionStage.QaReview => "Its findings await a QA reviewer.",
        QuestionStage.AwaitingGrade => q.Proposed is null ? "No grade has been proposed." : "The proposed grade is entering moderation.",
        QuestionStage.Moderation => "Its proposed grade awaits a moderator.",
        QuestionStage.AwaitingAward => "Its moderated grade awaits the award.",
        _ => "",
    };

    // Its findings go to QA once every line of enquiry is concluded (LinesOfEnquiry.StillOpen).
    private static string OpenLines(InspectionQuestion q) => q.LinesOfEnquiry.Count(l => l.Open) switch
    {
        0 => "",
        1 => " 1 line of enquiry is still open.",
        var n => $" {n} lines of enquiry are still open.",
    };

    /// <summary>What stands between the inspection and sign-off, in words.</summary>
    public static string Outstanding(Inspection inspection)
    {
        var open = inspection.Questions.Where(q => !q.Final).Select(q => $"{q.Code} at {RecordWords.Quoted(q.Stage)}").ToList();
        return open.Count > 0 ? $"Not yet settled: {string.Join("; ", open)}." : "Every question is settled; pillar grades may still be outstanding.";
    }
}
