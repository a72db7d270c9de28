using PeelCases.Inspections;
namespace PeelCases.Findings;

/// <summary>How a written question summary changes the inspection record (folded by Lifecycle/InspectionProjection).</summary>
public static class SummaryState
{
    public static void Apply(Inspection i, QuestionSummaryWritten e) =>
        i.ChangeQuestion(e.QuestionCode, q => q with { Summary = e.Summary }, e.WrittenBy, e.WrittenAt);

    public static void Apply(Inspection i, PillarSummaryWritten e)
    {
        i.ChangePillar(e.PillarCode, p => p with { Summary = e.Summary });
        i.Touch(e.WrittenBy, e.WrittenAt);
    }
}
