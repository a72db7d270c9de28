using Marten;
using PeelCases.FactualAccuracy;
using PeelCases.Fieldwork;
using PeelCases.Findings;
using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.Publishing;
using PeelCases.ReferenceData;
using PeelCases.Reporting;
using PeelCases.Workflow;

namespace PeelCases.Infrastructure;

/// <summary>An event type and the names it is stored under: its alias (<c>mt_events.type</c>) and
/// every CLR name it was ever written with (<c>mt_events.mt_dotnet_type</c>), the current one first.</summary>
public sealed record StoredEvent(Type Type, string Alias, params string[] ClrNames);

/// <summary>
/// The names under which stored rows name our types. Rows outlive the code that wrote them, so a
/// name here is never changed or removed: a type that moves or is renamed keeps its alias, and
/// its old CLR name is added to <see cref="StoredEvent.ClrNames"/>. Wolverine message names are
/// pinned on the message types with <c>[MessageIdentity]</c>. docs/events.md has the rules;
/// the stored-history tests check every name found in the dumps under tests/ resolves here.
/// </summary>
public static class StoredNames
{
    public static readonly IReadOnlyList<StoredEvent> Events =
    [
        Event<InspectionScheduled>("inspection_scheduled", "PeelCases.Inspections.InspectionScheduled"),
        Event<InspectionTeamChanged>("inspection_team_changed", "PeelCases.Inspections.InspectionTeamChanged"),
        Event<QuestionScoped>("question_scoped", "PeelCases.Inspections.QuestionScoped"),
        Event<FieldworkStarted>("fieldwork_started", "PeelCases.Workflow.FieldworkStarted"),
        Event<FieldworkCompleted>("fieldwork_completed", "PeelCases.Workflow.FieldworkCompleted"),
        Event<EvidenceRecorded>("evidence_recorded", "PeelCases.Fieldwork.EvidenceRecorded"),
        Event<EvidenceAmended>("evidence_amended", "PeelCases.Fieldwork.EvidenceAmended"),
        Event<EvidenceRedacted>("evidence_redacted", "PeelCases.Fieldwork.EvidenceRedacted"),
        Event<FindingDrafted>("finding_drafted", "PeelCases.Findings.FindingDrafted"),
        Event<FindingRevised>("finding_revised", "PeelCases.Findings.FindingRevised"),
        Event<FindingWithdrawn>("finding_withdrawn", "PeelCases.Findings.FindingWithdrawn"),
        Event<RecommendationStatusChanged>("recommendation_status_changed", "PeelCases.Findings.RecommendationStatusChanged"),
        Event<FindingsSubmittedForQa>("findings_submitted_for_qa", "PeelCases.Workflow.FindingsSubmittedForQa"),
        Event<FindingsAcceptedByQa>("findings_accepted_by_qa", "PeelCases.Workflow.FindingsAcceptedByQa"),
        Event<FindingsReturnedByQa>("findings_returned_by_qa", "PeelCases.Workflow.FindingsReturnedByQa"),
        Event<GradeProposed>("grade_proposed", "PeelCases.Grading.GradeProposed"),
        Event<GradeEnteredModeration>("grade_entered_moderation", "PeelCases.Workflow.GradeEnteredModeration"),
        Event<GradeModerated>("grade_moderated", "PeelCases.Workflow.GradeModerated"),
        Event<GradeAwarded>("grade_awarded", "PeelCases.Grading.GradeAwarded"),
        Event<JudgmentCarriedOver>("judgment_carried_over", "PeelCases.Grading.JudgmentCarriedOver"),
        Event<CarryOverNeedsDecision>("carry_over_needs_decision", "PeelCases.Workflow.CarryOverNeedsDecision"),
        Event<PillarGradeProposed>("pillar_grade_proposed", "PeelCases.Grading.PillarGradeProposed"),
        Event<PillarGradeAwarded>("pillar_grade_awarded", "PeelCases.Grading.PillarGradeAwarded"),
        Event<QuestionSummaryWritten>("question_summary_written", "PeelCases.Reporting.QuestionSummaryWritten"),
        Event<InspectionEnteredModeration>("inspection_entered_moderation", "PeelCases.Workflow.InspectionEnteredModeration"),
        Event<InspectionReadyForSignOff>("inspection_ready_for_sign_off", "PeelCases.Workflow.InspectionReadyForSignOff"),
        Event<InspectionSignedOff>("inspection_signed_off", "PeelCases.Workflow.InspectionSignedOff"),
        Event<FactualAccuracyCheckOpened>("factual_accuracy_check_opened", "PeelCases.FactualAccuracy.FactualAccuracyCheckOpened"),
        Event<FactualAccuracyChallengeRaised>("factual_accuracy_challenge_raised", "PeelCases.FactualAccuracy.FactualAccuracyChallengeRaised"),
        Event<FactualAccuracyChallengeResolved>("factual_accuracy_challenge_resolved", "PeelCases.FactualAccuracy.FactualAccuracyChallengeResolved"),
        Event<FactualAccuracyCheckClosed>("factual_accuracy_check_closed", "PeelCases.FactualAccuracy.FactualAccuracyCheckClosed"),
        Event<InspectionPublished>("inspection_published", "PeelCases.Publishing.InspectionPublished"),
    ];

    /// <summary>Document tables (<c>mt_doc_{alias}</c>); for records with streams also the stream kind (<c>mt_streams.type</c>).</summary>
    public static readonly IReadOnlyDictionary<Type, string> Records = new Dictionary<Type, string>
    {
        [typeof(Inspection)] = "inspection",
        [typeof(Evidence)] = "evidence",
        [typeof(Finding)] = "finding",
        [typeof(ForceGradeHistory)] = "forcegradehistory",
        [typeof(Force)] = "force",
        [typeof(AssessmentFramework)] = "assessmentframework",
    };

    /// <summary>Pins every name above in Marten's configuration.</summary>
    public static void Pin(StoreOptions opts)
    {
        foreach (var e in Events) opts.Events.MapEventType(e.Type, e.Alias);
        opts.Schema.For<Inspection>().DocumentAlias(Records[typeof(Inspection)]);
        opts.Schema.For<Evidence>().DocumentAlias(Records[typeof(Evidence)]);
        opts.Schema.For<Finding>().DocumentAlias(Records[typeof(Finding)]);
        opts.Schema.For<ForceGradeHistory>().DocumentAlias(Records[typeof(ForceGradeHistory)]);
        opts.Schema.For<Force>().DocumentAlias(Records[typeof(Force)]);
        opts.Schema.For<AssessmentFramework>().DocumentAlias(Records[typeof(AssessmentFramework)]);
    }

    /// <summary>The event type stored under a CLR name, current or former; null when none is registered.</summary>
    public static Type? EventForClrName(string storedClrName)
    {
        var fullName = storedClrName.Split(',')[0].Trim();
        return Events.FirstOrDefault(e => e.ClrNames.Contains(fullName))?.Type;
    }

    public static Type? EventForAlias(string alias) => Events.FirstOrDefault(e => e.Alias == alias)?.Type;

    private static StoredEvent Event<T>(string alias, params string[] clrNames) => new(typeof(T), alias, clrNames);
}
