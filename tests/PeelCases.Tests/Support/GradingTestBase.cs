using PeelCases.Fieldwork;
using PeelCases.Findings;
using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.ReferenceData;

namespace PeelCases.Tests.Support;

/// <summary>
/// One question's plan in a built inspection: its scope, the grade a detailed question gets,
/// and whether a carry-over question has its judgment carried over straight away.
/// </summary>
public sealed record QuestionPlan(string Code, QuestionScope Scope, Grade? Grade = null, bool CarryOverNow = true);

/// <summary>Builds whole inspections through the HTTP API, as a team would.</summary>
public abstract class GradingTestBase(AppFixture app) : InspectionTestBase(app)
{
    protected async Task<InspectionView> BuildAsync(string force, string framework, string cycle, int year, params QuestionPlan[] plan)
    {
        var starts = new DateOnly(year, 10, 8);
        var view = await ScheduleAsync(new ScheduleInspection(null, force, cycle, framework, plan.Select(p => p.Code).ToList(),
            "lena.lead", starts, starts.AddDays(11)));
        foreach (var p in plan) view = await ScopeAsync(view, p.Code, p.Scope);

        foreach (var p in plan)
        {
            if (p.Scope == QuestionScope.CarryOver) { if (p.CarryOverNow) view = await CarryOverAsync(view, p.Code); }
            else
            {
                var evidence = await RecordAsync(view.Id, Commands.Evidence(on: starts.AddDays(1), questions: [p.Code]));
                var finding = await DraftAsync(view.Id, p.Code, evidence.Id);
                if (p.Grade is { } grade)
                {
                    view = await ProposeAsync(view, p.Code, grade, finding.Id);
                    view = await AwardAsync(view, p.Code);
                }
            }
        }
        return view;
    }

    protected async Task<Finding> DraftAsync(Guid inspectionId, string question, Guid evidenceId, FindingKind kind = FindingKind.Strength,
        string heading = "Understanding and identifying vulnerability", IReadOnlyList<RecommendationInput>? recommendations = null, int status = 201) =>
        await Post<Finding>($"/inspections/{inspectionId}/findings",
            new DraftFinding(Guid.NewGuid(), question, heading, kind, $"The force is effective at {question}.", [evidenceId], recommendations),
            TestUser.Inspector, status);

    protected async Task<InspectionView> ProposeAsync(InspectionView view, string question, Grade grade, params Guid[] findings) =>
        await Post<InspectionView>($"/inspections/{view.Id}/questions/{question}/grade-proposals",
            new ProposeGrade(grade, "The findings show consistent good practice.", findings, view.Version), TestUser.Lead);

    protected async Task<InspectionView> AwardAsync(InspectionView view, string question) =>
        await Post<InspectionView>($"/inspections/{view.Id}/questions/{question}/award", new AwardGrade(view.Version), TestUser.Moderator);

    protected async Task<InspectionView> CarryOverAsync(InspectionView view, string question, int status = 200) =>
        await Post<InspectionView>($"/inspections/{view.Id}/questions/{question}/carry-over", new CarryOverJudgment(view.Version), TestUser.Lead, status);

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
