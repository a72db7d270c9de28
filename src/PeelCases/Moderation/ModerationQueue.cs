using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using PeelCases.Fieldwork;
using PeelCases.Findings;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Moderation;

public sealed record ModerationItem(
    Guid InspectionId, string ForceId, string ForceName, string Cycle, string QuestionCode, string LineageKey, Grade ProposedGrade,
    string Rationale, int CitedFindings, string ProposedBy, DateTimeOffset ProposedAt, DateTimeOffset InQueueSince, long InspectionVersion,
    JudgmentReference? DisputedCarryOver = null, long QuestionVersion = 0, int CitedOnOneKindOfSource = 0, string? HeldFromYou = null);

/// <summary>
/// The proposed grades waiting for a moderator, oldest first, filterable by cycle, question and tranche; each says how many of the
/// findings it cites rest on one kind of source (Findings/Triangulation), for the moderator to weigh. <c>HeldFromYou</c> says,
/// to a moderator, why a grade is not theirs to moderate: they proposed it, lead the inspection or are on its team (OutsideTheTeam).
/// </summary>
public static class ModerationQueue
{
    [WolverineGet("/moderation/queue", Name = "GetModerationQueue"), Authorize(Policy = Policies.Inspectorate)]
    public static async Task<IReadOnlyList<ModerationItem>> Get(string? cycle, string? question, string? tranche, ClaimsPrincipal user, IQuerySession session,
        CancellationToken ct)
    {
        var query = session.Query<Inspection>().Where(i => i.Stage == InspectionStage.Reporting || i.Stage == InspectionStage.Moderation);
        if (!string.IsNullOrWhiteSpace(cycle)) query = query.Where(i => i.Cycle == cycle);
        var inspections = (await query.ToListAsync(ct)).Where(i => InTranche(i, tranche)).ToList();
        var forces = (await session.Query<Force>().ToListAsync(ct)).ToDictionary(f => f.Id, f => f.Name);
        var frameworks = await FrameworkVersions.AllByKeyAsync(session, ct);
        var cited = inspections.SelectMany(i => i.Questions).Where(q => q.Stage == QuestionStage.Moderation && q.Proposed is not null)
            .SelectMany(q => q.Proposed!.CitedFindingIds).Distinct().ToArray();
        // Two more reads only when something waits: the cited findings, then the evidence they cite.
        var findings = cited.Length == 0 ? [] : await session.LoadManyAsync<Finding>(ct, cited);
        var evidence = findings.Count == 0 ? [] : await session.LoadManyAsync<Evidence>(ct, findings.SelectMany(f => f.Content.CitedEvidenceIds).Distinct());
        var single = Triangulation.Of(findings, evidence).Where(s => s.Triangulated == false).Select(s => s.FindingId).ToHashSet();
        return inspections
            .SelectMany(i => i.Questions.Where(q => q.Stage == QuestionStage.Moderation && q.Proposed is not null)
                .Where(q => string.IsNullOrWhiteSpace(question) || string.Equals(q.Code, question, StringComparison.OrdinalIgnoreCase))
                .Select(q => new ModerationItem(i.Id, i.ForceId, forces.GetValueOrDefault(i.ForceId, i.ForceId), i.Cycle, q.Code,
                    frameworks.GetValueOrDefault(AssessmentFramework.KeyOf(i.FrameworkId, i.FrameworkVersion))?.FindQuestion(q.Code)?.LineageKey ?? q.Code,
                    q.Proposed!.Grade, q.Proposed.Rationale, q.Proposed.CitedFindingIds.Count, q.Proposed.ProposedBy, q.Proposed.ProposedAt,
                    q.StageSince, i.Version, q.DisputedCarryOver, q.Version, q.Proposed.CitedFindingIds.Distinct().Count(single.Contains),
                    HeldFrom(user, i, q.Proposed.ProposedBy))))
            .OrderBy(x => x.InQueueSince).ToList();
    }

    /// <summary>No tranche asked for, or the inspection's (as the board and the comparison match it: trimmed, any case).</summary>
    public static bool InTranche(Inspection inspection, string? tranche) =>
        string.IsNullOrWhiteSpace(tranche) || string.Equals(inspection.Tranche, tranche.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// To a moderator, why a waiting grade is not theirs to moderate (OutsideTheTeam), in the moderation's refusal; null when
    /// it is, and to anyone else, whose role makes no grade in the queue theirs. Both queues ask it.
    /// </summary>
    public static string? HeldFrom(ClaimsPrincipal user, Inspection inspection, string proposedBy) =>
        user.IsInRole(Roles.Moderator) ? OutsideTheTeam.Check(inspection, proposedBy, user.Actor(), OutsideTheTeam.Moderation)?.Detail : null;
}
