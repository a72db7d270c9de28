using PeelCases.Tests.Support;
using PeelCases.Fieldwork;
using PeelCases.Inspections;

namespace PeelCases.Tests.Integration;

public sealed class EvidenceTests(AppFixture app) : InspectionTestBase(app)
{
    [Fact]
    public async Task Recorded_evidence_is_counted_per_question_without_touching_the_inspection_version()
    {
        var inspection = await ScheduleAsync();
        var evidence = await RecordAsync(inspection.Id, Commands.Evidence(questions: ["E3", "E2"]));
        await RecordAsync(inspection.Id, Commands.Evidence(method: EvidenceMethod.Interview, sampleSize: null, questions: ["E3"]), TestUser.SecondInspector);

        Assert.Equal("ian.inspector", evidence.RecordedBy);
        Assert.Equal(["E3", "E2"], evidence.Content.QuestionCodes);
        Assert.Equal(1, evidence.Version);

        var overview = await Get<InspectionView>($"/inspections/{inspection.Id}", TestUser.Lead);
        Assert.Equal(2, overview.EvidenceCount);
        Assert.Equal(2, overview.Questions.Single(q => q.Code == "E3").EvidenceCount);
        Assert.Equal(1, overview.Questions.Single(q => q.Code == "E2").EvidenceCount);
        Assert.Equal(0, overview.Questions.Single(q => q.Code == "E1").EvidenceCount);
        Assert.Equal(inspection.Version, overview.Version);

        var listed = await Get<List<Evidence>>($"/inspections/{inspection.Id}/evidence?question=E2", TestUser.Lead);
        Assert.Equal([evidence.Id], listed.Select(e => e.Id));
        var fetched = await Get<Evidence>($"/inspections/{inspection.Id}/evidence/{evidence.Id}", TestUser.Lead);
        Assert.Equal(evidence.Content.Summary, fetched.Content.Summary);
        var streamEvent = Assert.Single(await EventsOf(evidence.Id));
        Assert.Equal("ian.inspector", streamEvent.UserName);
    }

    [Fact]
    public async Task The_same_evidence_sent_twice_is_recorded_once()
    {
        var inspection = await ScheduleAsync();
        var command = Commands.Evidence();
        var first = await RecordAsync(inspection.Id, command);
        var retry = await RecordAsync(inspection.Id, command, status: 200);
        Assert.Equal(first.Id, retry.Id);
        Assert.Single(await EventsOf(command.EvidenceId!.Value));
    }

    [Fact]
    public async Task Simultaneous_retries_of_one_command_record_it_once()
    {
        var inspection = await ScheduleAsync();
        var command = Commands.Evidence();
        var statuses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => App.Host.Scenario(s =>
        {
            s.Post.Json(command).ToUrl($"/inspections/{inspection.Id}/evidence");
            s.WithBearerToken(App.TokenFor(TestUser.Inspector));
            s.IgnoreStatusCode();
        })));
        Assert.All(statuses, r => Assert.Contains(r.Context.Response.StatusCode, new[] { 200, 201 }));
        Assert.Single(await EventsOf(command.EvidenceId!.Value));
    }

    [Fact]
    public async Task An_id_already_used_by_another_kind_of_record_is_409_not_a_500()
    {
        var inspection = await ScheduleAsync();
        var problem = await Problem(HttpMethod.Post, $"/inspections/{inspection.Id}/evidence", Commands.Evidence(id: inspection.Id), TestUser.Inspector, 409);
        Assert.Contains($"Id {inspection.Id} is already used by another record", problem.Detail);
        Assert.Equal([typeof(InspectionScheduled)], (await EventsOf(inspection.Id)).Select(e => e.EventType));
    }

    [Fact]
    public async Task An_evidence_id_reused_for_different_evidence_is_409()
    {
        var inspection = await ScheduleAsync();
        var command = Commands.Evidence();
        await RecordAsync(inspection.Id, command);
        var problem = await Problem(HttpMethod.Post, $"/inspections/{inspection.Id}/evidence",
            command with { Summary = "Something else entirely" }, TestUser.Inspector, 409);
        Assert.Contains("already used for different evidence", problem.Detail);
    }

    [Fact]
    public async Task A_whole_team_recording_at_once_loses_nothing()
    {
        var inspection = await ScheduleAsync();
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => App.Host.Scenario(s =>
        {
            s.Post.Json(Commands.Evidence(summary: $"Observation {i}", method: EvidenceMethod.Observation, sampleSize: null))
                .ToUrl($"/inspections/{inspection.Id}/evidence");
            s.WithBearerToken(App.TokenFor(i % 2 == 0 ? TestUser.Inspector : TestUser.SecondInspector));
            s.IgnoreStatusCode();
        })));
        Assert.All(results, r => Assert.Equal(201, r.Context.Response.StatusCode));
        var overview = await Get<InspectionView>($"/inspections/{inspection.Id}", TestUser.Lead);
        Assert.Equal(16, overview.EvidenceCount);
        Assert.Equal(16, overview.Questions.Single(q => q.Code == "E3").EvidenceCount);
    }

    public static TheoryData<RecordEvidence, string> InvalidEvidence => new()
    {
        { Commands.Evidence(on: Commands.FieldworkStarts.AddDays(-1)), "collectedOn" },
        { Commands.Evidence(on: Commands.FieldworkEnds.AddDays(1)), "collectedOn" },
        { Commands.Evidence(questions: ["L1"]), "questionCodes" },
        { Commands.Evidence(sampleSize: null), "sampleSize" },
        { Commands.Evidence(sampleSize: 0), "sampleSize" },
        { Commands.Evidence(summary: ""), "summary" },
        { Commands.Evidence(summary: new string('a', 20_001)), "summary" },
        { Commands.Evidence() with { QuestionCodes = [] }, "questionCodes" },
        { Commands.Evidence() with { EvidenceId = null }, "evidenceId" },
        { Commands.Evidence() with { Source = null }, "source" },
    };

    [Theory, MemberData(nameof(InvalidEvidence))]
    public async Task Invalid_evidence_is_400_naming_the_field_and_writes_nothing(RecordEvidence command, string field)
    {
        var inspection = await ScheduleAsync();
        var problem = await Problem(HttpMethod.Post, $"/inspections/{inspection.Id}/evidence", command, TestUser.Inspector, 400);
        Assert.Contains(field, problem.Errors!.Keys);
        Assert.Equal(1, await TotalEvents());
    }

    [Fact]
    public async Task Evidence_for_an_unknown_inspection_is_404_and_roles_are_enforced()
    {
        await Problem(HttpMethod.Post, $"/inspections/{Guid.NewGuid()}/evidence", Commands.Evidence(), TestUser.Inspector, 404);
        var inspection = await ScheduleAsync();
        await Problem(HttpMethod.Post, $"/inspections/{inspection.Id}/evidence", Commands.Evidence(), TestUser.Moderator, 403);
        await Problem(HttpMethod.Post, $"/inspections/{inspection.Id}/evidence", Commands.Evidence(), null, 401);
        await RecordAsync(inspection.Id, user: TestUser.Lead);
        await Problem(HttpMethod.Get, $"/inspections/{inspection.Id}/evidence/{Guid.NewGuid()}", null, TestUser.Lead, 404);
        await Problem(HttpMethod.Get, $"/inspections/{Guid.NewGuid()}/evidence", null, TestUser.Lead, 404);
    }

    [Fact]
    public async Task Amending_keeps_the_earlier_text()
    {
        var inspection = await ScheduleAsync();
        var evidence = await RecordAsync(inspection.Id);
        App.Clock.Advance(TimeSpan.FromDays(1));
        var amended = await Post<Evidence>($"/inspections/{inspection.Id}/evidence/{evidence.Id}/amendments",
            Commands.Amendment(evidence, "Call handlers used THRIVE on 8 of 10 logs reviewed.", "Recounted the sample"), TestUser.SecondInspector);

        Assert.Equal(2, amended.Version);
        Assert.Equal("Call handlers used THRIVE on 8 of 10 logs reviewed.", amended.Content.Summary);
        Assert.Equal("sara.inspector", amended.LastChangedBy);
        var earlier = Assert.Single(amended.EarlierVersions);
        Assert.Equal(evidence.Content.Summary, earlier.Content.Summary);
        Assert.Equal("Recounted the sample", earlier.SupersededBecause);
        Assert.Equal("ian.inspector", earlier.ChangedBy);
        Assert.Equal(2, (await EventsOf(evidence.Id)).Count);
    }

    [Fact]
    public async Task Amendments_check_version_content_and_change()
    {
        var inspection = await ScheduleAsync();
        var evidence = await RecordAsync(inspection.Id);
        var url = $"/inspections/{inspection.Id}/evidence/{evidence.Id}/amendments";

        await Post<Evidence>(url, Commands.Amendment(evidence, "Corrected once", "typo"), TestUser.Inspector);
        var stale = await Problem(HttpMethod.Post, url, Commands.Amendment(evidence, "Corrected twice", "typo"), TestUser.Inspector, 409);
        Assert.Contains("Stale", stale.Title);
        var unchanged = await Problem(HttpMethod.Post, url, Commands.Amendment(evidence, "Corrected once", "again") with { ExpectedVersion = 2 }, TestUser.Inspector, 409);
        Assert.Contains("changes nothing", unchanged.Detail);
        var noReason = await Problem(HttpMethod.Post, url, Commands.Amendment(evidence, "x", "") with { ExpectedVersion = 2 }, TestUser.Inspector, 400);
        Assert.Contains("reason", noReason.Errors!.Keys);
        await Problem(HttpMethod.Post, $"/inspections/{inspection.Id}/evidence/{Guid.NewGuid()}/amendments",
            Commands.Amendment(evidence, "x", "y"), TestUser.Inspector, 404);
        Assert.Equal(2, (await EventsOf(evidence.Id)).Count);
    }
}
