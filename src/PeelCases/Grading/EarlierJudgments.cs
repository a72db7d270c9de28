using Marten;
using PeelCases.Inspections;
using PeelCases.ReferenceData;

namespace PeelCases.Grading;

/// <summary>The earlier awarded judgment a carry-over refers to, or why there is none.</summary>
public sealed record JudgmentLookup(JudgmentReference? Found, string? WhyNone);

/// <summary>
/// Finds the judgment that stands for a question from the force's earlier inspections, matched
/// by lineage key. Reads the inline inspection documents, which are exact at write time.
/// </summary>
public static class EarlierJudgments
{
    public static async Task<JudgmentLookup> FindAsync(IQuerySession session, Inspection inspection, FrameworkQuestion question, CancellationToken ct)
    {
        if (question.LineageKey is null) return Resolve(inspection, question, [], new Dictionary<string, AssessmentFramework>(), "");
        var earlier = await session.Query<Inspection>()
            .Where(i => i.ForceId == inspection.ForceId && i.Year < inspection.Year)
            .ToListAsync(ct);
        var frameworks = await FrameworkVersions.LatestOfEachAsync(session, ct);
        var force = await session.LoadAsync<Force>(inspection.ForceId, ct);
        return Resolve(inspection, question, earlier, frameworks, force?.Name ?? inspection.ForceId);
    }

    /// <summary>
    /// Newest earlier inspection first: an award there is the reference; a carry-over there
    /// already holds the reference to the original award, so a chain resolves to where the
    /// grade was actually awarded. An earlier question left unsettled is passed over.
    /// </summary>
    public static JudgmentLookup Resolve(Inspection inspection, FrameworkQuestion question, IReadOnlyList<Inspection> earlier,
        IReadOnlyDictionary<string, AssessmentFramework> frameworks, string forceName)
    {
        if (question.LineageKey is null)
            return new(null, $"Question {question.Code} has no lineage to earlier cycles, so no earlier judgment can be carried over.");

        var assessedBefore = false;
        foreach (var candidate in earlier.Where(i => i.Year < inspection.Year && i.Id != inspection.Id).OrderByDescending(i => i.Year))
        {
            if (!frameworks.TryGetValue(candidate.FrameworkId, out var framework)) continue;
            var match = framework.Questions.FirstOrDefault(q => q.LineageKey == question.LineageKey);
            var scoped = match is null ? null : candidate.FindQuestion(match.Code);
            if (match is null || scoped is null) continue;
            assessedBefore = true;
            if (scoped.Awarded is { } awarded)
                return new(new JudgmentReference(candidate.Id, candidate.ForceId, candidate.Cycle, candidate.Year, candidate.FrameworkId,
                    match.Code, match.PillarCode, awarded.Grade, awarded.AwardedAt), null);
            if (scoped.CarriedOverFrom is { } reference) return new(reference, null);
        }

        return new(null, assessedBefore
            ? $"{forceName}'s earlier inspections assessed this question ({question.LineageKey}) but none awarded a grade that could be carried over."
            : $"No earlier inspection of {forceName} assessed a question of the same lineage ({question.LineageKey}). Grades from different frameworks are not comparable, so there is nothing to carry over.");
    }
}
