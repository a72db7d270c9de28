using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Moderation;

/// <summary>
/// One proposed grade a moderator decided on: a question's, or (frameworks to 2018/19) a pillar's, which names its pillar
/// and no question. <c>Steps</c> counts places on the framework's scale from the proposal to moderation's grade: above
/// zero, moderation graded lower (the proposal was generous); below zero, higher.
/// </summary>
public sealed record ModeratedProposal(
    Guid InspectionId, string ForceId, string ForceName, string Cycle, string? QuestionCode, string ProposedBy, Grade Proposed,
    Grade Moderated, int Steps, string? Reason, string ModeratedBy, DateTimeOffset ModeratedAt, string? PillarCode = null, string? PillarName = null);

/// <summary>One proposer's grades against moderation: how many were confirmed, lowered or raised, the mean lean, the flag.</summary>
public sealed record ProposerRecord(
    string ProposedBy, int Moderated, int Confirmed, int Lowered, int Raised, double MeanSteps, int Forces, string? Flag,
    IReadOnlyList<ModeratedProposal> Changes);

public sealed record ProposerDriftReport(string? Cycle, int Moderated, IReadOnlyList<ProposerRecord> Proposers, string Rule);

/// <summary>
/// Each proposer's grades against what moderation made of them, across forces: as exam boards moderate markers against
/// seed scripts, a proposer whose grades moderation keeps changing, or keeps moving one way, stands out.
/// </summary>
public static class ProposerDrift
{
    public const int MinimumModerated = 4;
    public const double LeanTolerance = 0.5;

    public const string Rule =
        "Each question's and each pillar's latest moderation counts once, against the grade it moderated, when someone other than the proposer " +
        "moderated it (an imported history, proposed and confirmed by its importer, does not count). A step is one place on the " +
        "framework's scale. With at least 4 grades moderated, a proposer is flagged when moderation changed more than a third " +
        "of them, or when its changes lean one way by half a step or more on average over all of them.";

    [WolverineGet("/moderation/proposers", Name = "CompareProposersWithModeration"), Authorize(Policy = Policies.Inspectorate)]
    [ProducesResponseType<ProposerDriftReport>(200)]
    public static async Task<IResult> Get(string? cycle, IQuerySession session, CancellationToken ct)
    {
        cycle = string.IsNullOrWhiteSpace(cycle) ? null : cycle.Trim();
        var frameworks = await FrameworkVersions.LatestOfEachAsync(session, ct);
        if (cycle is not null && frameworks.Values.All(f => f.Cycle != cycle))
            return Refusal.NotFound($"No framework is for cycle '{cycle}'.").ToResult();
        var query = session.Query<Inspection>().AsQueryable();
        if (cycle is not null) query = query.Where(i => i.Cycle == cycle);
        var inspections = await query.ToListAsync(ct);
        var forces = (await session.Query<Force>().ToListAsync(ct)).ToDictionary(f => f.Id, f => f.Name);
        var proposals = inspections
            .Where(i => frameworks.ContainsKey(i.FrameworkId))
            .SelectMany(i => Proposals(i, frameworks[i.FrameworkId], forces.GetValueOrDefault(i.ForceId, i.ForceId)));
        return Results.Ok(Of(cycle, proposals));
    }

    /// <summary>
    /// The inspection's moderated proposals: each question's and each pillar's latest moderation, when it came after the
    /// proposal it decided on.
    /// </summary>
    public static IEnumerable<ModeratedProposal> Proposals(Inspection inspection, AssessmentFramework framework, string forceName)
    {
        var scale = framework.Scale.ToList();
        var graded = inspection.Questions.Select(q => (Question: (string?)q.Code, Pillar: (PillarJudgment?)null, q.Proposed, q.Moderated))
            .Concat(inspection.Pillars.Select(p => (Question: (string?)null, Pillar: (PillarJudgment?)p, p.Proposed, p.Moderated)));
        foreach (var (question, pillar, proposal, moderation) in graded)
        {
            if (proposal is not { } proposed || moderation is not { } moderated || moderated.ModeratedAt < proposed.ProposedAt) continue;
            if (moderated.ModeratedBy == proposed.ProposedBy) continue;
            var (from, to) = (scale.IndexOf(proposed.Grade), scale.IndexOf(moderated.Grade));
            if (from < 0 || to < 0) continue;
            yield return new ModeratedProposal(inspection.Id, inspection.ForceId, forceName, inspection.Cycle, question, proposed.ProposedBy,
                proposed.Grade, moderated.Grade, to - from, moderated.Reason, moderated.ModeratedBy, moderated.ModeratedAt, pillar?.PillarCode,
                pillar is null ? null : framework.Pillars.FirstOrDefault(x => x.Code == pillar.PillarCode)?.Name ?? pillar.PillarCode);
        }
    }

    public static ProposerDriftReport Of(string? cycle, IEnumerable<ModeratedProposal> proposals)
    {
        var all = proposals.ToList();
        var records = all.GroupBy(p => p.ProposedBy).Select(g =>
        {
            var n = g.Count();
            var changes = g.Where(p => p.Steps != 0).OrderByDescending(p => p.ModeratedAt).ToList();
            var mean = g.Average(p => (double)p.Steps); // judged unrounded; rounded for display
            return new ProposerRecord(g.Key, n, n - changes.Count, changes.Count(p => p.Steps > 0), changes.Count(p => p.Steps < 0), Math.Round(mean, 2),
                g.Select(p => p.ForceId).Distinct().Count(), Flag(n, changes.Count, mean), changes);
        });
        return new ProposerDriftReport(cycle, all.Count,
            records.OrderBy(r => r.Flag is null).ThenByDescending(r => (double)(r.Moderated - r.Confirmed) / r.Moderated).ThenBy(r => r.ProposedBy, StringComparer.Ordinal).ToList(),
            Rule);
    }

    public static string? Flag(int moderated, int changed, double meanSteps)
    {
        if (moderated < MinimumModerated) return null;
        var reasons = new List<string>();
        if (3 * changed > moderated) reasons.Add($"moderation changed {changed} of its {moderated} grades, more than a third");
        if (Math.Abs(meanSteps) >= LeanTolerance)
            reasons.Add($"its grades run {(meanSteps > 0 ? "generous" : "severe")}: moderation graded {Math.Abs(meanSteps):0.##} of a step " +
                        $"{(meanSteps > 0 ? "lower" : "higher")} on average");
        return reasons.Count == 0 ? null : $"Out of tolerance: {string.Join("; ", reasons)}.";
    }
}
