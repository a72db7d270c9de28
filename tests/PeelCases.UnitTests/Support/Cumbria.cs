using PeelCases.Demo;
using PeelCases.Fieldwork;
using PeelCases.Findings;
using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.Moderation;
using PeelCases.ReferenceData;
using PeelCases.Workflow;

namespace PeelCases.UnitTests.Support;

/// <summary>
/// Cumbria Constabulary's PEEL 2018/19 effectiveness inspection, as the published report tells
/// it: E1, E2 and E4 not inspected in detail (their 2016 and 2017 judgments carried over), E3
/// (protecting vulnerable people) inspected in detail and graded Good, E5 (specialist
/// capabilities) ungraded; the effectiveness pillar Good. Each property is the stream up to a
/// point in that story; <see cref="HistoryExtensions.Then"/> adds what a test needs next.
/// </summary>
public static class Cumbria
{
    public static readonly Force Force = Forces.All.Single(f => f.Id == "cumbria");
    public static readonly AssessmentFramework Framework = Frameworks.Peel2018;
    public const string Effectiveness = "effectiveness";

    public static readonly InspectionHistory Inspection2016 =
        new(DemoData.Cumbria2016, Force, Frameworks.Peel2016, new DateOnly(2016, 9, 12), new DateOnly(2016, 9, 23)) { Questions = ["E1"] };

    public static readonly InspectionHistory Inspection2017 =
        new(DemoData.Cumbria2017, Force, Frameworks.Peel2017, new DateOnly(2017, 9, 12), new DateOnly(2017, 9, 23)) { Questions = ["E1", "E2", "E3", "E4"] };

    public static readonly InspectionHistory Inspection =
        new(DemoData.Cumbria2018, Force, Framework, new DateOnly(2018, 10, 8), new DateOnly(2018, 10, 19))
        {
            Questions = ["E1", "E2", "E3", "E4", "E5"],
            DetailedQuestion = "E3",
        };

    // Evidence and findings of the 2018/19 inspection (fixed ids, as in the demo data).
    public static readonly Guid IncidentLogs = new("c0b1a000-2018-4019-8000-00000000e001");
    public static readonly Guid FirearmsStrategy = new("c0b1a000-2018-4019-8000-00000000e007");
    public static readonly Guid HelpDeskFinding = new("c0b1a000-2018-4019-8000-00000000f001");
    public static readonly Guid FirearmsFinding = new("c0b1a000-2018-4019-8000-00000000f002");

    /// <summary>The judgments carried over into 2018/19: E1 from 2016, E2 and E4 from 2017, each Good.</summary>
    public static readonly Grade Earlier = Grade.Good;

    public static object[] Scheduled => [Inspection.Scheduled()];

    /// <summary>Every question scoped; the workflow carried E1, E2 and E4 over.</summary>
    public static object[] Planned => Scheduled.Then(
        Inspection.Scoped("E1", QuestionScope.CarryOver),
        Inspection.CarriedOver("E1", Inspection2016.Reference("E1", Earlier)),
        Inspection.Scoped("E2", QuestionScope.CarryOver),
        Inspection.CarriedOver("E2", Inspection2017.Reference("E2", Earlier)),
        Inspection.Scoped("E4", QuestionScope.CarryOver),
        Inspection.CarriedOver("E4", Inspection2017.Reference("E4", Earlier)),
        Inspection.Scoped("E3", QuestionScope.Detailed),
        Inspection.Scoped("E5", QuestionScope.Ungraded));

    public static object[] InFieldwork => Planned.Then(Inspection.FieldworkStarted());

    /// <summary>Fieldwork complete: E3 and E5 are drafting their findings.</summary>
    public static object[] InReporting => InFieldwork.Then(Inspection.FieldworkCompleted());

    public static object[] E3InQaReview => InReporting.Then(Inspection.SubmittedForQa("E3", 2));

    /// <summary>QA accepted E3's and E5's findings: E3 awaits a proposed grade, E5 is final (ungraded).</summary>
    public static object[] AwaitingGrade => InReporting.Then(
        Inspection.SubmittedForQa("E3", 2), Inspection.SubmittedForQa("E5"),
        Inspection.AcceptedByQa("E3", "Well evidenced."), Inspection.AcceptedByQa("E5"));

    /// <summary>Good proposed for E3; the workflow has not yet put it in the moderation queue.</summary>
    public static object[] E3Proposed => AwaitingGrade.Then(Inspection.GradeProposed("E3", Grade.Good, HelpDeskFinding));

    /// <summary>E3's proposal in the moderation queue, so every question is moderated or beyond: the inspection is in moderation.</summary>
    public static object[] InModeration => E3Proposed.Then(
        Inspection.GradeEnteredModeration("E3", Grade.Good), Inspection.InspectionEnteredModeration());

    public static object[] AwaitingAward => InModeration.Then(Inspection.GradeModerated("E3", Grade.Good, Grade.Good));

    /// <summary>Every question settled; the effectiveness pillar still to grade.</summary>
    public static object[] QuestionsSettled => AwaitingAward.Then(Inspection.GradeAwarded("E3", Grade.Good));

    public static object[] PillarProposed => QuestionsSettled.Then(Inspection.PillarGradeProposed(Effectiveness, Grade.Good));

    public const string PillarModerationReason = "Consistent with the other forces of the tranche.";

    /// <summary>The pillar's proposed grade confirmed by the moderator (with a note): the HMI can award it.</summary>
    public static object[] PillarModerated => PillarProposed.Then(Inspection.PillarGradeModerated(Effectiveness, Grade.Good, Grade.Good, PillarModerationReason));

    /// <summary>Every grade awarded and the public summaries written: the HMI can sign off.</summary>
    public static object[] ReadyForSignOff => Summarised(PillarModerated.Then(
        Inspection.PillarGradeAwarded(Effectiveness, Grade.Good), Inspection.ReadyForSignOff()));

    /// <summary>The public summaries the report prints: E3's, E5's and the pillar's.</summary>
    public static object[] Summarised(object[] history) => history.Then(
        Inspection.SummaryWritten("E3", "Cumbria Constabulary is good at protecting vulnerable people."),
        Inspection.SummaryWritten("E5", "Cumbria Constabulary understands the armed threat it faces."),
        Inspection.PillarSummaryWritten(Effectiveness, "Cumbria Constabulary is good at reducing crime and keeping people safe."));

    public static object[] SignedOff => ReadyForSignOff.Then(Inspection.SignedOff());

    public static object[] CheckOpen => SignedOff.Then(Inspection.CheckOpened());

    public static object[] CheckClosed => CheckOpen.Then(Inspection.CheckClosed());

    public static object[] Published => CheckClosed.Then(Inspection.Published());

    // The other streams.

    public static EvidenceRecorded IncidentLogsRecorded => Inspection.EvidenceRecorded(IncidentLogs, "E3");

    public static EvidenceRecorded FirearmsStrategyRecorded => Inspection.EvidenceRecorded(FirearmsStrategy, "E5");

    public static FindingDrafted HelpDeskDrafted => Inspection.FindingDrafted(HelpDeskFinding, "E3", Inspection.Strength(IncidentLogs));

    public static FindingDrafted FirearmsDrafted => Inspection.FindingDrafted(FirearmsFinding, "E5", Inspection.Strength(FirearmsStrategy));

    /// <summary>Cumbria's earlier inspections as stored, to find judgments to carry over.</summary>
    public static object[] Published2016 => EarlierInspection(Inspection2016, [], ["E1"]);

    public static object[] Published2017 => EarlierInspection(Inspection2017, ["E1"], ["E2", "E3", "E4"]);

    /// <summary>
    /// A published effectiveness inspection: some questions carried over (from the 2016 award), the others inspected
    /// and awarded <paramref name="grade"/> (Good unless told), as the service writes it.
    /// </summary>
    public static object[] EarlierInspection(InspectionHistory h, string[] carried, string[] inspected, Grade grade = Grade.Good)
    {
        var events = new List<object> { h.Scheduled() };
        foreach (var q in carried)
        {
            events.Add(h.Scoped(q, QuestionScope.CarryOver));
            events.Add(h.CarriedOver(q, Inspection2016.Reference(q, Earlier)));
        }
        foreach (var q in inspected) events.Add(h.Scoped(q, QuestionScope.Detailed));
        events.Add(h.FieldworkStarted());
        events.Add(h.FieldworkCompleted());
        foreach (var q in inspected) events.AddRange([h.SubmittedForQa(q), h.AcceptedByQa(q)]);
        foreach (var q in inspected) events.Add(h.GradeProposed(q, grade));
        foreach (var q in inspected) events.Add(h.GradeEnteredModeration(q, grade));
        events.Add(h.InspectionEnteredModeration());
        foreach (var q in inspected) events.AddRange([h.GradeModerated(q, grade, grade), h.GradeAwarded(q, grade)]);
        events.AddRange([h.PillarGradeProposed(Effectiveness, grade), h.PillarGradeModerated(Effectiveness, grade, grade), h.PillarGradeAwarded(Effectiveness, grade),
            h.ReadyForSignOff()]);
        events.AddRange([h.SignedOff(), h.CheckOpened(), h.CheckClosed(), h.Published()]);
        return events.ToArray();
    }
}

/// <summary>Kent's PEEL 2021/22 inspection: no pillars, a five-point scale, Q3, Q4 and Q6 inspected in detail.</summary>
public static class Kent
{
    public static readonly Force Force = Forces.All.Single(f => f.Id == "kent");
    public static readonly AssessmentFramework Framework = Frameworks.Peel2021;

    public static readonly InspectionHistory Inspection =
        new(DemoData.Kent2021, Force, Framework, new DateOnly(2021, 11, 1), new DateOnly(2021, 11, 12))
        {
            Questions = ["Q3", "Q4", "Q6"],
            DetailedQuestion = "Q4",
        };

    public static object[] Planned => [
        Inspection.Scheduled(),
        Inspection.Scoped("Q3", QuestionScope.Detailed),
        Inspection.Scoped("Q4", QuestionScope.Detailed),
        Inspection.Scoped("Q6", QuestionScope.Detailed)];

    public static object[] InReporting => Planned.Then(Inspection.FieldworkStarted(), Inspection.FieldworkCompleted());

    /// <summary>Q4's findings accepted by QA.</summary>
    public static object[] Q4AwaitingGrade => InReporting.Then(Inspection.SubmittedForQa("Q4"), Inspection.AcceptedByQa("Q4"));

    /// <summary>Adequate proposed for Q4 and in moderation.</summary>
    public static object[] Q4InModeration => Q4AwaitingGrade.Then(
        Inspection.GradeProposed("Q4", Grade.Adequate), Inspection.GradeEnteredModeration("Q4", Grade.Adequate));
}

/// <summary>A point in the Cumbria story by name, for theories: <c>[InlineData("InReporting")]</c>.</summary>
public static class Stories
{
    public static object[] Of(string name) =>
        (object[])(typeof(Cumbria).GetProperty(name)?.GetValue(null) ?? throw new ArgumentException($"Cumbria has no story '{name}'."));
}
