using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Grading;

/// <summary>A force's grade history as people read it: each judgment with how it moved from the one before it on its lineage.</summary>
public sealed record GradeHistoryView(string Id, IReadOnlyList<GradeHistoryLine> Entries);

public sealed record GradeHistoryLine(
    Guid InspectionId, string Cycle, int Year, string FrameworkId, string Code, string? LineageKey, bool IsPillar,
    Grade Grade, string Basis, JudgmentReference? CarriedOverFrom, string DecidedBy, DateTimeOffset DecidedAt, GradeMovement? Movement);

public static class GradeHistoryQueries
{
    /// <summary>The judgments that stand for a force, cycle by cycle, with their basis and their movement.</summary>
    [WolverineGet("/forces/{forceId}/grade-history", Name = "GetForceGradeHistory"), Authorize(Policy = Policies.Inspectorate)]
    [ProducesResponseType<GradeHistoryView>(200)]
    public static async Task<IResult> Get(string forceId, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<Force>(forceId, ct) is null)
            return Refusal.NotFound($"There is no force with code '{forceId}'.").ToResult();
        return Results.Ok(await ReadAsync(session, forceId, ct));
    }

    /// <summary>The force's grade history with each entry's movement (the API's answer, and the console's force page).</summary>
    public static async Task<GradeHistoryView> ReadAsync(IQuerySession session, string forceId, CancellationToken ct)
    {
        var history = await session.LoadAsync<ForceGradeHistory>(forceId, ct) ?? new ForceGradeHistory { Id = forceId };
        var scales = (await session.Query<AssessmentFramework>().ToListAsync(ct)).GroupBy(f => f.Id).ToDictionary(g => g.Key, g => g.First().Scale);
        return WithMovement(history, scales);
    }

    /// <summary>Each entry's movement: from the latest earlier entry on its lineage (a question) or of the same pillar.</summary>
    public static GradeHistoryView WithMovement(ForceGradeHistory history, IReadOnlyDictionary<string, IReadOnlyList<Grade>> scales)
    {
        StandingJudgment Judgment(GradeHistoryEntry e) => new(e.Year, e.Cycle, e.IsPillar ? $"pillar/{e.Code}" : e.LineageKey, e.Grade,
            scales.GetValueOrDefault(e.FrameworkId) ?? (e.Year >= 2021 ? GradeScales.FivePoint : GradeScales.FourPoint), e.CarriedOverFrom is not null);
        var judgments = history.Entries.Select(Judgment).ToList();
        return new GradeHistoryView(history.Id, history.Entries.Select((e, i) => new GradeHistoryLine(e.InspectionId, e.Cycle, e.Year, e.FrameworkId, e.Code,
            e.LineageKey, e.IsPillar, e.Grade, e.Basis, e.CarriedOverFrom, e.DecidedBy, e.DecidedAt,
            GradeMovements.Of(judgments[i], judgments.Where((_, j) => j != i && history.Entries[j].IsPillar == e.IsPillar)))).ToList());
    }
}
