using PeelCases.Fieldwork;
using PeelCases.Inspections;

namespace PeelCases.Tests.Support;

/// <summary>Integration tests that work on a scheduled inspection.</summary>
public abstract class InspectionTestBase(AppFixture app) : IntegrationTest(app)
{
    protected async Task<InspectionView> ScheduleAsync(ScheduleInspection? command = null) =>
        await Post<InspectionView>("/inspections", command ?? Commands.Schedule(), TestUser.Lead, 201);

    protected async Task<InspectionView> ScopeAsync(InspectionView inspection, string question, QuestionScope scope, int status = 200) =>
        await Post<InspectionView>($"/inspections/{inspection.Id}/questions/{question}/scope",
            new ScopeQuestion(scope, null, inspection.Version), TestUser.Lead, status);

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
