using PeelCases.FactualAccuracy;
using PeelCases.Fieldwork;
using PeelCases.Findings;
using PeelCases.Grading;
using PeelCases.HmiSignOff;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.Lifecycle;
using PeelCases.Moderation;
using PeelCases.Publishing;
using PeelCases.QualityAssurance;
using PeelCases.ReferenceData;
using PeelCases.Workflow;

namespace PeelCases.Import;

/// <summary>An inspection of the published record that the decision functions turned down, and why.</summary>
public sealed class ImportRefused(string reason) : Exception(reason);

/// <summary>What a built inspection comes to: its streams' events in the order they happened, and the documents they fold to.</summary>
public sealed record BuiltInspection(
    Inspection Inspection, IReadOnlyList<(Guid Stream, Type Aggregate, object Event)> Events,
    IReadOnlyList<Evidence> Evidence, IReadOnlyList<Finding> Findings);

/// <summary>
/// Builds one inspection of the published record in memory, step by step through the same pure
/// decision functions the API's endpoints and the workflow use, with the business dates the record
/// gives (a grade awarded on its real date). A refusal anywhere turns the whole inspection down.
/// </summary>
public sealed class InspectionBuilder
{
    private readonly AssessmentFramework _framework;
    private readonly string _actor;
    private readonly List<(Guid, Type, object)> _events = [];
    private readonly Dictionary<Guid, Evidence> _evidence = [];
    private readonly Dictionary<Guid, Finding> _findings = [];
    private Inspection _inspection = null!;

    private InspectionBuilder(AssessmentFramework framework, string actor) => (_framework, _actor) = (framework, actor);

    /// <summary>The business times of the steps between the dates a record gives.</summary>
    private static DateTimeOffset At(DateOnly day, int hour = 10) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    public static BuiltInspection Build(PublishedInspection p, Guid id, Force force, AssessmentFramework framework,
        IReadOnlyList<Inspection> earlier, IReadOnlyDictionary<string, AssessmentFramework> frameworks, string actor)
    {
        var b = new InspectionBuilder(framework, actor);
        var starts = p.FieldworkStarts!.Value;
        var ends = p.FieldworkEnds!.Value;
        var questions = p.Questions!;
        var sameCycle = earlier.Where(i => i.ForceId == force.Id && i.Cycle == framework.Cycle).ToList();

        b.Start(ScheduleInspectionRules.Decide(new ScheduleInspection(id, force.Id, framework.Cycle, framework.Id, questions.Select(q => q.Code!).ToList(),
            actor, starts, ends, [], framework.Version), force, framework, sameCycle, id, actor, At(starts.AddDays(-90))));

        foreach (var q in questions)
        {
            b.Step(i => ScopeQuestionRules.Decide(i, framework, q.Code!, new ScopeQuestion(q.Scope, "As published.", i.Version), actor, At(starts.AddDays(-60))));
            if (q.Scope != QuestionScope.CarryOver) continue;
            var defined = framework.FindQuestion(q.Code!)!;
            var lookup = EarlierJudgments.Resolve(b._inspection, defined, earlier, frameworks, force.Name, q.CarriedFrom?.Trim());
            b.Step(i => CarryOverJudgmentRules.Decide(i, framework, q.Code!, _ => lookup, actor, At(starts.AddDays(-60), 11)), $"question {q.Code}");
        }
        b.Step(i => FieldworkRules.Start(i, actor, At(starts, 8)));

        var inspected = questions.Where(q => q.Scope != QuestionScope.CarryOver).ToList();
        var findingIds = new Dictionary<string, List<Guid>>();
        if (inspected.Count > 0)
        {
            // The published report is the evidence the imported findings rest on.
            var report = ImportIds.Of(id, ImportedIds.PublishedReport);
            b.StartRecord<EvidenceProjection, Evidence, EvidenceRecorded>(report, i => RecordEvidenceRules.Decide(i, new RecordEvidence(report,
                EvidenceMethod.DocumentReview, null, ends, ImportedIds.PublishedReportSummary, p.Source ?? "The published report",
                inspected.Select(q => q.Code!).ToList()), actor, At(ends, 12)));
            var n = 100;
            foreach (var q in inspected)
            {
                if (q.Findings is not { Count: > 0 }) throw new ImportRefused($"Question {q.Code} is inspected but the record gives no findings for it.");
                findingIds[q.Code!] = [];
                foreach (var f in q.Findings)
                {
                    var findingId = ImportIds.Of(id, ++n);
                    findingIds[q.Code!].Add(findingId);
                    b.StartRecord<FindingProjection, Finding, FindingDrafted>(findingId, i => DraftFindingRules.Decide(i,
                        new DraftFinding(findingId, q.Code, f.Heading, f.Kind, f.Text, [report], f.Recommendations), [b._evidence[report]], actor, At(ends, 13)));
                }
            }
        }
        b.Step(i => FieldworkRules.Complete(i, actor, At(ends, 17)));

        var defaultAward = p.PublishedOn?.AddDays(-45) ?? ends.AddDays(60);
        foreach (var q in inspected)
        {
            b.Step(i => SubmitForQaRules.Decide(i, q.Code!, findingIds[q.Code!].Count, actor, At(ends.AddDays(3))), $"question {q.Code}");
            b.Step(i => ReviewFindingsRules.Decide(i, q.Code!, new ReviewFindings(QaOutcome.Accept, null, i.Version), actor, At(ends.AddDays(5))), $"question {q.Code}");
            if (framework.FindQuestion(q.Code!) is not { Graded: true } || q.Scope != QuestionScope.Detailed) continue;
            if (q.Grade is not { } grade) throw new ImportRefused($"Question {q.Code} was inspected in detail but the record gives no grade.");
            var awarded = q.AwardedOn ?? defaultAward;
            if (awarded < ends || (p.PublishedOn is { } published && awarded > published))
                throw new ImportRefused($"Question {q.Code} is dated {awarded:yyyy-MM-dd}: a grade is awarded after fieldwork ends ({ends:yyyy-MM-dd}) and by publication.");
            b.Step(i => ProposeGradeRules.Decide(i, framework, q.Code!, new ProposeGrade(grade, "Imported: the grade as published.", findingIds[q.Code!], i.Version),
                b._findings.Values.ToList(), actor, At(awarded.AddDays(-14))), $"question {q.Code}", then: (i, proposed) => ProposeGradeRules.EnterModeration(i, proposed));
            b.Step(i => ModerateGradeRules.Decide(i, framework, q.Code!, new ModerateGrade(grade, null, i.Version), actor, At(awarded.AddDays(-7))), $"question {q.Code}");
            b.Step(i => AwardGradeRules.Decide(i, framework, q.Code!, actor, At(awarded)), $"question {q.Code}");
        }
        foreach (var q in questions.Where(q => !string.IsNullOrWhiteSpace(q.Summary)))
            b.Step(i => WriteQuestionSummaryRules.Decide(i, q.Code!, new WriteQuestionSummary(q.Summary, i.Version), actor, At(defaultAward)), $"question {q.Code}");
        foreach (var pillar in p.Pillars ?? [])
        {
            var awarded = pillar.AwardedOn ?? defaultAward.AddDays(7);
            b.Step(i => ProposePillarGradeRules.Decide(i, framework, pillar.Code!, new ProposePillarGrade(pillar.Grade, "Imported: the grade as published.", i.Version),
                actor, At(awarded.AddDays(-2))), $"pillar {pillar.Code}");
            b.Step(i => ModeratePillarGradeRules.Decide(i, framework, pillar.Code!, new ModerateGrade(pillar.Grade, null, i.Version), actor, At(awarded.AddDays(-1))),
                $"pillar {pillar.Code}");
            b.Step(i => AwardPillarGradeRules.Decide(i, framework, pillar.Code!, actor, At(awarded)), $"pillar {pillar.Code}");
            if (!string.IsNullOrWhiteSpace(pillar.Summary))
                b.Step(i => WritePillarSummaryRules.Decide(i, framework, pillar.Code!, new WritePillarSummary(pillar.Summary, i.Version), actor, At(awarded)), $"pillar {pillar.Code}");
        }
        if (!string.IsNullOrWhiteSpace(p.HmiObservations))
            b.Step(i => WriteHmiObservationsRules.Decide(i, framework, new WriteHmiObservations(p.HmiObservations, i.Version), actor, At(defaultAward.AddDays(7))), "HM Inspector’s observations");
        if (p.PublishedOn is { } on)
        {
            b.Step(i => SignOffRules.Decide(i, framework, actor, At(on.AddDays(-40))));
            b.Step(i => OpenFactualAccuracyCheckRules.Decide(i, new FactualAccuracyOptions().WorkingDays, actor, At(on.AddDays(-38))));
            b.Step(i => new Decision<FactualAccuracyCheckClosed>(new FactualAccuracyCheckClosed(i.Id, 0, i.FactualAccuracy!.Deadline), null));
            b.Step(i => PublishReportRules.Decide(i, framework, new PublishReport(on, i.Version), actor, At(on, 9)));
        }
        if (p.PccResponse is { PublishedOn: { } responded } pcc)
            b.Step(i => RecordPccResponseRules.Decide(i, new RecordPccResponse(responded, pcc.Url, i.Version), actor, At(responded, 9)),
                "the police and crime commissioner's response");
        return new BuiltInspection(b._inspection, b._events, b._evidence.Values.ToList(), b._findings.Values.ToList());
    }

    private void Start(Decision<InspectionScheduled> decision)
    {
        var scheduled = Must(decision, null);
        _inspection = StaticFold<InspectionProjection, Inspection>.Apply(null, scheduled)!;
        _inspection.Version = 1;
        _events.Add((scheduled.InspectionId, typeof(Inspection), scheduled));
    }

    /// <summary>One step on the inspection's stream, then whatever the workflow's pure rules take next (moderation, ready for sign-off).</summary>
    private void Step<T>(Func<Inspection, Decision<T>> decide, string? what = null, Func<Inspection, T, object>? then = null) where T : class
    {
        var decision = decide(_inspection);
        if (decision.Done is not null) return;
        var e = Must(decision, what);
        var next = then?.Invoke(_inspection, e);
        Append(e);
        if (next is not null) Append(next);
        while (InspectionProgress.Next(_inspection, _framework, _inspection.LastChangedAt) is { } progress) Append(progress);
    }

    private void Append(object e)
    {
        _inspection = StaticFold<InspectionProjection, Inspection>.Apply(_inspection, e)!;
        _inspection.Version++;
        _events.Add((_inspection.Id, typeof(Inspection), e));
    }

    private void StartRecord<TProjection, TDoc, TEvent>(Guid id, Func<Inspection, Decision<TEvent>> decide)
        where TDoc : class, IInspectionRecord where TEvent : class
    {
        var e = Must(decide(_inspection), null);
        var doc = StaticFold<TProjection, TDoc>.Apply(null, e)!;
        doc.Version = 1;
        if (doc is Evidence evidence) _evidence[id] = evidence;
        if (doc is Finding finding) _findings[id] = finding;
        _events.Add((id, typeof(TDoc), e));
    }

    private static T Must<T>(Decision<T> decision, string? what) where T : class =>
        decision.Value ?? throw new ImportRefused(what is null ? decision.Refusal!.Detail : $"{char.ToUpper(what[0])}{what[1..]}: {decision.Refusal!.Detail}");
}

/// <summary>Stable ids for imported records, so importing the same record twice imports it once.</summary>
public static class ImportIds
{
    public static Guid Of(Guid inspection, int n) => ImportedIds.Of(inspection, n);

    /// <summary>An inspection's id from what identifies it: force, framework version and the questions it covers.</summary>
    public static Guid For(string forceId, string frameworkId, int version, IEnumerable<string> questionCodes)
    {
        var key = $"{forceId}|{frameworkId}@{version}|{string.Join(",", questionCodes.Select(c => c.ToUpperInvariant()).Order())}";
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // a name-based (version 5 style) id
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16));
    }
}
