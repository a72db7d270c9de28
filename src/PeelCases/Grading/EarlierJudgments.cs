using Marten;
using PeelCases.Inspections;
using PeelCases.ReferenceData;

namespace PeelCases.Grading;

/// <summary>
/// The earlier awarded judgment a carry-over refers to, or why there is none; <see cref="Via"/> is
/// the reason of the lineage mapping followed, when the judgment was given to a question it replaced.
/// </summary>
public sealed record JudgmentLookup(JudgmentReference? Found, string? WhyNone, string? Via = null);

/// <summary>
/// Finds the judgment that stands for a question from the force's earlier inspections, matched
/// by lineage key or through a lineage mapping (ReferenceData/LineageMappings). Reads the inline
/// inspection documents, which are exact at write time, each with the framework version it was
/// scheduled on.
/// </summary>
public static class EarlierJudgments
{
    public static async Task<JudgmentLookup> FindAsync(IQuerySession session, Inspection inspection, FrameworkQuestion question, CancellationToken ct,
        string? chosen = null)
    {
        if (question.LineageKey is null) return Resolve(inspection, question, [], new Dictionary<string, AssessmentFramework>(), "");
        var (earlier, frameworks, forceName) = await ReadAsync(session, inspection, ct);
        return Resolve(inspection, question, earlier, frameworks, forceName, chosen);
    }

    /// <summary>
    /// The workflow's form: the inspection's own framework version is taken from the same read, so a carry-over step
    /// makes one round trip while it holds the inspection's lock. Nulls when the version or its question is missing.
    /// </summary>
    public static async Task<(AssessmentFramework? Framework, JudgmentLookup? Lookup)> FindForAsync(IQuerySession session, Inspection inspection,
        string questionCode, CancellationToken ct)
    {
        var (earlier, frameworks, forceName) = await ReadAsync(session, inspection, ct);
        return ResolveFor(inspection, questionCode, earlier, frameworks, forceName);
    }

    /// <summary>As <see cref="Resolve"/>, with the inspection's own framework version and question taken from <paramref name="frameworks"/>.</summary>
    public static (AssessmentFramework? Framework, JudgmentLookup? Lookup) ResolveFor(Inspection inspection, string questionCode,
        IReadOnlyList<Inspection> earlier, IReadOnlyDictionary<string, AssessmentFramework> frameworks, string forceName) =>
        frameworks.GetValueOrDefault(AssessmentFramework.KeyOf(inspection.FrameworkId, inspection.FrameworkVersion)) is { } framework
        && framework.FindQuestion(questionCode) is { } question
            ? (framework, Resolve(inspection, question, earlier, frameworks, forceName))
            : (null, null);

    /// <summary>The force's earlier inspections, every framework version and the force's name, in one batch.</summary>
    private static async Task<(IReadOnlyList<Inspection>, IReadOnlyDictionary<string, AssessmentFramework>, string)> ReadAsync(IQuerySession session,
        Inspection inspection, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var earlier = batch.Query<Inspection>().Where(i => i.ForceId == inspection.ForceId && i.Year < inspection.Year).ToList();
        var frameworks = FrameworkVersions.AllByKey(batch);
        var force = batch.Load<Force>(inspection.ForceId);
        await batch.Execute(ct);
        return (await earlier, await frameworks, (await force)?.Name ?? inspection.ForceId);
    }

    /// <summary>
    /// Newest earlier inspection first: an award there is the reference; a carry-over there
    /// already holds the reference to the original award, so a chain resolves to where the
    /// grade was actually awarded. An earlier question left unsettled is passed over. Where one
    /// inspection holds several judgments that could stand (questions merged into this one), the
    /// lead inspector chooses: <paramref name="chosen"/> names the earlier question's code.
    /// </summary>
    /// <param name="frameworks">Framework versions by <see cref="AssessmentFramework.Key"/>.</param>
    public static JudgmentLookup Resolve(Inspection inspection, FrameworkQuestion question, IReadOnlyList<Inspection> earlier,
        IReadOnlyDictionary<string, AssessmentFramework> frameworks, string forceName, string? chosen = null)
    {
        if (question.LineageKey is null)
            return new(null, $"Question {question.Code} has no lineage to earlier cycles, so no earlier judgment can be carried over.");

        var sources = LineageMappings.SourcesOf(question.LineageKey);
        var assessedBefore = false;
        foreach (var candidate in earlier.Where(i => i.Year < inspection.Year && i.Id != inspection.Id).OrderByDescending(i => i.Year))
        {
            if (!frameworks.TryGetValue(AssessmentFramework.KeyOf(candidate.FrameworkId, candidate.FrameworkVersion), out var framework)) continue;
            var matches = sources
                .SelectMany(s => framework.Questions.Where(q => q.LineageKey == s.Lineage).Select(q => (Defined: q, s.Mapping)))
                .Select(m => (m.Defined, m.Mapping, Scoped: candidate.FindQuestion(m.Defined.Code)))
                .Where(m => m.Scoped is not null)
                .ToList();
            if (matches.Count == 0) continue;
            assessedBefore = true;
            var standing = matches
                .Select(m => (m.Defined, m.Mapping, Reference: Standing(candidate, m.Defined, m.Scoped!)))
                .Where(m => m.Reference is not null && (chosen is null || string.Equals(m.Defined.Code, chosen, StringComparison.OrdinalIgnoreCase)))
                .ToList();
            if (standing.Count == 1) return new(standing[0].Reference, null, standing[0].Mapping?.Reason);
            if (standing.Count > 1)
                return new(null,
                    $"Several earlier judgments could stand for {question.Code}: " +
                    string.Join("; ", standing.Select(m => $"{m.Defined.Code} ({m.Reference!.Grade.Display()}, {m.Reference.Cycle})")) + ". " +
                    $"{standing.First(m => m.Mapping is not null).Mapping!.Reason} Carry one over by hand, naming it (\"from\": \"{standing[0].Defined.Code}\").");
        }

        if (chosen is not null)
            return new(null, $"No earlier inspection of {forceName} holds a judgment on question {chosen} that could stand for {question.Code}.");
        return new(null, assessedBefore
            ? $"{forceName}'s earlier inspections assessed this question ({question.LineageKey}) but none awarded a grade that could be carried over."
            : $"No earlier inspection of {forceName} assessed a question of the same lineage ({question.LineageKey}). Grades from different frameworks are not comparable, so there is nothing to carry over.");
    }

    private static JudgmentReference? Standing(Inspection candidate, FrameworkQuestion defined, InspectionQuestion scoped) =>
        scoped.Awarded is { } awarded
            ? new JudgmentReference(candidate.Id, candidate.ForceId, candidate.Cycle, candidate.Year, candidate.FrameworkId,
                defined.Code, defined.PillarCode, awarded.Grade, awarded.AwardedAt)
            : scoped.CarriedOverFrom;
}
