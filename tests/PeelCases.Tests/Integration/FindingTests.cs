using PeelCases.Tests.Support;
using PeelCases.Fieldwork;
using PeelCases.Findings;
using PeelCases.Audit;
using PeelCases.Inspections;

namespace PeelCases.Tests.Integration;

public sealed class FindingTests(AppFixture app) : GradingTestBase(app)
{
    private async Task<(InspectionView View, Guid E3Evidence, Guid E1Evidence)> PreparedAsync()
    {
        var view = await ScheduleAsync(Commands.Schedule(questions: ["E1", "E3"]));
        view = await ScopeAsync(view, "E3", QuestionScope.Detailed);
        view = await ScopeAsync(view, "E1", QuestionScope.Detailed);
        view = await StartFieldworkAsync(view);
        var e3 = await RecordAsync(view.Id, Commands.Evidence(questions: ["E3"]));
        var e1 = await RecordAsync(view.Id, Commands.Evidence(questions: ["E1"]));
        return (view, e3.Id, e1.Id);
    }

    private static readonly RecommendationInput Immediately = new("Review the safeguarding referral backlog.", new RecommendationDeadline(DeadlineKind.Immediately));

    [Fact]
    public async Task A_finding_cites_evidence_that_bears_on_its_question_and_a_resend_drafts_it_once()
    {
        var (view, e3, e1) = await PreparedAsync();
        var command = new DraftFinding(Guid.NewGuid(), "e3", "Responding to incidents", FindingKind.AreaForImprovement,
            "Risk assessments are not always recorded.", [e3]);
        var finding = await Post<Finding>($"/inspections/{view.Id}/findings", command, TestUser.Inspector, 201);
        Assert.Equal(("E3", "ian.inspector", 1L), (finding.QuestionCode, finding.DraftedBy, finding.Version));

        var resent = await Post<Finding>($"/inspections/{view.Id}/findings", command, TestUser.Inspector, 200);
        Assert.Equal(finding.Id, resent.Id);
        Assert.Single(await EventsOf(finding.Id));
        Assert.Contains("already used", (await Problem(HttpMethod.Post, $"/inspections/{view.Id}/findings",
            command with { Text = "Different" }, TestUser.Inspector, 409)).Detail);

        var problem = await Problem(HttpMethod.Post, $"/inspections/{view.Id}/findings",
            command with { FindingId = Guid.NewGuid(), CitedEvidenceIds = [e1] }, TestUser.Inspector, 400);
        Assert.Contains("does not bear on question E3", problem.Detail);
        await Problem(HttpMethod.Post, $"/inspections/{view.Id}/findings",
            command with { FindingId = Guid.NewGuid(), CitedEvidenceIds = [Guid.NewGuid()] }, TestUser.Inspector, 400);

        var counts = await Get<InspectionView>($"/inspections/{view.Id}", TestUser.Lead);
        Assert.Equal(1, counts.Questions.Single(q => q.Code == "E3").Findings[nameof(FindingKind.AreaForImprovement)]);
    }

    public static TheoryData<string, FindingKind, RecommendationInput[]?> BadRecommendations => new()
    {
        { "A cause of concern must carry at least one recommendation", FindingKind.CauseOfConcern, null },
        { "Only a cause of concern carries recommendations", FindingKind.AreaForImprovement, [Immediately] },
        { "A ByDate deadline needs its date", FindingKind.CauseOfConcern, [new("Do it", new RecommendationDeadline(DeadlineKind.ByDate))] },
        { "months between 1 and 60", FindingKind.CauseOfConcern, [new("Do it", new RecommendationDeadline(DeadlineKind.WithinMonths, Months: 0))] },
        { "needs a deadline", FindingKind.CauseOfConcern, [new("Do it", null)] },
    };

    [Theory, MemberData(nameof(BadRecommendations))]
    public async Task Causes_of_concern_and_only_they_carry_recommendations_with_deadlines(string message, FindingKind kind, RecommendationInput[]? recommendations)
    {
        var (view, e3, _) = await PreparedAsync();
        var problem = await Problem(HttpMethod.Post, $"/inspections/{view.Id}/findings",
            new DraftFinding(Guid.NewGuid(), "E3", "Supporting vulnerable victims", kind, "text", [e3], recommendations), TestUser.Inspector, 400);
        Assert.Contains(message, problem.Detail);
    }

    [Fact]
    public async Task A_cause_of_concern_numbers_its_recommendations_and_their_status_moves_on()
    {
        var (view, e3, _) = await PreparedAsync();
        var finding = await DraftAsync(view.Id, "E3", e3, FindingKind.CauseOfConcern, "Supporting vulnerable victims",
            [Immediately, new("Publish an improvement plan.", new RecommendationDeadline(DeadlineKind.WithinMonths, Months: 6))]);
        Assert.Equal([1, 2], finding.Content.Recommendations.Select(r => r.Number));
        Assert.All(finding.Content.Recommendations, r => Assert.Equal(RecommendationStatus.Open, r.Status));
        Assert.Equal("within 6 months", finding.Content.Recommendations[1].Deadline.ToString());

        var changed = await Post<Finding>($"/inspections/{view.Id}/findings/{finding.Id}/recommendations/2/status",
            new ChangeRecommendationStatus(RecommendationStatus.AwaitingReview, "Plan received", new DateOnly(2019, 5, 1), 1), TestUser.Lead);
        Assert.Equal(RecommendationStatus.AwaitingReview, changed.Content.Recommendations[1].Status);
        Assert.Equal(new DateOnly(2019, 5, 1), Assert.Single(changed.RecommendationHistory).EffectiveOn);
        await Problem(HttpMethod.Post, $"/inspections/{view.Id}/findings/{finding.Id}/recommendations/7/status",
            new ChangeRecommendationStatus(RecommendationStatus.Discharged, null, new DateOnly(2019, 5, 1), 2), TestUser.Lead, 404);
    }

    [Fact]
    public async Task Revising_keeps_earlier_versions_and_withdrawing_removes_from_current_views_only()
    {
        var (view, e3, _) = await PreparedAsync();
        var finding = await DraftAsync(view.Id, "E3", e3);
        var url = $"/inspections/{view.Id}/findings/{finding.Id}";
        var revised = await Post<Finding>($"{url}/revisions",
            new ReviseFinding("Responding to incidents", FindingKind.Strength, "Revised text.", [e3], null, "QA comments", 1), TestUser.SecondInspector);
        Assert.Equal(("Revised text.", 2L), (revised.Content.Text, revised.Version));
        Assert.Equal(finding.Content.Text, Assert.Single(revised.EarlierVersions).Content.Text);
        Assert.Contains("Stale", (await Problem(HttpMethod.Post, $"{url}/revisions",
            new ReviseFinding("h", FindingKind.Strength, "t", [e3], null, "r", 1), TestUser.Inspector, 409)).Title);

        var withdrawn = await Post<Finding>($"{url}/withdrawal", new WithdrawFinding("Duplicates another finding", 2), TestUser.Inspector);
        Assert.True(withdrawn.Withdrawn);
        Assert.Empty(await Get<List<Finding>>($"/inspections/{view.Id}/findings", TestUser.Lead));
        Assert.Single(await Get<List<Finding>>($"/inspections/{view.Id}/findings?includeWithdrawn=true", TestUser.Lead));
        Assert.Empty((await Get<InspectionView>($"/inspections/{view.Id}", TestUser.Lead)).Questions.Single(q => q.Code == "E3").Findings);
        await Problem(HttpMethod.Post, $"{url}/withdrawal", new WithdrawFinding("again", 3), TestUser.Inspector, 409);
        Assert.Equal(3, (await EventsOf(finding.Id)).Count);
    }

    [Fact]
    public async Task A_question_says_which_of_its_findings_rest_on_one_kind_of_source()
    {
        var (view, logs, _) = await PreparedAsync();
        var interview = await RecordAsync(view.Id, Commands.Evidence(summary: "The safeguarding lead says referrals are triaged the same day.",
            method: EvidenceMethod.Interview, sampleSize: null, questions: ["E3"]));
        var single = await DraftAsync(view.Id, "E3", logs);
        var both = await Post<Finding>($"/inspections/{view.Id}/findings", new DraftFinding(Guid.NewGuid(), "E3", "Referrals", FindingKind.Strength,
            "Referrals are triaged the same day.", [logs, interview.Id, logs]), TestUser.Inspector, 201);

        var now = await Get<QuestionAsOf>($"/inspections/{view.Id}/questions/E3/as-of", TestUser.QaReviewer);
        Assert.Equal([(single.Id, 1, (bool?)false), (both.Id, 2, (bool?)true)], now.Sources.Select(s => (s.FindingId, s.Evidence, s.Triangulated)));
        Assert.Equal([EvidenceMethod.Interview, EvidenceMethod.CaseFileReview], now.Sources[1].Methods);
        // A withdrawn finding is not weighed.
        await Post<Finding>($"/inspections/{view.Id}/findings/{single.Id}/withdrawal", new WithdrawFinding("Superseded.", single.Version), TestUser.Inspector);
        Assert.Equal([both.Id], (await Get<QuestionAsOf>($"/inspections/{view.Id}/questions/E3/as-of", TestUser.QaReviewer)).Sources.Select(s => s.FindingId));
    }

    [Fact]
    public async Task Questions_carried_over_or_unscoped_take_no_findings()
    {
        var view = await ScheduleAsync();
        var evidence = await RecordAsync(view.Id, Commands.Evidence(questions: ["E1", "E2"]));
        view = await ScopeAsync(view, "E1", QuestionScope.CarryOver);
        Assert.Contains("carry-over", (await Problem(HttpMethod.Post, $"/inspections/{view.Id}/findings",
            new DraftFinding(Guid.NewGuid(), "E1", "h", FindingKind.Strength, "t", [evidence.Id]), TestUser.Inspector, 409)).Detail);
        Assert.Contains("not been scoped", (await Problem(HttpMethod.Post, $"/inspections/{view.Id}/findings",
            new DraftFinding(Guid.NewGuid(), "E2", "h", FindingKind.Strength, "t", [evidence.Id]), TestUser.Inspector, 409)).Detail);
        view = await ScopeAsync(view, "E2", QuestionScope.Detailed);
        Assert.Contains("it is at “Scoping”. Fieldwork has not started", (await Problem(HttpMethod.Post, $"/inspections/{view.Id}/findings",
            new DraftFinding(Guid.NewGuid(), "E2", "h", FindingKind.Strength, "t", [evidence.Id]), TestUser.Inspector, 409)).Detail);
        await Problem(HttpMethod.Post, $"/inspections/{view.Id}/findings",
            new DraftFinding(Guid.NewGuid(), "E3", "h", FindingKind.Strength, "t", [evidence.Id]), TestUser.Moderator, 403);
        await Problem(HttpMethod.Get, $"/inspections/{view.Id}/findings/{Guid.NewGuid()}", null, TestUser.Lead, 404);
    }
}
