using PeelCases.Tests.Support;
using PeelCases.Demo;
using PeelCases.Findings;
using PeelCases.Inspections;
using PeelCases.ReferenceData;

namespace PeelCases.Tests.Integration;

/// <summary>The demo data goes through the same rules as the API, so a rule change that breaks it fails here.</summary>
public sealed class DemoDataTests(AppFixture app) : InspectionTestBase(app)
{
    [Fact]
    public async Task The_demo_loads_once_and_reads_like_the_reference_report()
    {
        await new DemoData().Populate(App.Store, CancellationToken.None);
        var events = await TotalEvents();
        await new DemoData().Populate(App.Store, CancellationToken.None);
        Assert.Equal(events, await TotalEvents());

        var cumbria = await Get<InspectionView>($"/inspections/{DemoData.Cumbria2018}", TestUser.Moderator);
        QuestionView Q(string code) => cumbria.Questions.Single(q => q.Code == code);
        Assert.Equal([2016, 2017, 2017], new[] { "E1", "E2", "E4" }.Select(q => Q(q).CarriedOverFrom!.Year));
        Assert.Equal(DemoData.Cumbria2016, Q("E1").CarriedOverFrom!.InspectionId);
        Assert.Equal(Grade.Good, Q("E3").Awarded!.Grade);
        Assert.Equal((3, 1), (Q("E3").Findings[nameof(FindingKind.Strength)], Q("E3").Findings[nameof(FindingKind.InnovativePractice)]));
        Assert.Equal(2, Q("E5").Findings[nameof(FindingKind.Strength)]);
        Assert.Equal(9, cumbria.EvidenceCount);
        Assert.Equal(Grade.Good, cumbria.Pillars.Single().Awarded!.Grade);

        var findings = await Get<List<Finding>>($"/inspections/{DemoData.Cumbria2018}/findings?question=E3", TestUser.Moderator);
        Assert.Equal(["Understanding and identifying vulnerability", "Responding to incidents", "Supporting vulnerable victims", "Supporting vulnerable victims"],
            findings.Select(f => f.Content.Heading));
        Assert.StartsWith("Cumbria Constabulary is good at protecting vulnerable people", findings[0].Content.Text);

        // A grade waits for a moderator: Durham's leadership and force management, proposed by the lead inspector on two findings.
        var waiting = Assert.Single(await Get<List<PeelCases.Moderation.ModerationItem>>("/moderation/queue", TestUser.Moderator));
        Assert.Equal((DemoData.Durham2025, "Q1", Grade.Adequate, 2, "lena.lead", 0),
            (waiting.InspectionId, waiting.QuestionCode, waiting.ProposedGrade, waiting.CitedFindings, waiting.ProposedBy, waiting.CitedOnOneKindOfSource));
        var durham = await Get<InspectionView>($"/inspections/{DemoData.Durham2025}", TestUser.Moderator);
        Assert.Equal((InspectionStage.Moderation, 4), (durham.Stage, durham.EvidenceCount));
        Assert.False(Assert.Single(Assert.Single(durham.Questions).LinesOfEnquiry!).Open);
    }
}
