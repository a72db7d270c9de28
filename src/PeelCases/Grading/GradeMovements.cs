using Marten;
using PeelCases.Inspections;
using PeelCases.ReferenceData;

namespace PeelCases.Grading;

/// <summary>
/// How a judgment moved from the one that stood before it on the same lineage: <see cref="Steps"/>
/// up (positive) or down (negative) the scale, null where nothing stood before or the grades are not
/// comparable (the four-tier scale of 2014–2018/19 against the five-tier one from 2021/22: the
/// inspectorate says those grades cannot be compared).
/// </summary>
public sealed record GradeMovement(Grade? From, string? FromCycle, int? Steps, string Description);

/// <summary>A judgment that stood, as far as movement is concerned.</summary>
public sealed record StandingJudgment(int Year, string Cycle, string? LineageKey, Grade Grade, IReadOnlyList<Grade> Scale, bool CarriedOver = false);

public static class GradeMovements
{
    /// <summary>The movement of <paramref name="judgment"/> from the latest earlier judgment on its lineage (its own, or one mapped into it).</summary>
    public static GradeMovement? Of(StandingJudgment judgment, IEnumerable<StandingJudgment> others)
    {
        if (judgment.LineageKey is null) return null;
        var sources = LineageMappings.SourcesOf(judgment.LineageKey).Select(s => s.Lineage).ToHashSet();
        var previous = others.Where(o => o.Year < judgment.Year && o.LineageKey is not null && sources.Contains(o.LineageKey))
            .MaxBy(o => o.Year);
        return Between(previous, judgment);
    }

    public static GradeMovement Between(StandingJudgment? previous, StandingJudgment current)
    {
        if (previous is null) return new(null, null, null, "The first judgment on this question.");
        if (!previous.Scale.SequenceEqual(current.Scale))
            return new(previous.Grade, previous.Cycle, null,
                $"Not comparable with {previous.Grade.Display()} in {previous.Cycle}: the grades of {current.Cycle} use a different scale, and the inspectorate says they cannot be compared.");
        var steps = previous.Scale.ToList().IndexOf(previous.Grade) - current.Scale.ToList().IndexOf(current.Grade);
        var words = steps switch
        {
            0 => current.CarriedOver ? $"Carried over: {current.Grade.Display()}, as in {previous.Cycle}." : $"Unchanged: {current.Grade.Display()}, as in {previous.Cycle}.",
            > 0 => $"Up {Count(steps)} from {previous.Grade.Display()} in {previous.Cycle}.",
            _ => $"Down {Count(-steps)} from {previous.Grade.Display()} in {previous.Cycle}.",
        };
        return new(previous.Grade, previous.Cycle, steps, words);
    }

    /// <summary>The judgments that stand in a force's inspections (inline documents: exact at write time), each with its framework's scale.</summary>
    public static IEnumerable<(Inspection Inspection, string Code, StandingJudgment Judgment)> Standing(
        IEnumerable<Inspection> inspections, IReadOnlyDictionary<string, AssessmentFramework> frameworks) =>
        from i in inspections
        let framework = frameworks.GetValueOrDefault(AssessmentFramework.KeyOf(i.FrameworkId, i.FrameworkVersion))
        where framework is not null
        from q in i.Questions
        where q.StandingGrade is not null
        select (i, q.Code, new StandingJudgment(i.Year, i.Cycle, framework.FindQuestion(q.Code)?.LineageKey, q.StandingGrade!.Value, framework.Scale,
            q.Awarded is null && q.CarriedOverFrom is not null));

    /// <summary>The standing judgments of the given forces' inspections, each with its framework's scale.</summary>
    public static async Task<IReadOnlyList<(Inspection Inspection, string Code, StandingJudgment Judgment)>> OfForcesAsync(
        IQuerySession session, IReadOnlyCollection<string> forceIds, CancellationToken ct)
    {
        var ids = forceIds.ToArray();
        var inspections = await session.Query<Inspection>().Where(i => i.ForceId.IsOneOf(ids)).ToListAsync(ct);
        return Standing(inspections, await FrameworkVersions.AllByKeyAsync(session, ct)).ToList();
    }

    private static string Count(int steps) => steps switch { 1 => "one grade", 2 => "two grades", 3 => "three grades", _ => $"{steps} grades" };
}
