using PeelCases.UnitTests.Support;
using PeelCases.Fieldwork;
using PeelCases.Findings;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;
using PeelCases.Workflow;

namespace PeelCases.UnitTests;

/// <summary>The test harness itself: folding is the projections' own, versions count the events, stories are ones the service writes.</summary>
public sealed class HarnessTests
{
    [Fact]
    public void A_folded_inspection_is_at_the_version_of_its_last_event()
    {
        Assert.Equal(1, Given.Inspection(Cumbria.Scheduled).Version);
        Assert.Equal(Cumbria.Planned.Length, Given.Inspection(Cumbria.Planned).Version);
        Assert.Equal(2, Given.Evidence(Cumbria.IncidentLogsRecorded, Cumbria.Inspection.EvidenceRedacted(Cumbria.IncidentLogs, "names")).Version);
        Assert.Equal(1, Given.Finding(Cumbria.HelpDeskDrafted).Version);
    }

    /// <summary>
    /// The decisions never compare versions: the write paths (InspectionWrites.Append, RecordStreams.Change) compare
    /// the client's expected version with the document's before deciding, and refuse with this.
    /// </summary>
    [Fact]
    public void A_command_sent_on_an_earlier_version_is_told_the_version_the_inspection_is_now_at()
    {
        var inspection = Given.Inspection(Cumbria.Planned);
        var refusal = Then.Refused(Refusal.StaleVersion("inspection", 3, inspection.Version), 409);
        Assert.Equal("You sent expected version 3 but the inspection is now at version 9. Reload it, check what changed and try again.", refusal.Detail);
    }

    [Fact]
    public void An_event_the_projection_does_not_fold_is_a_mistake_in_the_test()
    {
        Assert.Throws<ArgumentException>(() => Given.Inspection(Cumbria.IncidentLogsRecorded));
        Assert.Throws<ArgumentException>(() => Given.Evidence(Cumbria.IncidentLogsRecorded, Cumbria.Inspection.FieldworkStarted()));
        Assert.Throws<ArgumentException>(() => Given.Inspection());
    }

    [Fact]
    public void The_Cumbria_story_folds_to_the_published_inspection()
    {
        var inspection = Given.Inspection(Cumbria.Published);
        Assert.Equal(InspectionStage.Published, inspection.Stage);
        Assert.Equal(["E1", "E2", "E3", "E4", "E5"], inspection.Questions.Select(q => q.Code));
        Assert.Equal([QuestionStage.CarriedOver, QuestionStage.CarriedOver, QuestionStage.Awarded, QuestionStage.CarriedOver, QuestionStage.Ungraded],
            inspection.Questions.Select(q => q.Stage));
        Assert.Equal(Grade.Good, inspection.Pillars.Single(p => p.PillarCode == Cumbria.Effectiveness).Awarded!.Grade);
        Assert.Equal(Cumbria.Inspection.PublishedOn, inspection.Publications.Single().PublishedOn);
    }

    /// <summary>
    /// The workflow's events in the stories are exactly the ones it would append: after every
    /// other event, <see cref="InspectionProgress.Next"/> proposes the next event if that is a
    /// progress event, and nothing otherwise.
    /// </summary>
    [Theory]
    [InlineData("Cumbria 2016")]
    [InlineData("Cumbria 2017")]
    [InlineData("Cumbria 2018/19")]
    public void The_workflow_would_write_the_progress_events_of_each_story_and_no_others(string story)
    {
        var (events, framework) = story switch
        {
            "Cumbria 2016" => (Cumbria.Published2016, Frameworks.Peel2016),
            "Cumbria 2017" => (Cumbria.Published2017, Frameworks.Peel2017),
            _ => (Cumbria.Published, Frameworks.Peel2018),
        };
        for (var i = 1; i < events.Length; i++)
        {
            var inspection = Given.Inspection(events[..i]);
            var next = InspectionProgress.Next(inspection, framework, events[i] switch
            {
                InspectionEnteredModeration e => e.EnteredAt,
                InspectionReadyForSignOff e => e.ReadyAt,
                _ => inspection.LastChangedAt,
            });
            if (events[i] is InspectionEnteredModeration or InspectionReadyForSignOff) Assert.Equivalent(events[i], next, strict: true);
            else Assert.True(next is null, $"After event {i} ({events[i - 1].GetType().Name}) the workflow would append {next}, but the story goes on with {events[i].GetType().Name}.");
        }
    }

    [Fact]
    public void Evidence_content_is_compared_field_by_field_lists_by_content()
    {
        var content = Cumbria.Inspection.EvidenceContent("E3");
        Assert.Equivalent(content with { QuestionCodes = ["E3"] }, content, strict: true);
        Assert.ThrowsAny<Exception>(() => Assert.Equivalent(content with { CollectedOn = content.CollectedOn.AddDays(1) }, content, strict: true));
        Assert.ThrowsAny<Exception>(() => Assert.Equivalent(
            new EvidenceRecorded(Guid.NewGuid(), Cumbria.Inspection.Id, content, People.Ian, default),
            new EvidenceRecorded(Guid.NewGuid(), Cumbria.Inspection.Id, content, People.Ian, default), strict: true));
        Assert.ThrowsAny<Exception>(() => Assert.Equivalent(
            new EvidenceRecorded(Cumbria.IncidentLogs, Cumbria.Inspection.Id, content, People.Ian, Cumbria.Inspection.RecordedAt),
            new EvidenceRecorded(Cumbria.IncidentLogs, Cumbria.Inspection.Id, content, People.Ian, Cumbria.Inspection.RecordedAt.AddTicks(1)), strict: true));
    }
}
