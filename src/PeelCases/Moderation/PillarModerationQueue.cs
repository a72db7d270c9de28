using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Moderation;

/// <summary>A settled question the pillar's grade stands on: its grade, awarded this time or carried over.</summary>
public sealed record PillarQuestionGrade(string Code, Grade Grade, bool CarriedOver);

/// <summary>
/// A pillar grade waiting for a moderator: what was proposed and why, the grades of the questions it stands on, the same
/// pillar's grades in the other forces of the cycle (awarded, else moderated; of its tranche when one is asked for), and a flag when the proposal stands outside
/// its own questions' grades; as the question queue, why one is not the caller's to moderate.
/// </summary>
public sealed record PillarModerationItem(
    Guid InspectionId, string ForceId, string ForceName, string Cycle, string PillarCode, string PillarName, Grade ProposedGrade, string Rationale,
    string ProposedBy, DateTimeOffset ProposedAt, long InspectionVersion, IReadOnlyList<PillarQuestionGrade> Questions,
    IReadOnlyDictionary<Grade, int> OtherForces, string? Flag, string? HeldFromYou = null);

public static class PillarModerationQueue
{
    public const string Rule =
        "A pillar's grade stands on its graded questions. A proposal is flagged when it is better than the best of them or worse " +
        "than the worst; the other forces' grades for the same pillar in the cycle are its awarded grade, else its moderated one.";

    [WolverineGet("/moderation/pillars", Name = "GetPillarModerationQueue"), Authorize(Policy = Policies.Inspectorate)]
    public static async Task<IReadOnlyList<PillarModerationItem>> Get(string? cycle, string? tranche, ClaimsPrincipal user, IQuerySession session,
        CancellationToken ct)
    {
        // Pillars are graded in reporting and moderation only (PillarRules.Ready): at sign-off every one is awarded.
        var query = session.Query<Inspection>().Where(i => i.Stage == InspectionStage.Reporting || i.Stage == InspectionStage.Moderation);
        if (!string.IsNullOrWhiteSpace(cycle)) query = query.Where(i => i.Cycle == cycle);
        var waiting = (await query.ToListAsync(ct)).Where(i => i.Pillars.Any(Waiting) && ModerationQueue.InTranche(i, tranche)).ToList();
        if (waiting.Count == 0) return [];
        // One more read only when something waits: the cycles' other inspections (of the tranche asked for), for the same pillar elsewhere.
        var cycles = waiting.Select(i => i.Cycle).Distinct().ToArray();
        var inCycles = (await session.Query<Inspection>().Where(i => i.Cycle.IsOneOf(cycles)).ToListAsync(ct))
            .Where(i => ModerationQueue.InTranche(i, tranche)).ToList();
        var forces = (await session.Query<Force>().ToListAsync(ct)).ToDictionary(f => f.Id, f => f.Name);
        var frameworks = await FrameworkVersions.AllByKeyAsync(session, ct);
        return waiting.SelectMany(i => frameworks.GetValueOrDefault(AssessmentFramework.KeyOf(i.FrameworkId, i.FrameworkVersion)) is not { } framework ? []
            : i.Pillars.Where(Waiting).Select(p =>
            {
                var pillar = framework.Pillars.FirstOrDefault(x => x.Code == p.PillarCode);
                var questions = QuestionsOf(i, framework, p.PillarCode);
                return new PillarModerationItem(i.Id, i.ForceId, forces.GetValueOrDefault(i.ForceId, i.ForceId), i.Cycle, p.PillarCode, pillar?.Name ?? p.PillarCode,
                    p.Proposed!.Grade, p.Proposed.Rationale, p.Proposed.ProposedBy, p.Proposed.ProposedAt, i.Version, questions,
                    OtherForces(framework.Scale, i, inCycles, p.PillarCode), Flag(framework.Scale, p.Proposed.Grade, questions),
                    ModerationQueue.HeldFrom(user, i, p.Proposed.ProposedBy));
            }))
            .OrderBy(x => x.ProposedAt).ToList();
    }

    private static bool Waiting(PillarJudgment p) => p is { Proposed: not null, Moderated: null, Awarded: null };

    /// <summary>The settled graded questions of the pillar, in the framework's order.</summary>
    public static IReadOnlyList<PillarQuestionGrade> QuestionsOf(Inspection inspection, AssessmentFramework framework, string pillarCode) =>
        framework.Questions.Where(q => q.PillarCode == pillarCode && q.Graded).Select(q => inspection.FindQuestion(q.Code)).OfType<InspectionQuestion>()
            .Select(q => q.Awarded is { } a ? new PillarQuestionGrade(q.Code, a.Grade, false)
                : q.CarriedOverFrom is { } c ? new PillarQuestionGrade(q.Code, c.Grade, true) : null)
            .OfType<PillarQuestionGrade>().ToList();

    /// <summary>The same pillar's grades in the cycle's other forces, by grade: each one's awarded grade, else its moderated one.</summary>
    public static IReadOnlyDictionary<Grade, int> OtherForces(IReadOnlyList<Grade> scale, Inspection inspection, IEnumerable<Inspection> inCycle, string pillarCode)
    {
        var elsewhere = inCycle.Where(o => o.Cycle == inspection.Cycle && o.ForceId != inspection.ForceId)
            .Select(o => o.Pillars.FirstOrDefault(x => x.PillarCode == pillarCode) is { } j ? j.Awarded?.Grade ?? j.Moderated?.Grade : null)
            .OfType<Grade>().ToList();
        return scale.ToDictionary(g => g, g => elsewhere.Count(e => e == g));
    }

    /// <summary>Pure: why the proposal stands apart from its own questions, or null.</summary>
    public static string? Flag(IReadOnlyList<Grade> scale, Grade proposed, IReadOnlyList<PillarQuestionGrade> questions)
    {
        if (questions.Count == 0) return null;
        int Rank(Grade g) => scale.ToList().IndexOf(g);
        var best = questions.MinBy(q => Rank(q.Grade))!.Grade;
        var worst = questions.MaxBy(q => Rank(q.Grade))!.Grade;
        if (Rank(proposed) < Rank(best)) return $"Proposed {proposed.Display()}, better than every question it stands on (the best is {best.Display()}).";
        if (Rank(proposed) > Rank(worst)) return $"Proposed {proposed.Display()}, worse than every question it stands on (the worst is {worst.Display()}).";
        return null;
    }
}
