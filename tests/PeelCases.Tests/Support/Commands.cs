using PeelCases.Fieldwork;
using PeelCases.Inspections;

namespace PeelCases.Tests.Support;

/// <summary>Valid commands to start from; tests change what they are about.</summary>
public static class Commands
{
    public static readonly DateOnly FieldworkStarts = new(2018, 10, 8);
    public static readonly DateOnly FieldworkEnds = new(2018, 10, 19);

    public static ScheduleInspection Schedule(string force = "cumbria", string framework = "peel-2018-19", string cycle = "2018/19",
        Guid? id = null, params string[] questions)
    {
        // Fieldwork inside the cycle's window: the same weekdays of the cycle's own autumn.
        var years = (FrameworkYear(framework) ?? FieldworkStarts.Year) - FieldworkStarts.Year;
        return new(id, force, cycle, framework, questions.Length > 0 ? questions : ["E1", "E2", "E3", "E4", "E5"], "lena.lead",
            FieldworkStarts.AddYears(years), FieldworkEnds.AddYears(years), Team);
    }

    private static int? FrameworkYear(string framework) =>
        framework.StartsWith("peel-") && int.TryParse(framework.AsSpan(5, 4), out var year) ? year : null;

    public static readonly string[] Team = ["ian.inspector", "sara.inspector"];

    /// <summary>An amendment of <paramref name="e"/> as it stands: a new summary, for <paramref name="reason"/>.</summary>
    public static AmendEvidence Amendment(Evidence e, string summary, string reason) =>
        new(e.Content.Method, e.Content.SampleSize, e.Content.CollectedOn, summary, e.Content.Source, e.Content.QuestionCodes,
            e.Content.Sensitive, reason, e.Version);

    public static RecordEvidence Evidence(Guid? id = null, string summary = "Call handlers used THRIVE on 9 of 10 logs reviewed.",
        EvidenceMethod method = EvidenceMethod.CaseFileReview, int? sampleSize = 10, DateOnly? on = null, params string[] questions) =>
        new(id ?? Guid.NewGuid(), method, sampleSize, on ?? FieldworkStarts.AddDays(1), summary, "Control room incident logs",
            questions.Length > 0 ? questions : ["E3"]);
}
