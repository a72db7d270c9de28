using Marten.Events.Aggregation;
using PeelCases.FactualAccuracy;
using PeelCases.Fieldwork;
using PeelCases.Findings;
using PeelCases.Grading;
using PeelCases.HmiSignOff;
using PeelCases.Inspections;
using PeelCases.Moderation;
using PeelCases.Publishing;
using PeelCases.QualityAssurance;
using PeelCases.Workflow;

namespace PeelCases.Lifecycle;

/// <summary>
/// Folds the inspection stream into <see cref="Inspection"/>, inline. Each capability owns its
/// events and how they change the record (its <c>…State</c> class); this projection only puts
/// them together, one line per event type. Pure: times come from the events.
/// </summary>
public partial class InspectionProjection : SingleStreamProjection<Inspection, Guid>
{
    public static Inspection Create(InspectionScheduled e) => InspectionState.Create(e);

    public static void Apply(QuestionScoped e, Inspection i) => InspectionState.Apply(i, e);
    public static void Apply(InspectionTeamChanged e, Inspection i) => InspectionState.Apply(i, e);
    public static void Apply(FieldworkStarted e, Inspection i) => FieldworkState.Apply(i, e);
    public static void Apply(FieldworkCompleted e, Inspection i) => FieldworkState.Apply(i, e);
    public static void Apply(FindingsSubmittedForQa e, Inspection i) => QaState.Apply(i, e);
    public static void Apply(FindingsAcceptedByQa e, Inspection i) => QaState.Apply(i, e);
    public static void Apply(FindingsReturnedByQa e, Inspection i) => QaState.Apply(i, e);
    public static void Apply(GradeProposed e, Inspection i) => GradingState.Apply(i, e);
    public static void Apply(GradeAwarded e, Inspection i) => GradingState.Apply(i, e);
    public static void Apply(JudgmentCarriedOver e, Inspection i) => GradingState.Apply(i, e);
    public static void Apply(CarryOverNeedsDecision e, Inspection i) => GradingState.Apply(i, e);
    public static void Apply(CarriedOverJudgmentDisputed e, Inspection i) => GradingState.Apply(i, e);
    public static void Apply(DraftFlagDismissed e, Inspection i) => GradingState.Apply(i, e);
    public static void Apply(PillarGradeProposed e, Inspection i) => GradingState.Apply(i, e);
    public static void Apply(PillarGradeAwarded e, Inspection i) => GradingState.Apply(i, e);
    public static void Apply(GradeEnteredModeration e, Inspection i) => GradingState.Apply(i, e);
    public static void Apply(GradeModerated e, Inspection i) => ModerationState.Apply(i, e);
    public static void Apply(PillarGradeModerated e, Inspection i) => ModerationState.Apply(i, e);
    public static void Apply(QuestionSummaryWritten e, Inspection i) => SummaryState.Apply(i, e);
    public static void Apply(PillarSummaryWritten e, Inspection i) => SummaryState.Apply(i, e);
    public static void Apply(InspectionEnteredModeration e, Inspection i) => WorkflowState.Apply(i, e);
    public static void Apply(InspectionReadyForSignOff e, Inspection i) => WorkflowState.Apply(i, e);
    public static void Apply(InspectionSignedOff e, Inspection i) => SignOffState.Apply(i, e);
    public static void Apply(HmiObservationsWritten e, Inspection i) => SignOffState.Apply(i, e);
    public static void Apply(QuestionTextRedacted e, Inspection i) => RedactQuestionRules.Apply(i, e);
    public static void Apply(PillarTextRedacted e, Inspection i) => RedactPillarRules.Apply(i, e);
    public static void Apply(InspectionTrancheAssigned e, Inspection i) => AssignTrancheRules.Apply(i, e);
    public static void Apply(QuestionHandedTo e, Inspection i) => HandQuestionRules.Apply(i, e);
    public static void Apply(InspectionHandedTo e, Inspection i) => HandInspectionRules.Apply(i, e);
    public static void Apply(LineOfEnquirySet e, Inspection i) => LinesOfEnquiry.Apply(i, e);
    public static void Apply(LineOfEnquiryConcluded e, Inspection i) => LinesOfEnquiry.Apply(i, e);
    public static void Apply(LineOfEnquiryRevised e, Inspection i) => LinesOfEnquiry.Apply(i, e);
    public static void Apply(FactualAccuracyChallengeRedacted e, Inspection i) => RedactChallengeRules.Apply(i, e);
    public static void Apply(FactualAccuracyCheckOpened e, Inspection i) => FactualAccuracyState.Apply(i, e);
    public static void Apply(FactualAccuracyChallengeRaised e, Inspection i) => FactualAccuracyState.Apply(i, e);
    public static void Apply(FactualAccuracyChallengeResolved e, Inspection i) => FactualAccuracyState.Apply(i, e);
    public static void Apply(FactualAccuracyCheckClosed e, Inspection i) => FactualAccuracyState.Apply(i, e);
    public static void Apply(ForceConfirmedNoFurtherComments e, Inspection i) => FactualAccuracyState.Apply(i, e);
    public static void Apply(InspectionPublished e, Inspection i) => PublishingState.Apply(i, e);
    public static void Apply(PccResponseRecorded e, Inspection i) => RecordPccResponseRules.Apply(i, e);
}
