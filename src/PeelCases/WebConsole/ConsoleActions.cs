using PeelCases.Inspections;
using PeelCases.Fieldwork;
using PeelCases.Findings;
using PeelCases.Grading;
using PeelCases.HmiSignOff;
using PeelCases.Moderation;
using PeelCases.Publishing;
using PeelCases.QualityAssurance;
using PeelCases.ReferenceData;

namespace PeelCases.WebConsole;

/// <summary>Which fields an action's form asks for.</summary>
public enum ActionForm { Confirm, Scope, QaReview, Proposal, Moderation, CarryOver, Evidence, Finding, Publication, Summary, Observations, Revision, Withdrawal,
    PillarProposal, PillarModeration, PillarAward, PillarSummary, Amendment, Dispute, FlagDismissal, RecommendationStatus, Team, Tranche, Acceleration,
    AcceleratedPublication, FollowUp, EarlierFollowUp, EvidenceRedaction, FindingRedaction, QuestionRedaction, PillarRedaction, Monitoring, ImprovementPlan, MonitoringRedaction, Schedule, PccResponse, Holder,
    LineOfEnquiry, EnquiryConclusion, AcceleratedFollowUp, InspectionHolder, EnquiryRevision }

/// <summary>
/// An action the console offers: the API operation it calls, the stages it is offered in, and how its form becomes that
/// operation's own command record. The API decides; the stages (and <see cref="While"/>) only keep the page from offering
/// what cannot apply.
/// </summary>
public sealed record ConsoleAction(string Operation, string Label, ActionForm Form, QuestionStage[] QuestionStages, InspectionStage[] InspectionStages,
    Func<IFormCollection, object> Command)
{
    /// <summary>The API operation the form is sent to: its own name, unless two of the console's forms call one operation.</summary>
    public string ApiOperation { get; init; } = Operation;

    /// <summary>What else the record must show for the action to apply within its stages (for example, not yet signed off).</summary>
    public Func<InspectionView, bool> While { get; init; } = _ => true;

    /// <summary>What else the question must show for the action to apply to it (for example, no line of enquiry open).</summary>
    public Func<QuestionView, bool> WhileQuestion { get; init; } = _ => true;

    /// <summary>A check on the team's work (Inspections/OutsideTheTeam): not offered to the team or the grade's proposer, whom the API refuses.</summary>
    public string? OutsideTeam { get; init; }

    /// <summary>Why this check is not this person's to make (the API's refusal, in its words), or null when it is theirs or no check.</summary>
    public string? ClosedTo(Inspection inspection, string? proposedBy, string actor) =>
        OutsideTeam is { } check ? OutsideTheTeam.Check(inspection, proposedBy, actor, check)?.Detail : null;

    public bool ForQuestion => QuestionStages.Length > 0;

    /// <summary>An action on one finding: its form sits in the finding's card and carries the finding's id and version.</summary>
    public bool ForFinding => Form is ActionForm.Revision or ActionForm.Withdrawal or ActionForm.RecommendationStatus or ActionForm.Acceleration
        or ActionForm.AcceleratedPublication or ActionForm.FollowUp or ActionForm.AcceleratedFollowUp or ActionForm.FindingRedaction;

    /// <summary>An action on one piece of evidence: its form sits under it and carries its id and version.</summary>
    public bool ForEvidence => Form is ActionForm.Amendment or ActionForm.EvidenceRedaction;

    /// <summary>
    /// An action on a finding of an earlier inspection, taken from a later one's question page (a follow-up recorded there):
    /// its route names the finding's own inspection (<c>findingInspectionId</c>); the browser comes back to the later page.
    /// </summary>
    public bool ForEarlierFinding => Form is ActionForm.EarlierFollowUp;

    /// <summary>The form field naming the finding or evidence the action is on (its route value too); null for any other action.</summary>
    public string? ItemField => ForFinding || ForEarlierFinding ? "findingId" : ForEvidence ? "evidenceId" : null;

    /// <summary>An action on one pillar (2014 to 2018/19): its form sits under the pillar on the inspection page and carries its code.</summary>
    public bool ForPillar => Form is ActionForm.PillarProposal or ActionForm.PillarModeration or ActionForm.PillarAward or ActionForm.PillarSummary
        or ActionForm.PillarRedaction;

    /// <summary>An action on one open line of enquiry: its form sits under the line on the question page, prefilled with its words.</summary>
    public bool ForLine => Form is ActionForm.EnquiryRevision;

    /// <summary>The scope of a line's form fields' ids (<see cref="ActionSet.FieldId"/>): its question and number.</summary>
    public static string LineScope(string? questionCode, int number) => $"{questionCode}-line-{number}";

    /// <summary>An action on a force, not an inspection: offered on the force's page only (ForceScreen).</summary>
    public bool ForForce => Form is ActionForm.Monitoring or ActionForm.ImprovementPlan or ActionForm.MonitoringRedaction;
    /// <summary>An action with a page of its own, not on an inspection (ScheduleScreen: an inspection not yet there).</summary>
    public bool OwnPage => ForForce || Form is ActionForm.Schedule;

    /// <summary>An action on one draft-check flag: its form sits under the flag on the inspection page and carries the flag's id.</summary>
    public bool ForDraftFlag => Form is ActionForm.FlagDismissal;

    /// <summary>The form fields that go into the operation's route besides the inspection, the question and the item.</summary>
    public IEnumerable<string> RouteFields => Form switch
    {
        _ when ForPillar => ["pillarCode"],
        ActionForm.FlagDismissal => ["flagId"],
        ActionForm.RecommendationStatus or ActionForm.EnquiryConclusion or ActionForm.EnquiryRevision => ["number"],
        _ => [],
    };

    /// <summary>
    /// Offered for this question as it stands: a carried-over judgment is disputed once (DisputeCarriedOverJudgmentRules); a
    /// line of enquiry is set for a question inspected this time, and concluded while one is open.
    /// </summary>
    public bool OfferedFor(QuestionView question) => WhileQuestion(question) && Form switch
    {
        ActionForm.Dispute => question is { CarriedOverFrom: not null, DisputedCarryOver: null },
        ActionForm.LineOfEnquiry => question.Scope != QuestionScope.CarryOver,
        ActionForm.EnquiryConclusion or ActionForm.EnquiryRevision => question.LinesOfEnquiry?.Any(l => l.Open) == true,
        _ => true,
    };

    /// <summary>
    /// Offered for this finding as it stands: a status is moved on for a recommendation it holds; a cause of concern is raised
    /// for acceleration once and published once raised; a published area for improvement or cause of concern is followed up.
    /// A withdrawn finding is kept as it was, so only its personal data can still be removed; once removed, the form goes
    /// until something new is written (RedactFindingRules).
    /// </summary>
    public bool OfferedFor(Finding finding) => Form == ActionForm.FindingRedaction ? finding.Redacted is null || RedactFindingRules.Unredacted(finding)
        : !finding.Withdrawn && Form switch
    {
        ActionForm.RecommendationStatus => finding.Content.Recommendations.Count > 0,
        ActionForm.Acceleration => finding is { Content.Kind: FindingKind.CauseOfConcern, Accelerated: null },
        ActionForm.AcceleratedPublication => finding.Accelerated is { PublishedOn: null },
        ActionForm.Revision or ActionForm.Withdrawal => finding.Accelerated is not { PublishedOn: not null },
        ActionForm.FollowUp => finding.Content.Kind is FindingKind.AreaForImprovement or FindingKind.CauseOfConcern,
        ActionForm.AcceleratedFollowUp => finding.Accelerated is { PublishedOn: not null },
        _ => true,
    };

    /// <summary>Offered for this pillar as its grade stands: proposed until awarded, each proposal moderated once, awarded once moderated (the API's rules).</summary>
    public bool OfferedFor(PillarView pillar) => Form switch
    {
        ActionForm.PillarProposal => pillar.Awarded is null,
        ActionForm.PillarModeration => pillar is { Proposed: not null, Moderated: null, Awarded: null },
        ActionForm.PillarAward => pillar is { Moderated: not null, Awarded: null },
        ActionForm.PillarRedaction => pillar.Proposed is not null || pillar.Summary is not null,
        _ => true,
    };

    /// <summary>A form too long for the inspection page's list of every question: offered on the question's own page only.</summary>
    public bool QuestionPageOnly => ItemField is not null || Form is ActionForm.Evidence or ActionForm.Finding or ActionForm.Summary or ActionForm.Dispute
        or ActionForm.QuestionRedaction or ActionForm.Holder or ActionForm.LineOfEnquiry or ActionForm.EnquiryConclusion or ActionForm.EnquiryRevision;

    /// <summary>Offered on this record, for this question (null for an inspection's action).</summary>
    public bool OfferedOn(InspectionView inspection, QuestionStage? question) => While(inspection) && OfferedAt(inspection.Stage, question);

    public bool OfferedAt(InspectionStage inspection, QuestionStage? question) =>
        ForQuestion ? question is { } q && QuestionStages.Contains(q) && (InspectionStages.Length == 0 || InspectionStages.Contains(inspection))
                    : InspectionStages.Contains(inspection);

    // The report's words are fixed, and the HMI signs, once only; the check opens after it (PublicSummaries.TextFixed, the API's rules).
    internal static bool NotSignedOff(InspectionView inspection) => inspection.SignedOff is null;
}

public static class ConsoleActions
{
    private static readonly InspectionStage[] Any = [];
    private static readonly InspectionStage[] Unpublished = System.Enum.GetValues<InspectionStage>().Where(s => s != InspectionStage.Published).ToArray();
    private static readonly InspectionStage[] PillarStages = [InspectionStage.Reporting, InspectionStage.Moderation, InspectionStage.SignOff];
    // A pillar is graded in reporting and moderation (PillarRules); its summary may still be written at sign-off.
    private static readonly InspectionStage[] PillarGrading = [InspectionStage.Reporting, InspectionStage.Moderation];

    public static readonly IReadOnlyList<ConsoleAction> All =
    [
        // Planning: whether each question is inspected in detail, carried over, or (where the framework grades none) ungraded.
        new("ScopeQuestion", "Scope the question", ActionForm.Scope, [QuestionStage.Scoping, QuestionStage.Fieldwork],
            [InspectionStage.Planning, InspectionStage.Fieldwork], f => new ScopeQuestion(Enum<QuestionScope>(f, "scope"), Text(f, "reason"), Long(f, "expectedVersion"))),
        // Key lines of enquiry steer fieldwork: set by the lead inspector, concluded by the team before the findings go to QA.
        new("SetLineOfEnquiry", "Set a line of enquiry", ActionForm.LineOfEnquiry, [QuestionStage.Scoping, QuestionStage.Fieldwork, QuestionStage.Drafting],
            [InspectionStage.Planning, InspectionStage.Fieldwork], f => new SetLineOfEnquiry(Text(f, "enquiry"), Enum<EnquiryBasis>(f, "basis"), Long(f, "expectedVersion"))),
        new("ReviseLineOfEnquiry", "Correct a line of enquiry", ActionForm.EnquiryRevision, [QuestionStage.Scoping, QuestionStage.Fieldwork, QuestionStage.Drafting],
            [InspectionStage.Planning, InspectionStage.Fieldwork], f => new ReviseLineOfEnquiry(Text(f, "enquiry"), Enum<EnquiryBasis>(f, "basis"), Text(f, "reason"),
                Long(f, "expectedVersion"))),
        new("ConcludeLineOfEnquiry", "Conclude a line of enquiry", ActionForm.EnquiryConclusion,
            [QuestionStage.Scoping, QuestionStage.Fieldwork, QuestionStage.Drafting, QuestionStage.CarriedOver],
            Any, f => new ConcludeLineOfEnquiry(Enum<EnquiryOutcome>(f, "outcome"), Text(f, "conclusion"), Long(f, "expectedVersion"), Guids(f, "evidenceIds"))),
        new("RecordEvidence", "Record evidence", ActionForm.Evidence, [QuestionStage.Fieldwork], [InspectionStage.Fieldwork], f =>
            new RecordEvidence(Guid(f, "evidenceId"), Enum<EvidenceMethod>(f, "method"), Int(f, "sampleSize"), Date(f, "collectedOn"),
                Text(f, "summary"), Text(f, "source"), Codes(f, "questionCodes"), f["sensitive"] == "true")),
        // Evidence is corrected while it may still be recorded (EvidenceRules.CheckAgainst); the earlier version is kept.
        new("AmendEvidence", "Amend the evidence", ActionForm.Amendment, System.Enum.GetValues<QuestionStage>(),
            [InspectionStage.Planning, InspectionStage.Fieldwork, InspectionStage.Reporting], f =>
            new AmendEvidence(Enum<EvidenceMethod>(f, "method"), Int(f, "sampleSize"), Date(f, "collectedOn"), Text(f, "summary"), Text(f, "source"),
                Codes(f, "questionCodes"), f["sensitive"] == "true", Text(f, "reason"), Long(f, "expectedVersion"))),
        new("DraftFinding", "Draft a finding", ActionForm.Finding, [QuestionStage.Fieldwork, QuestionStage.Drafting], Any, f =>
            new DraftFinding(Guid(f, "findingId"), Text(f, "questionCode"), Text(f, "heading"), Enum<FindingKind>(f, "kind"), Text(f, "text"),
                Guids(f, "citedEvidenceIds"), Recommendations(f))),
        // The whole content is sent again, recommendations included (each row as it stands or as edited).
        new("ReviseFinding", "Revise the finding", ActionForm.Revision, [QuestionStage.Fieldwork, QuestionStage.Drafting], Any, f =>
            new ReviseFinding(Text(f, "heading"), Enum<FindingKind>(f, "kind"), Text(f, "text"), Guids(f, "citedEvidenceIds"),
                Recommendations(f), Text(f, "reason"), Long(f, "expectedVersion"))),
        new("WithdrawFinding", "Withdraw the finding", ActionForm.Withdrawal, [QuestionStage.Fieldwork, QuestionStage.Drafting], Any, f =>
            new WithdrawFinding(Text(f, "reason"), Long(f, "expectedVersion"))),
        // QA waits for every line of enquiry to be concluded (LinesOfEnquiry.StillOpen); the question page says so meanwhile.
        new("SubmitFindingsForQa", "Submit findings for QA", ActionForm.Confirm, [QuestionStage.Drafting], Any, f => new InspectionStep(Long(f, "expectedVersion")))
            { WhileQuestion = q => q.LinesOfEnquiry?.Any(l => l.Open) != true },
        new("ReviewFindings", "Review the findings", ActionForm.QaReview, [QuestionStage.QaReview], Any, f =>
            new ReviewFindings(Enum<QaOutcome>(f, "outcome"), Text(f, "comments"), Long(f, "expectedVersion"))) { OutsideTeam = OutsideTheTeam.QaReview },
        new("ProposeGrade", "Propose a grade", ActionForm.Proposal, [QuestionStage.AwaitingGrade], Any, f =>
            new ProposeGrade(Enum<Grade>(f, "grade"), Text(f, "rationale"), Guids(f, "citedFindingIds"), Long(f, "expectedVersion"))),
        new("CarryOverJudgment", "Carry over the earlier judgment", ActionForm.CarryOver, [QuestionStage.Scoping, QuestionStage.AwaitingGrade], Any, f =>
            new CarryOverByHand(Text(f, "from"), Long(f, "expectedVersion"))),
        // The team holds that the earlier judgment no longer stands; the moderator then chooses between the two.
        new("DisputeCarriedOverJudgment", "Dispute the carried-over judgment", ActionForm.Dispute, [QuestionStage.CarriedOver],
            [InspectionStage.Planning, InspectionStage.Fieldwork, InspectionStage.Reporting, InspectionStage.Moderation], f =>
            new DisputeCarriedOverJudgment(Enum<Grade>(f, "intendedGrade"), Text(f, "reason"), Long(f, "expectedVersion"))),
        // Who holds the question at its stage: taken by someone whose role does the work, or handed on by the lead inspector.
        new("HandQuestion", "Take or hand on the question", ActionForm.Holder,
            [QuestionStage.Fieldwork, QuestionStage.Drafting, QuestionStage.QaReview, QuestionStage.AwaitingGrade, QuestionStage.Moderation, QuestionStage.AwaitingAward],
            Any, f => new HandQuestion(Text(f, "holder"), Long(f, "expectedVersion"))),
        new("ModerateGrade", "Moderate the grade", ActionForm.Moderation, [QuestionStage.Moderation], Any, f =>
            new ModerateGrade(Enum<Grade>(f, "grade"), Text(f, "reason"), Long(f, "expectedVersion"))) { OutsideTeam = OutsideTheTeam.Moderation },
        new("AwardGrade", "Award the grade", ActionForm.Confirm, [QuestionStage.AwaitingAward], Any, f => new InspectionStep(Long(f, "expectedVersion")))
            { OutsideTeam = OutsideTheTeam.Award },
        // The report's own words, rewritten until the HMI signs off (the API refuses after that).
        new("WriteQuestionSummary", "Write the public summary", ActionForm.Summary,
            [QuestionStage.Drafting, QuestionStage.QaReview, QuestionStage.AwaitingGrade, QuestionStage.Moderation, QuestionStage.AwaitingAward, QuestionStage.Awarded, QuestionStage.Ungraded],
            [InspectionStage.Fieldwork, InspectionStage.Reporting, InspectionStage.Moderation, InspectionStage.SignOff], f =>
            new WriteQuestionSummary(Text(f, "summary"), Long(f, "expectedVersion"))) { While = ConsoleAction.NotSignedOff },
        new("WriteHmiObservations", "Write HM Inspector’s observations", ActionForm.Observations, [],
            [InspectionStage.Reporting, InspectionStage.Moderation, InspectionStage.SignOff], f =>
            new WriteHmiObservations(Text(f, "observations"), Long(f, "expectedVersion"))) { While = ConsoleAction.NotSignedOff },
        // A pillar's grade (frameworks published by pillar): proposed once its graded questions are settled, moderated, then awarded.
        new("ProposePillarGrade", "Propose the pillar grade", ActionForm.PillarProposal, [], PillarGrading, f =>
            new ProposePillarGrade(Enum<Grade>(f, "grade"), Text(f, "rationale"), Long(f, "expectedVersion"))) { While = ConsoleAction.NotSignedOff },
        new("ModeratePillarGrade", "Moderate the pillar grade", ActionForm.PillarModeration, [], PillarGrading, f =>
            new ModerateGrade(Enum<Grade>(f, "grade"), Text(f, "reason"), Long(f, "expectedVersion")))
            { While = ConsoleAction.NotSignedOff, OutsideTeam = OutsideTheTeam.Moderation },
        new("AwardPillarGrade", "Award the pillar grade", ActionForm.PillarAward, [], PillarGrading, f => new InspectionStep(Long(f, "expectedVersion")))
            { While = ConsoleAction.NotSignedOff, OutsideTeam = OutsideTheTeam.Award },
        new("WritePillarSummary", "Write the pillar summary", ActionForm.PillarSummary, [], PillarStages, f =>
            new WritePillarSummary(Text(f, "summary"), Long(f, "expectedVersion"))) { While = ConsoleAction.NotSignedOff },
        // A statement the draft checks flag, judged not to be an error; sign-off waits for each flag to be corrected or dismissed.
        new("DismissDraftFlag", "Dismiss the flag", ActionForm.FlagDismissal, [],
            [InspectionStage.Fieldwork, InspectionStage.Reporting, InspectionStage.Moderation, InspectionStage.SignOff], f =>
            new DismissDraftFlag(Text(f, "reason"), Long(f, "expectedVersion"))) { While = ConsoleAction.NotSignedOff },
        // Recommendations are followed up once the report is published (the finding's card on the question page).
        new("ChangeRecommendationStatus", "Change a recommendation’s status", ActionForm.RecommendationStatus, System.Enum.GetValues<QuestionStage>(),
            [InspectionStage.Published], f =>
            new ChangeRecommendationStatus(Enum<RecommendationStatus>(f, "status"), Text(f, "note"), Date(f, "effectiveOn"), Long(f, "expectedVersion"))),
        // A cause of concern published ahead of the report: the lead raises it during fieldwork, the HMI publishes it.
        new("AccelerateCauseOfConcern", "Raise it for acceleration", ActionForm.Acceleration, System.Enum.GetValues<QuestionStage>(), [InspectionStage.Fieldwork], f =>
            new AccelerateCauseOfConcern(Text(f, "reason"), Long(f, "expectedVersion"))),
        new("PublishAcceleratedCauseOfConcern", "Publish the accelerated cause of concern", ActionForm.AcceleratedPublication, System.Enum.GetValues<QuestionStage>(),
            Unpublished, f => new PublishAcceleratedCauseOfConcern(Date(f, "publishedOn"), Long(f, "expectedVersion"))),
        // After publication: a dated status note on the finding or one of its recommendations.
        new("FollowUpFinding", "Record a follow-up", ActionForm.FollowUp, System.Enum.GetValues<QuestionStage>(), [InspectionStage.Published], f =>
            new FollowUpFinding(Int(f, "recommendationNumber"), Enum<FollowUpStatus>(f, "status"), Text(f, "note"), null, Date(f, "effectiveOn"), Long(f, "expectedVersion"))),
        // A cause of concern published ahead of the report is followed up from then (it is neither revised nor withdrawn).
        new("FollowUpAcceleratedConcern", "Record where it stands", ActionForm.AcceleratedFollowUp, System.Enum.GetValues<QuestionStage>(), Unpublished, f =>
            new FollowUpFinding(Int(f, "recommendationNumber"), Enum<FollowUpStatus>(f, "status"), Text(f, "note"), null, Date(f, "effectiveOn"), Long(f, "expectedVersion")))
            { ApiOperation = "FollowUpFinding" },
        // A later inspection looks at the force's earlier findings again while its own work is open: the follow-up names it.
        new("FollowUpEarlierFinding", "Record where it stands now", ActionForm.EarlierFollowUp, System.Enum.GetValues<QuestionStage>(),
            [InspectionStage.Fieldwork, InspectionStage.Reporting, InspectionStage.Moderation, InspectionStage.SignOff], f =>
            new FollowUpFinding(Int(f, "recommendationNumber"), Enum<FollowUpStatus>(f, "status"), Text(f, "note"), Guid(f, "recordedIn"), Date(f, "effectiveOn"),
                Long(f, "expectedVersion"))) { ApiOperation = "FollowUpFinding", While = ConsoleAction.NotSignedOff },
        // Personal data removed everywhere, stored history included (ADR on redaction): at any stage, by the lead or an administrator.
        new("RedactEvidence", "Remove personal data", ActionForm.EvidenceRedaction, System.Enum.GetValues<QuestionStage>(), Any, f =>
            new RedactEvidence(Text(f, "reason"), Long(f, "expectedVersion"))),
        new("RedactFinding", "Remove personal data", ActionForm.FindingRedaction, System.Enum.GetValues<QuestionStage>(), Any, f =>
            new RedactFinding(Text(f, "reason"), Long(f, "expectedVersion"))),
        // The question's own text in the inspection's record: QA comments, rationales, reasons, its summary. Grades stay.
        new("RedactQuestionText", "Remove personal data from the question’s text", ActionForm.QuestionRedaction, System.Enum.GetValues<QuestionStage>(), Any, f =>
            new RedactText(Text(f, "reason"), Long(f, "expectedVersion"))),
        // A pillar's own text: its grade's rationale, its moderation's reason, its summary. Grades stay.
        new("RedactPillarText", "Remove personal data from the pillar’s text", ActionForm.PillarRedaction, [], System.Enum.GetValues<InspectionStage>(), f =>
            new RedactText(Text(f, "reason"), Long(f, "expectedVersion"))),
        // Who holds the inspection at its own stage: the moderator seeing it through moderation, the HMI who signs it off.
        new("HandInspection", "Take or hand on the inspection", ActionForm.InspectionHolder, [], [InspectionStage.Moderation, InspectionStage.SignOff], f =>
            new HandInspection(Text(f, "holder"), Long(f, "expectedVersion"))) { While = ConsoleAction.NotSignedOff },
        new("StartFieldwork", "Start fieldwork", ActionForm.Confirm, [], [InspectionStage.Planning], f => new InspectionStep(Long(f, "expectedVersion"))),
        new("CompleteFieldwork", "Complete fieldwork", ActionForm.Confirm, [], [InspectionStage.Fieldwork], f => new InspectionStep(Long(f, "expectedVersion"))),
        new("SignOffInspection", "Sign off the inspection", ActionForm.Confirm, [], [InspectionStage.SignOff], f => new InspectionStep(Long(f, "expectedVersion")))
            { While = ConsoleAction.NotSignedOff },
        new("OpenFactualAccuracyCheck", "Open the factual accuracy check", ActionForm.Confirm, [], [InspectionStage.SignOff], f => new InspectionStep(Long(f, "expectedVersion")))
            { While = i => !ConsoleAction.NotSignedOff(i) },
        new("PublishReport", "Publish the report", ActionForm.Publication, [], [InspectionStage.FactualAccuracyCheck], f =>
            new PublishReport(Date(f, "publishedOn"), Long(f, "expectedVersion"))),
        // After publication: the police and crime commissioner's response, recorded again to correct it.
        new("RecordPccResponse", "Record the police and crime commissioner’s response", ActionForm.PccResponse, [], [InspectionStage.Published], f =>
            new RecordPccResponse(Date(f, "publishedOn"), Text(f, "url"), Long(f, "expectedVersion"))),
        // A force moved between Scan and Engage by an HMI, on the force's page (no inspection stage offers it).
        // A new inspection: the force and framework chosen first, then its questions, dates and team (ScheduleScreen).
        new("ScheduleInspection", "Schedule the inspection", ActionForm.Schedule, [], [], f =>
            new ScheduleInspection(Guid(f, "inspectionId"), Text(f, "forceId"), Text(f, "cycle"), Text(f, "frameworkId"), Codes(f, "questionCodes"),
                Text(f, "leadInspector"), Date(f, "fieldworkStarts"), Date(f, "fieldworkEnds"), Names(f, "team"), Int(f, "frameworkVersion"))),
        new("ChangeMonitoringStage", "Move the force", ActionForm.Monitoring, [], [], f =>
            new PeelCases.Monitoring.ChangeMonitoringStage(Enum<PeelCases.Monitoring.MonitoringStage>(f, "stage"), Text(f, "reason"), Guids(f, "causesOfConcern"),
                Date(f, "improvementPlanDue"), Long(f, "expectedVersion"))),
        // The improvement plan a force in Engage sent, recorded by an HMI on the force's page.
        new("RecordImprovementPlan", "Record the improvement plan", ActionForm.ImprovementPlan, [], [], f =>
            new PeelCases.Monitoring.RecordImprovementPlan(Date(f, "receivedOn"), Text(f, "summary"), Text(f, "reference"), Long(f, "expectedVersion"))),
        new("RedactMonitoring", "Remove personal data from the monitoring record", ActionForm.MonitoringRedaction, [], [], f =>
            new RedactText(Text(f, "reason"), Long(f, "expectedVersion"))),
        // Who works on the inspection and when it is published with others: until it is published.
        new("ChangeTeam", "Change the team", ActionForm.Team, [], Unpublished, f => new ChangeTeam(Names(f, "join"), Names(f, "leave"), Long(f, "expectedVersion"))),
        new("AssignTranche", "Assign the tranche", ActionForm.Tranche, [], Unpublished, f =>
            new AssignTranche(Text(f, "tranche"), Text(f, "publicationBatch"), Long(f, "expectedVersion"))),
    ];

    public static ConsoleAction? Find(string operation) => All.FirstOrDefault(a => a.Operation == operation);

    // A value that does not parse is sent as missing: the API's own validation names the field.
    internal static string? Text(IFormCollection f, string name) => f[name].ToString() is { Length: > 0 } s ? s : null;
    internal static long? Long(IFormCollection f, string name) => long.TryParse(f[name], out var v) ? v : null;
    private static int? Int(IFormCollection f, string name) => int.TryParse(f[name], out var v) ? v : null;
    /// <summary>What was typed into a refused form (not its anti-forgery token), to give back to the same form.</summary>
    internal static Dictionary<string, string> Typed(IFormCollection f) =>
        f.Keys.Where(k => k != "__RequestVerificationToken").ToDictionary(k => k, k => f[k].ToString());
    // User names typed into one field, separated by commas, spaces or lines; none is sent as none.
    private static List<string>? Names(IFormCollection f, string name) =>
        f[name].ToString().Split([',', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } names ? [.. names] : null;
    // Codes ticked in a group of boxes; none ticked is sent as none, for the API to refuse.
    private static List<string> Codes(IFormCollection f, string name) => f[name].Where(c => !string.IsNullOrEmpty(c)).Select(c => c!).ToList();
    internal static Guid? Guid(IFormCollection f, string name) => System.Guid.TryParse(f[name], out var v) ? v : null;
    private static List<Guid> Guids(IFormCollection f, string name) => f[name].Select(v => System.Guid.TryParse(v, out var g) ? g : System.Guid.Empty).ToList();

    /// <summary>A recommendation row's field (<c>recommendations[0].text</c>): named as the API names it, so its refusal links here.</summary>
    public static string RecommendationField(int row, string part) => $"recommendations[{row}].{part}";

    // Each row with text or a deadline, in order; an empty row is left out. A deadline's date and months go as typed: the
    // API says which its kind needs. None at all is sent as none, which the API refuses for a cause of concern.
    private static List<RecommendationInput>? Recommendations(IFormCollection f)
    {
        var rows = SentRows(f)
            .Select(row => new RecommendationInput(Text(f, RecommendationField(row, "text")), Enum<DeadlineKind>(f, RecommendationField(row, "deadline")) is { } kind
                ? new RecommendationDeadline(kind, Date(f, RecommendationField(row, "date")), Int(f, RecommendationField(row, "months")))
                : null))
            .ToList();
        return rows.Count > 0 ? rows : null;
    }

    private static List<int> SentRows(IFormCollection f) => Enumerable.Range(0, FindingRules.MaxRecommendations)
        .Where(i => Text(f, RecommendationField(i, "text")) is not null || Enum<DeadlineKind>(f, RecommendationField(i, "deadline")) is not null)
        .ToList();

    /// <summary>
    /// The form's own name for a field the API named. The API numbers the recommendations it was sent and an empty row is
    /// left out, so its <c>recommendations[1]</c> is the second row typed into, which need not be the form's second row.
    /// Another list's item (<c>join[0]</c>) is its one field (<c>join</c>).
    /// </summary>
    public static string AsTyped(IFormCollection f, string field)
    {
        const string prefix = "recommendations[";
        var end = field.IndexOf(']');
        // Any other list (the names joining the team, the evidence cited) is one field on the form: its item links to it.
        if (!field.StartsWith(prefix, StringComparison.Ordinal))
            return field.IndexOf('[') is > 0 and var start && end == field.Length - 1 ? field[..start] : field;
        if (end < 0 || !int.TryParse(field.AsSpan(prefix.Length, end - prefix.Length), out var sent))
            return field;
        var rows = SentRows(f);
        return sent < rows.Count ? $"recommendations[{rows[sent]}]{field[(end + 1)..]}" : field;
    }

    // As labelled (2026-04-03), or as a British user writes it (3/4/2026 is 3 April); never the invariant culture's month first.
    private static DateOnly? Date(IFormCollection f, string name) =>
        DateOnly.TryParseExact(f[name].ToString().Trim(), ["yyyy-MM-dd", "d/M/yyyy"], System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var v) ? v : null;
    // By name only: a number is not a grade (the API's JSON refuses integers for enums too).
    private static T? Enum<T>(IFormCollection f, string name) where T : struct, System.Enum =>
        System.Enum.GetNames<T>().Contains(f[name].ToString()) ? System.Enum.Parse<T>(f[name].ToString()) : null;
}
