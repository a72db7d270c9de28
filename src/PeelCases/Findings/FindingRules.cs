using PeelCases.Fieldwork;
using PeelCases.Inspections;
using PeelCases.Kernel;

namespace PeelCases.Findings;

/// <summary>A recommendation as a client sends it; numbers and statuses are the service's.</summary>
public sealed record RecommendationInput(string? Text, RecommendationDeadline? Deadline);

/// <summary>What a finding must satisfy, drafted or revised.</summary>
public static class FindingRules
{
    /// <summary>
    /// A cause of concern published ahead of the report is public from that day (/reports/{force}/accelerated/{id}): what
    /// it said then is what the public read, so it is neither revised nor withdrawn; a follow-up says where it stands.
    /// </summary>
    public static Refusal? PublishedAhead(Finding finding) => finding.Accelerated is { PublishedOn: { } published }
        ? Refusal.ProcessRule($"The cause of concern was published ahead of the report on {published:d MMMM yyyy}; its published words stand. "
            + "Record where it stands with a follow-up (withdrawn, if it no longer applies).")
        : null;

    public const int MaxCitations = EvidenceCitations.Max;
    public const int MaxRecommendations = 20;

    public static FieldErrors ValidateContent(FieldErrors errors, string? heading, FindingKind? kind, string? text,
        IReadOnlyList<Guid>? cited, IReadOnlyList<RecommendationInput>? recommendations)
    {
        errors.Text("heading", heading)
            .Required("kind", kind)
            .Text("text", text, FieldErrors.LongText)
            .List("citedEvidenceIds", cited, MaxCitations)
            .List("recommendations", recommendations, MaxRecommendations, required: false);
        if (kind == FindingKind.CauseOfConcern && recommendations is not { Count: > 0 })
            errors.Add("recommendations", "A cause of concern must carry at least one recommendation.");
        if (kind is not null and not FindingKind.CauseOfConcern && recommendations is { Count: > 0 })
            errors.Add("recommendations", "Only a cause of concern carries recommendations.");
        foreach (var (r, i) in (recommendations ?? []).Select((r, i) => (r, i)))
        {
            var field = $"recommendations[{i}]";
            if (r is null) { errors.Add(field, $"{field} is empty."); continue; }
            errors.Text($"{field}.text", r.Text, 2_000);
            switch (r.Deadline)
            {
                case null: errors.Add($"{field}.deadline", "A recommendation needs a deadline: Immediately, ByDate or WithinMonths."); break;
                case { Kind: DeadlineKind.ByDate, Date: null }: errors.Add($"{field}.deadline", "A ByDate deadline needs its date."); break;
                case { Kind: DeadlineKind.WithinMonths, Months: null or < 1 or > 60 }:
                    errors.Add($"{field}.deadline", "A WithinMonths deadline needs months between 1 and 60."); break;
            }
        }
        return errors;
    }

    /// <summary>The question must be open for findings, and every cited piece of evidence must bear on it.</summary>
    public static Decision<FindingContent> CheckAgainst(
        Inspection inspection, string questionCode, FindingContent content, IReadOnlyCollection<Evidence> citedEvidence,
        IReadOnlyList<Recommendation>? earlier = null, bool correction = false)
    {
        var question = inspection.FindQuestion(questionCode);
        if (question is null)
            return Refusal.Invalid("questionCode", $"Question '{questionCode}' is not in the scope of this inspection.");
        if (question.Scope is null)
            return Refusal.ProcessRule($"Question {question.Code} has not been scoped yet; scope it before drafting findings.");
        if (question.Scope == QuestionScope.CarryOver)
            return Refusal.ProcessRule($"Question {question.Code} is scoped for carry-over: it is not inspected in detail, so it takes no new findings. Re-scope it as Detailed first.");
        // After publication a revision is a correction, shown in the next published version only.
        var correcting = correction && inspection.Stage == InspectionStage.Published;
        if (!correcting && Stages.Require(question, "Drafting or revising findings", QuestionStage.Fieldwork, QuestionStage.Drafting) is { } wrongStage)
            return wrongStage;

        if (EvidenceCitations.Check(inspection, question.Code, content.CitedEvidenceIds, citedEvidence, "citedEvidenceIds") is { } uncited) return uncited;

        // A recommendation kept in a revision keeps its status: matched by its words first, so removing
        // an earlier one never hands its status to the next; else by its place, when the one that stood
        // there was reworded rather than kept elsewhere. New ones start Open.
        var kept = content.Recommendations.Select(r => r.Text.Trim()).ToHashSet();
        var numbered = content.Recommendations.Select((r, i) => r with
        {
            Number = i + 1,
            Status = earlier?.FirstOrDefault(e => e.Text == r.Text.Trim())?.Status
                     ?? earlier?.FirstOrDefault(e => e.Number == i + 1 && !kept.Contains(e.Text))?.Status
                     ?? RecommendationStatus.Open,
        }).ToList();
        return content with
        {
            Heading = content.Heading.Trim(),
            Text = content.Text.Trim(),
            CitedEvidenceIds = content.CitedEvidenceIds.Distinct().ToList(),
            Recommendations = numbered,
        };
    }

    public static FindingContent ToContent(string heading, FindingKind kind, string text, IReadOnlyList<Guid> cited,
        IReadOnlyList<RecommendationInput>? recommendations) =>
        new(heading, kind, text, cited,
            (recommendations ?? []).Select((r, i) => new Recommendation(i + 1, r.Text!.Trim(), r.Deadline!, RecommendationStatus.Open)).ToList());
}
