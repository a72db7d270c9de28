using PeelCases.Fieldwork;
using PeelCases.Findings;
using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.Moderation;
using PeelCases.QualityAssurance;
using PeelCases.ReferenceData;

namespace PeelCases.Tests.Support;

/// <summary>
/// One question's plan in a built inspection: its scope, the grade a detailed question gets
/// (none: it stops after QA), and how far the build takes it.
/// </summary>
public sealed record QuestionPlan(string Code, QuestionScope Scope, Grade? Grade = null, FindingKind[]? Findings = null);

/// <summary>Builds whole inspections through the HTTP API and the workflow, as a team would.</summary>
public abstract class GradingTestBase(AppFixture app) : InspectionTestBase(app)
{
    /// <summary>
    /// Schedules, scopes (carry-overs resolve through the workflow), runs fieldwork with one
    /// piece of evidence and one finding per inspected question, passes QA, and takes each
    /// planned grade through proposal, moderation (confirmed) and award.
    /// </summary>
    protected async Task<InspectionView> BuildAsync(string force, string framework, string cycle, int year, params QuestionPlan[] plan)
    {
        var starts = new DateOnly(year, 10, 8);
        var view = await ScheduleAsync(new ScheduleInspection(null, force, cycle, framework, plan.Select(p => p.Code).ToList(),
            "lena.lead", starts, starts.AddDays(11), Commands.Team));
        foreach (var p in plan) view = await ScopeAsync(view, p.Code, p.Scope);
        view = await StartFieldworkAsync(view);

        var inspected = plan.Where(p => p.Scope != QuestionScope.CarryOver).ToList();
        var findings = new Dictionary<string, Guid[]>();
        foreach (var p in inspected)
        {
            var evidence = await RecordAsync(view.Id, Commands.Evidence(on: starts.AddDays(1), questions: [p.Code]));
            var drafted = new List<Guid>();
            foreach (var kind in p.Findings ?? [FindingKind.Strength])
                drafted.Add((await DraftAsync(view.Id, p.Code, evidence.Id, kind,
                    recommendations: kind == FindingKind.CauseOfConcern ? [new("Act now.", new RecommendationDeadline(DeadlineKind.Immediately))] : null)).Id);
            findings[p.Code] = drafted.ToArray();
        }
        // A carry-over with nothing to carry must be decided before fieldwork can complete: stop here.
        if (view.Questions.Any(q => q is { CarryOverProblem: not null, Settled: false })) return view;
        view = await CompleteFieldworkAsync(view);
        foreach (var p in inspected)
        {
            view = await Step(view, $"questions/{p.Code}/qa-submission", new InspectionStep(view.QuestionVersion(p.Code)), TestUser.Inspector);
            view = await QaAsync(view, p.Code, QaOutcome.Accept);
        }
        foreach (var p in inspected.Where(p => p.Grade is not null))
        {
            view = await ProposeAsync(view, p.Code, p.Grade!.Value, findings[p.Code]);
            view = await ModerateAsync(view, p.Code, p.Grade.Value);
            view = await AwardAsync(view, p.Code);
        }
        return view;
    }

    protected async Task<Finding> DraftAsync(Guid inspectionId, string question, Guid evidenceId, FindingKind kind = FindingKind.Strength,
        string heading = "Understanding and identifying vulnerability", IReadOnlyList<RecommendationInput>? recommendations = null, int status = 201) =>
        await Post<Finding>($"/inspections/{inspectionId}/findings",
            new DraftFinding(Guid.NewGuid(), question, heading, kind, $"The force is effective at {question}.", [evidenceId], recommendations),
            TestUser.Inspector, status);

    protected Task<InspectionView> QaAsync(InspectionView view, string question, QaOutcome outcome, string? comments = null) =>
        Step(view, $"questions/{question}/qa-review", new ReviewFindings(outcome, comments, view.QuestionVersion(question)), TestUser.QaReviewer);

    protected Task<InspectionView> ProposeAsync(InspectionView view, string question, Grade grade, params Guid[] findings) =>
        Step(view, $"questions/{question}/grade-proposals", new ProposeGrade(grade, "The findings show consistent good practice.", findings, view.QuestionVersion(question)), TestUser.Lead);

    /// <summary>The public summaries the report prints, for every question inspected this time and every pillar covered: sign-off needs them.</summary>
    protected async Task<InspectionView> SummariseAsync(InspectionView view)
    {
        foreach (var q in view.Questions.Where(q => q.Scope is QuestionScope.Detailed or QuestionScope.Ungraded && q.Summary is null))
            view = await Step(view, $"questions/{q.Code}/summary", new WriteQuestionSummary($"What we found on question {q.Code}.", view.QuestionVersion(q.Code)), TestUser.Lead);
        foreach (var p in view.Pillars.Where(p => p.Summary is null))
            view = await Step(view, $"pillars/{p.Code}/summary", new WritePillarSummary($"What we found on {p.Name.ToLowerInvariant()}.", view.Version), TestUser.Lead);
        // An integrated report (no pillars) opens with the HMI's observations.
        if (view.Pillars.Count == 0 && view.HmiObservations is null)
            view = await Step(view, "hmi-observations", new HmiSignOff.WriteHmiObservations("What HM Inspector observed.", view.Version), TestUser.Hmi);
        return view;
    }

    protected Task<InspectionView> ModerateAsync(InspectionView view, string question, Grade grade, string? reason = null) =>
        Step(view, $"questions/{question}/moderation", new ModerateGrade(grade, reason, view.QuestionVersion(question)), TestUser.Moderator);

    protected Task<InspectionView> AwardAsync(InspectionView view, string question) =>
        Step(view, $"questions/{question}/award", new InspectionStep(view.QuestionVersion(question)), TestUser.Hmi);

    /// <summary>Cumbria's earlier effectiveness inspections, as the reference report describes them.</summary>
    protected async Task<(InspectionView In2016, InspectionView In2017)> CumbriaHistoryAsync()
    {
        var in2016 = await BuildAsync("cumbria", "peel-2016", "2016", 2016, new QuestionPlan("E1", QuestionScope.Detailed, Grade.Good));
        var in2017 = await BuildAsync("cumbria", "peel-2017", "2017", 2017,
            new("E1", QuestionScope.CarryOver),
            new("E2", QuestionScope.Detailed, Grade.Good),
            new("E3", QuestionScope.Detailed, Grade.Good),
            new("E4", QuestionScope.Detailed, Grade.Good));
        return (in2016, in2017);
    }
}
