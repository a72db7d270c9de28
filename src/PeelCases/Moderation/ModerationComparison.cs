using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using PeelCases.Findings;
using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Moderation;

public sealed record ComparisonRow(
    Guid InspectionId, string ForceId, string ForceName, string Stage, Grade? Proposed, Grade? Moderated, Grade? Awarded, Grade? Standing,
    IReadOnlyDictionary<FindingKind, int> Findings, int FindingBalance, string? Flag, GradeMovement? Movement = null);

public sealed record GradeComparison(
    string Cycle, string QuestionCode, string QuestionText, IReadOnlyList<Grade> Scale, Grade? MedianGrade, double? MedianFindingBalance,
    IReadOnlyDictionary<Grade, int> Distribution, IReadOnlyList<ComparisonRow> Forces, string Rule);

/// <summary>
/// The same question across every force in a cycle: proposed, moderated and awarded grades,
/// their distribution, and the grades that stand apart from the rest while their findings point
/// the other way.
/// </summary>
public static class ModerationComparison
{
    public const string Rule =
        "Each force's standing grade is its awarded grade, else the moderated, else the proposed one. Its finding balance is " +
        "strengths + innovative practice − areas for improvement − 2 × causes of concern (current findings). With at least three " +
        "forces graded, a force is flagged when its grade is better than the median grade while its balance is below the median " +
        "balance, or worse than the median grade while its balance is above it.";

    [WolverineGet("/moderation/comparison", Name = "CompareGradesAcrossForces"), Authorize(Policy = Policies.Inspectorate)]
    [ProducesResponseType<GradeComparison>(200)]
    public static async Task<IResult> Get(string? cycle, string? question, string? tranche, IQuerySession session, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(cycle)) return Refusal.Invalid("cycle", "Name the cycle, e.g. 2018/19.").ToResult();
        if (string.IsNullOrWhiteSpace(question)) return Refusal.Invalid("question", "Name the question code, e.g. E3.").ToResult();
        // A cycle may have several framework versions (2021/22 was revised): the newest one that asks the question.
        var framework = (await session.Query<AssessmentFramework>().ToListAsync(ct)).Where(f => f.Cycle == cycle && f.FindQuestion(question) is not null).MaxBy(f => f.Version);
        var defined = framework?.FindQuestion(question);
        if (framework is null || defined is null)
            return Refusal.NotFound($"No framework for cycle {cycle} has a question '{question}'.").ToResult();

        // Consistency is checked across the forces of one tranche: ?tranche= narrows the comparison to it.
        var inspections = (await session.Query<Inspection>().Where(i => i.Cycle == cycle).ToListAsync(ct))
            .Where(i => string.IsNullOrWhiteSpace(tranche) || string.Equals(i.Tranche, tranche.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        var forces = (await session.Query<Force>().ToListAsync(ct)).ToDictionary(f => f.Id, f => f.Name);
        var asking = inspections.Select(i => (Inspection: i, Question: i.FindQuestion(defined.Code))).Where(r => r.Question is not null).ToList();
        // Every force's findings in one query.
        var findings = await RecordCounts.FindingsAsync(session, asking.Select(r => r.Inspection.Id).ToList(), ct);
        var rows = asking.Select(r => (r.Inspection, Question: r.Question!, Findings: ByKind(findings.GetValueOrDefault(r.Inspection.Id)?.GetValueOrDefault(r.Question!.Code)))).ToList();
        var comparison = Compare(framework, defined, rows.Select(r => (r.Inspection, r.Question, r.Findings, forces.GetValueOrDefault(r.Inspection.ForceId, r.Inspection.ForceId))).ToList());
        // Each force's movement from the judgment that stood before on the question's lineage.
        var forceIds = rows.Select(r => r.Inspection.ForceId).Distinct().ToList();
        var standing = await GradeMovements.OfForcesAsync(session, forceIds, ct);
        return Results.Ok(comparison with
        {
            Forces = comparison.Forces.Select(row => standing.FirstOrDefault(s => s.Inspection.Id == row.InspectionId && s.Code == defined.Code) is { Judgment: { } judgment }
                ? row with { Movement = GradeMovements.Of(judgment, standing.Where(s => s.Inspection.ForceId == row.ForceId && s.Inspection.Id != row.InspectionId).Select(s => s.Judgment)) }
                : row).ToList(),
        });
    }

    public static GradeComparison Compare(AssessmentFramework framework, FrameworkQuestion question,
        IReadOnlyList<(Inspection Inspection, InspectionQuestion Question, IReadOnlyDictionary<FindingKind, int> Findings, string ForceName)> rows)
    {
        static Grade? Standing(InspectionQuestion q) => q.Awarded?.Grade ?? q.Moderated?.Grade ?? q.Proposed?.Grade ?? q.CarriedOverFrom?.Grade;
        static int Balance(IReadOnlyDictionary<FindingKind, int> f) =>
            f.GetValueOrDefault(FindingKind.Strength) + f.GetValueOrDefault(FindingKind.InnovativePractice)
            - f.GetValueOrDefault(FindingKind.AreaForImprovement) - 2 * f.GetValueOrDefault(FindingKind.CauseOfConcern);
        int Rank(Grade g) => framework.Scale.ToList().IndexOf(g);

        var graded = rows.Where(r => Standing(r.Question) is not null).ToList();
        Grade? medianGrade = null;
        double? medianBalance = null;
        if (graded.Count >= 3)
        {
            medianGrade = framework.Scale[(int)Math.Round(Median(graded.Select(r => (double)Rank(Standing(r.Question)!.Value))), MidpointRounding.ToEven)];
            medianBalance = Median(graded.Select(r => (double)Balance(r.Findings)));
        }

        var result = rows.OrderBy(r => r.ForceName).Select(r =>
        {
            var standing = Standing(r.Question);
            var balance = Balance(r.Findings);
            string? flag = null;
            if (standing is { } g && medianGrade is { } m && medianBalance is { } mb)
            {
                if (Rank(g) < Rank(m) && balance < mb)
                    flag = $"Graded {g.Display()}, above the median {m.Display()}, while its finding balance ({balance}) is below the median ({mb}).";
                else if (Rank(g) > Rank(m) && balance > mb)
                    flag = $"Graded {g.Display()}, below the median {m.Display()}, while its finding balance ({balance}) is above the median ({mb}).";
            }
            return new ComparisonRow(r.Inspection.Id, r.Inspection.ForceId, r.ForceName, r.Question.Stage.ToString(),
                r.Question.Proposed?.Grade, r.Question.Moderated?.Grade, r.Question.Awarded?.Grade, standing, r.Findings, balance, flag);
        }).ToList();

        var distribution = framework.Scale.ToDictionary(g => g, g => result.Count(r => r.Standing == g));
        return new GradeComparison(framework.Cycle, question.Code, question.Text, framework.Scale, medianGrade, medianBalance, distribution, result, Rule);
    }

    private static IReadOnlyDictionary<FindingKind, int> ByKind(Dictionary<string, int>? counts) =>
        (counts ?? []).ToDictionary(k => Enum.Parse<FindingKind>(k.Key), k => k.Value);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
