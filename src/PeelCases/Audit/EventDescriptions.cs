using PeelCases.FactualAccuracy;
using PeelCases.Fieldwork;
using PeelCases.Findings;
using PeelCases.Grading;
using PeelCases.HmiSignOff;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.Moderation;
using PeelCases.Publishing;
using PeelCases.QualityAssurance;
using PeelCases.Workflow;

namespace PeelCases.Audit;

/// <summary>One line per event, in the words of the people who read the trail.</summary>
public static class EventDescriptions
{
    public static string Describe(object e) => e switch
    {
        InspectionScheduled x => $"Inspection of {x.ForceId} scheduled for {x.Cycle} ({x.FrameworkId}), fieldwork {x.FieldworkStarts:d MMM yyyy} to {x.FieldworkEnds:d MMM yyyy}",
        QuestionScoped x => $"{x.QuestionCode} scoped {RecordWords.ScopedFor(x.Scope)}" + (x.PreviousScope is { } p ? $" (was {RecordWords.ScopedFor(p)})" : "") + (x.Reason is { } r ? $": {r}" : ""),
        FieldworkStarted => "Fieldwork started",
        FieldworkCompleted => "Fieldwork completed; drafting begins",
        EvidenceRecorded x => $"Evidence recorded ({Words.Lower(x.Content.Method)}{Sample(x.Content)}) on {x.Content.CollectedOn:d MMM yyyy}: {Short(x.Content.Summary)}",
        EvidenceAmended x => $"Evidence amended ({x.Reason}): {Short(x.Content.Summary)}",
        EvidenceRedacted x => $"Evidence redacted: personal data removed ({x.Reason})",
        FindingDrafted x => $"{x.QuestionCode}: {Words.Lower(x.Content.Kind)} drafted under \"{x.Content.Heading}\", citing {x.Content.CitedEvidenceIds.Count} piece(s) of evidence",
        FindingRevised x => $"{x.QuestionCode}: finding under \"{x.Content.Heading}\" revised ({x.Reason})",
        FindingWithdrawn x => $"{x.QuestionCode}: finding withdrawn ({x.Reason})",
        RecommendationStatusChanged x => $"Recommendation {x.RecommendationNumber} now {Words.Lower(x.Status)} from {x.EffectiveOn:d MMM yyyy}",
        FindingsSubmittedForQa x => $"{x.QuestionCode}: {x.FindingCount} finding(s) submitted for QA",
        FindingsAcceptedByQa x => $"{x.QuestionCode}: findings accepted by QA" + (x.Comments is { } c ? $" ({c})" : ""),
        FindingsReturnedByQa x => $"{x.QuestionCode}: findings returned by QA: {x.Comments}",
        GradeProposed x => $"{x.QuestionCode}: {x.Grade.Display()} proposed, citing {x.CitedFindingIds.Count} finding(s): {Short(x.Rationale)}",
        GradeEnteredModeration x => $"{x.QuestionCode}: proposed {x.ProposedGrade.Display()} entered the moderation queue",
        GradeModerated { Upheld: { } upheld } x =>
            $"{x.QuestionCode}: moderation upheld the {upheld.Grade.Display()} carried over from {upheld.Year} over the team's {x.ProposedGrade.Display()}: {x.Reason}",
        GradeModerated x => x.Changed
            ? $"{x.QuestionCode}: moderation changed {x.ProposedGrade.Display()} to {x.ModeratedGrade.Display()}: {x.Reason}"
            : $"{x.QuestionCode}: moderation confirmed {x.ModeratedGrade.Display()}",
        GradeAwarded x => $"{x.QuestionCode}: awarded {x.Grade.Display()}",
        JudgmentCarriedOver x => $"{x.QuestionCode}: {x.From.Grade.Display()} carried over from the {x.From.Year} inspection ({x.From.Cycle}, {x.From.QuestionCode})"
            + (x.Via is { } via ? $", the question it replaced: {via}" : ""),
        DraftFlagDismissed x => $"Draft check dismissed: {x.Element} says \"{x.Said}\" ({x.RecordSays}); {x.Reason}",
        QuestionHandedTo x => x.Holder == x.HandedBy ? $"{x.QuestionCode} taken at {RecordWords.Quoted(x.Stage)}" : $"{x.QuestionCode} handed to {x.Holder} at {RecordWords.Quoted(x.Stage)}",
        InspectionHandedTo x => x.Holder == x.HandedBy ? $"Inspection taken at {RecordWords.Quoted(x.Stage)}" : $"Inspection handed to {x.Holder} at {RecordWords.Quoted(x.Stage)}",
        LineOfEnquirySet x => $"{x.QuestionCode}: line of enquiry {x.Number} set, from {LinesOfEnquiry.Words(x.Basis)}: {Short(x.Enquiry)}",
        LineOfEnquiryRevised x => $"{x.QuestionCode}: line of enquiry {x.Number} corrected, from {LinesOfEnquiry.Words(x.Basis)}: {Short(x.Enquiry)} ({Short(x.Reason)})",
        LineOfEnquiryConcluded x => $"{x.QuestionCode}: line of enquiry {x.Number} {LinesOfEnquiry.Words(x.Outcome)}: {Short(x.Conclusion)}",
        InspectionTrancheAssigned x => $"In {x.Tranche}" + (x.PublicationBatch is { } batch ? $", published with {batch}" : ""),
        QuestionTextRedacted x => $"{x.QuestionCode}: personal data removed from the question's record ({x.Reason})",
        PillarTextRedacted x => $"{x.PillarCode} pillar: personal data removed from the pillar's record ({x.Reason})",
        FactualAccuracyChallengeRedacted x => $"Factual accuracy challenge redacted: personal data removed ({x.Reason})",
        FindingFollowedUp x => $"{x.QuestionCode}: {(x.RecommendationNumber is { } n ? $"recommendation {n}" : "finding")} now {Words.Lower(x.Status)} from {x.EffectiveOn:d MMM yyyy}: {Short(x.Note)}",
        CauseOfConcernAccelerated x => $"{x.QuestionCode}: cause of concern raised for publication ahead of the report: {Short(x.Reason)}",
        AcceleratedCauseOfConcernPublished x => $"{x.QuestionCode}: accelerated cause of concern published, dated {x.PublishedOn:d MMM yyyy}",
        FindingRedacted x => $"Finding redacted: personal data removed ({x.Reason})",
        PillarSummaryWritten x => $"{x.PillarCode}: pillar summary written: {Short(x.Summary)}",
        CarriedOverJudgmentDisputed x =>
            $"{x.QuestionCode}: the team disputes the {x.From.Grade.Display()} carried over from {x.From.Year} and intends {x.IntendedGrade.Display()}: {x.Reason}",
        CarryOverNeedsDecision x => $"{x.QuestionCode}: nothing to carry over, a person must decide: {x.Reason}",
        QuestionSummaryWritten x => $"{x.QuestionCode}: report summary written: {Short(x.Summary)}",
        PillarGradeProposed x => $"{x.PillarCode} pillar: {x.Grade.Display()} proposed",
        PillarGradeModerated x => x.Changed
            ? $"{x.PillarCode} pillar: moderation changed {x.ProposedGrade.Display()} to {x.ModeratedGrade.Display()}: {x.Reason}"
            : $"{x.PillarCode} pillar: moderation confirmed {x.ModeratedGrade.Display()}",
        PillarGradeAwarded x => $"{x.PillarCode} pillar: awarded {x.Grade.Display()}",
        InspectionEnteredModeration => "Inspection entered moderation",
        InspectionReadyForSignOff => "Every question settled: ready for HMI sign-off",
        InspectionSignedOff x => $"Signed off by {x.SignedOffBy}",
        HmiObservationsWritten x => $"HM Inspector’s observations written: {Short(x.Observations)}",
        FactualAccuracyCheckOpened x => $"Factual accuracy check opened until {UkTime.Format(x.Deadline)} ({x.WorkingDays} working days)",
        FactualAccuracyChallengeRaised x => $"Factual accuracy challenge raised: {Short(x.Text)}",
        FactualAccuracyChallengeResolved x => $"Challenge {(x.Accepted ? "accepted" : "rejected")}: {Short(x.Reason)}",
        FactualAccuracyCheckClosed x => x.ClosedBy is { } by
            ? $"Factual accuracy check closed early by {by}: the force had no further comments ({x.ChallengesRaised} challenge(s), all resolved)"
            : $"Factual accuracy check closed ({x.ChallengesRaised} challenge(s))",
        ForceConfirmedNoFurtherComments x => $"The force confirmed it has no further comments ({x.ConfirmedBy})",
        InspectionPublished x => $"Report version {x.ReportVersion} published, dated {x.PublishedOn:d MMM yyyy}",
        PccResponseRecorded x => $"The police and crime commissioner's response, published {x.PublishedOn:d MMM yyyy}: {x.Url}",
        _ => e.GetType().Name,
    };

    /// <summary>The business time the event declares (when the decision was made).</summary>
    public static DateTimeOffset? BusinessTime(object e) => (e as IBusinessEvent)?.BusinessTime;

    /// <summary>The question an event concerns, for events that concern one.</summary>
    public static IReadOnlyList<string> Questions(object e) => e switch
    {
        EvidenceRecorded x => x.Content.QuestionCodes,
        EvidenceAmended x => x.Content.QuestionCodes,
        IQuestionEvent x => [x.QuestionCode],
        _ => [],
    };

    private static string Sample(EvidenceContent c) => c.SampleSize is { } n ? $", {n} files" : "";

    private static string Short(string text) => Words.Short(text, 160);
}
