using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Findings;

/// <summary>
/// One line of the register: a published area for improvement, a cause of concern, or one of its recommendations, with
/// where it stands (Open until a status note says otherwise) and every dated note on it. <see cref="RecordedIn"/>
/// names the later inspection that looked at it again, when its latest note was made there. <see cref="DueOn"/> (added
/// 2026-12-07) is the day a recommendation falls due, from its deadline and the day it was published.
/// </summary>
public sealed record RegisterItem(
    Guid FindingId, int? RecommendationNumber, string ForceId, Guid InspectionId, string Cycle, DateOnly PublishedOn, string QuestionCode, string? LineageKey,
    FindingKind Kind, string Heading, string Text, FollowUpStatus Status, DateOnly? StatusSince, string? LatestNote, Guid? RecordedIn, IReadOnlyList<FollowUp> History,
    DateOnly? DueOn = null)
{
    public bool Closed => Status is FollowUpStatus.Addressed or FollowUpStatus.Achieved or FollowUpStatus.Superseded or FollowUpStatus.Withdrawn;

    /// <summary>A recommendation still open after the day it fell due.</summary>
    public bool OverdueOn(DateOnly today) => !Closed && DueOn < today;
}

/// <summary>
/// An earlier finding a later inspection should look at again: the question of this inspection it concerns, whether a status
/// was recorded here, and <see cref="Why"/> it is looked at again when it was published under another question's lineage (the
/// mapping's reason: a question this one replaced, or the area that took up its subject in a later cycle; added 2026-12-08).
/// </summary>
public sealed record EarlierFinding(string Question, RegisterItem Item, bool RecordedHere, string? Why = null);

public static class Register
{
    /// <summary>
    /// The register as it stood on <paramref name="on"/> (now when null): reports published by then, notes effective by then.
    /// With <paramref name="recordedBy"/>, as it was recorded at that moment: reports published by its day, notes recorded by then.
    /// </summary>
    public static IReadOnlyList<RegisterItem> Of(IEnumerable<(Finding Finding, Inspection Inspection, FrameworkQuestion? Question)> findings, DateOnly? on,
        DateTimeOffset? recordedBy = null)
    {
        if (recordedBy is { } moment)
        {
            var day = DateOnly.FromDateTime(moment.UtcDateTime);
            on = on is { } given && given < day ? given : day;
        }
        var items = new List<RegisterItem>();
        foreach (var (f, i, q) in findings)
        {
            if (f.Withdrawn || f.Content.Kind is not (FindingKind.AreaForImprovement or FindingKind.CauseOfConcern)) continue;
            // An accelerated cause of concern is in the register from its own publication, ahead of the report.
            var publishedOn = f.Accelerated?.PublishedOn ?? i.Publications.FirstOrDefault()?.PublishedOn;
            if (publishedOn is not { } published || on is { } day && published > day) continue;
            RegisterItem Item(int? number, string text, RecommendationDeadline? deadline = null)
            {
                var history = f.FollowUps.Concat(f.RecommendationHistory.Select(Monitored))
                    .Where(u => u.RecommendationNumber == number && (on is not { } d || u.EffectiveOn <= d) && (recordedBy is not { } r || u.RecordedAt <= r))
                    .OrderBy(u => u.EffectiveOn).ThenBy(u => u.RecordedAt).ToList();
                var latest = history.LastOrDefault();
                return new RegisterItem(f.Id, number, i.ForceId, i.Id, i.Cycle, published, f.QuestionCode, q?.LineageKey, f.Content.Kind,
                    f.Content.Heading, text, latest?.Status ?? FollowUpStatus.Open, latest?.EffectiveOn, latest?.Note, latest?.RecordedInInspection, history,
                    deadline?.DueOn(published));
            }
            items.Add(Item(null, f.Content.Text));
            items.AddRange(f.Content.Recommendations.OrderBy(r => r.Number).Select(r => Item(r.Number, r.Text, r.Deadline)));
        }
        return items.OrderBy(x => x.PublishedOn).ThenBy(x => x.ForceId).ThenBy(x => x.QuestionCode).ThenBy(x => x.FindingId).ThenBy(x => x.RecommendationNumber ?? 0).ToList();
    }

    /// <summary>
    /// A recommendation's status changed on its finding's own card (monitoring after publication), as a dated note in the
    /// register beside the follow-ups, so the two never disagree: discharged is achieved, no further action needed is
    /// addressed, awaiting review is in progress. The note keeps the status's own words.
    /// </summary>
    public static FollowUp Monitored(RecommendationStatusChanged e) => new(e.RecommendationNumber, e.Status switch
    {
        RecommendationStatus.Discharged => FollowUpStatus.Achieved,
        RecommendationStatus.NoFurtherActionNeeded => FollowUpStatus.Addressed,
        RecommendationStatus.AwaitingReview or RecommendationStatus.InProgress => FollowUpStatus.InProgress,
        _ => FollowUpStatus.Open,
    }, Words.Sentence(e.Status.ToString()) + (e.Note is { } note ? $": {note}" : "."), null, e.EffectiveOn, e.ChangedBy, e.ChangedAt);

    /// <summary>
    /// The earlier items a later inspection looks at again: of the same force, published before its fieldwork, open as it
    /// starts (or given a status in it), on a question it covers — the same lineage, one it replaced, or the question or area of
    /// the cycle before that it took up, whose grades are not comparable but whose findings are looked at again
    /// (LineageMappings.FollowedUpFrom), with the mapping's reason.
    /// </summary>
    public static IReadOnlyList<EarlierFinding> For(Inspection later, AssessmentFramework framework, IReadOnlyList<RegisterItem> register) =>
        later.Questions.SelectMany(q =>
        {
            var lineage = framework.FindQuestion(q.Code)?.LineageKey;
            IReadOnlySet<string> sources = lineage is null ? new HashSet<string>() : LineageMappings.FollowedUpFrom(lineage);
            return register.Where(item => item.ForceId == later.ForceId && item.InspectionId != later.Id && item.PublishedOn < later.FieldworkStarts
                                          && (item.LineageKey is { } key ? sources.Contains(key) : lineage is null && item.QuestionCode == q.Code))
                .Select(item => new EarlierFinding(q.Code, item, item.History.Any(h => h.RecordedInInspection == later.Id),
                    item.LineageKey is { } from && lineage is not null ? LineageMappings.WhyFollowedUp(from, lineage) : null))
                .Where(e => e.RecordedHere || !e.Item.Closed);
        }).ToList();
}
