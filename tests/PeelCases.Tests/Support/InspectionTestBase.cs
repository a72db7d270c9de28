using PeelCases.Fieldwork;
using PeelCases.Inspections;

namespace PeelCases.Tests.Support;

/// <summary>Integration tests that work on a scheduled inspection.</summary>
public abstract class InspectionTestBase(AppFixture app) : IntegrationTest(app)
{
    protected async Task<InspectionView> ScheduleAsync(ScheduleInspection? command = null) =>
        await Post<InspectionView>("/inspections", command ?? Commands.Schedule(), TestUser.Lead, 201);

    protected async Task<InspectionView> View(Guid inspectionId) => await Get<InspectionView>($"/inspections/{inspectionId}", TestUser.Lead);

    /// <summary>Scopes a question and waits for the workflow (a carry-over is looked up at once); returns the inspection after.</summary>
    protected async Task<InspectionView> ScopeAsync(InspectionView inspection, string question, QuestionScope scope) =>
        await Step(inspection, $"questions/{question}/scope", new ScopeQuestion(scope, null, inspection.QuestionVersion(question)), TestUser.Lead);

    protected Task<InspectionView> StartFieldworkAsync(InspectionView view) => Step(view, "fieldwork/start", new InspectionStep(view.Version), TestUser.Lead);

    protected Task<InspectionView> CompleteFieldworkAsync(InspectionView view) => Step(view, "fieldwork/complete", new InspectionStep(view.Version), TestUser.Lead);

    /// <summary>Posts a step on the inspection, waits for the workflow it triggers, and returns the inspection as it then stands.</summary>
    protected async Task<InspectionView> Step(InspectionView view, string path, object body, TestUser user)
    {
        await Tracked(() => Post<InspectionView>($"/inspections/{view.Id}/{path}", body, user));
        return await View(view.Id);
    }

    protected async Task<Evidence> RecordAsync(Guid inspectionId, RecordEvidence? command = null, TestUser? user = null, int status = 201) =>
        await Post<Evidence>($"/inspections/{inspectionId}/evidence", command ?? Commands.Evidence(), user ?? TestUser.Inspector, status);

    protected async Task<IReadOnlyList<JasperFx.Events.IEvent>> EventsOf(Guid streamId)
    {
        await using var session = App.Store.QuerySession();
        return await session.Events.FetchStreamAsync(streamId);
    }

    protected async Task<long> TotalEvents()
    {
        await using var session = App.Store.QuerySession();
        return (await session.QueryAsync<long>("select count(*) from peelcases.mt_events")).Single();
    }
}

public static class InspectionViewExtensions
{
    /// <summary>The version of one question, which question-level commands send back.</summary>
    public static long QuestionVersion(this InspectionView view, string code) =>
        view.Questions.Single(q => string.Equals(q.Code, code, StringComparison.OrdinalIgnoreCase)).Version;
}
