using PeelCases.Inspections;
using PeelCases.Kernel;

namespace PeelCases.Fieldwork;

/// <summary>What a finding or a line of enquiry's conclusion cites must be evidence recorded for the inspection and bearing on the question.</summary>
public static class EvidenceCitations
{
    /// <summary>The most pieces of evidence (or findings, for a grade) one record cites.</summary>
    public const int Max = 50;

    /// <param name="loaded">The cited evidence as loaded (a missing id is missing from it).</param>
    public static Refusal? Check(Inspection inspection, string questionCode, IEnumerable<Guid> cited, IReadOnlyCollection<Evidence> loaded, string field)
    {
        foreach (var id in cited.Distinct())
        {
            var evidence = loaded.FirstOrDefault(e => e.Id == id);
            if (evidence is null || evidence.InspectionId != inspection.Id)
                return Refusal.Invalid(field, $"Evidence {id} is not recorded for this inspection.");
            if (!evidence.Content.QuestionCodes.Contains(questionCode))
                return Refusal.Invalid(field,
                    $"Evidence {id} does not bear on question {questionCode} (it bears on {string.Join(", ", evidence.Content.QuestionCodes)}).");
        }
        return null;
    }
}
