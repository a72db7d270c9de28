using PeelCases.Fieldwork;
using PeelCases.Infrastructure;
using PeelCases.Inspections;
using PeelCases.Tests.Support;

namespace PeelCases.UnitTests;

public sealed class EvidenceRulesTests
{
    private static readonly DateTimeOffset Now = new(2018, 10, 9, 17, 0, 0, TimeSpan.Zero);

    private static readonly Inspection Inspection = new()
    {
        Id = Guid.NewGuid(), ForceId = "cumbria", Cycle = "2018/19", FrameworkId = "peel-2018-19",
        FieldworkStarts = Commands.FieldworkStarts, FieldworkEnds = Commands.FieldworkEnds, Version = 1,
        Questions = [new("E1", null), new("E3", null)],
    };

    [Fact]
    public void Recording_normalises_question_codes_and_text()
    {
        var command = Commands.Evidence(summary: "  Nine of ten logs  ", questions: ["e3", "E3", "E1"]);
        var recorded = RecordEvidenceRules.Decide(Inspection, command, "ian.inspector", Now).Value!;
        Assert.Equal(["E3", "E1"], recorded.Content.QuestionCodes);
        Assert.Equal("Nine of ten logs", recorded.Content.Summary);
        Assert.Equal(("ian.inspector", Now, Inspection.Id), (recorded.RecordedBy, recorded.RecordedAt, recorded.InspectionId));
    }

    [Fact]
    public void The_fieldwork_window_is_inclusive()
    {
        Assert.Null(RecordEvidenceRules.Decide(Inspection, Commands.Evidence(on: Commands.FieldworkStarts), "i", Now).Refusal);
        Assert.Null(RecordEvidenceRules.Decide(Inspection, Commands.Evidence(on: Commands.FieldworkEnds), "i", Now).Refusal);
        var refusal = RecordEvidenceRules.Decide(Inspection, Commands.Evidence(on: Commands.FieldworkEnds.AddDays(1)), "i", Now).Refusal!;
        Assert.Equal(["collectedOn"], refusal.Errors!.Keys);
    }

    [Fact]
    public void Evidence_cannot_be_recorded_once_moderation_has_begun()
    {
        var moderated = new Inspection
        {
            Id = Inspection.Id, FieldworkStarts = Inspection.FieldworkStarts, FieldworkEnds = Inspection.FieldworkEnds,
            Questions = Inspection.Questions, Stage = InspectionStage.Moderation,
        };
        Assert.Equal(409, RecordEvidenceRules.Decide(moderated, Commands.Evidence(), "i", Now).Refusal!.Status);
    }

    [Fact]
    public void A_dip_sample_needs_its_sample_size()
    {
        var errors = RecordEvidenceRules.Validate(Commands.Evidence(sampleSize: null)).ToRefusal()!;
        Assert.Contains("sampleSize", errors.Errors!.Keys);
        Assert.Null(RecordEvidenceRules.Validate(Commands.Evidence(method: EvidenceMethod.Interview, sampleSize: null)).ToRefusal());
    }

    [Fact]
    public void A_resend_matches_what_was_first_recorded_even_after_an_amendment()
    {
        var command = Commands.Evidence(questions: ["E3"]);
        var first = RecordEvidenceRules.Decide(Inspection, command, "i", Now).Value!;
        var evidence = new Evidence
        {
            Id = first.EvidenceId, InspectionId = Inspection.Id, Version = 2,
            Content = first.Content with { Summary = "Amended" },
            EarlierVersions = [new EvidenceRevision(1, first.Content, "i", Now, "typo")],
        };
        Assert.Null(RecordEvidenceRules.CheckRetry(evidence, Inspection, command));
        Assert.Equal(409, RecordEvidenceRules.CheckRetry(evidence, Inspection, command with { Source = "elsewhere" })!.Status);
    }

    [Fact]
    public void An_amendment_must_change_something()
    {
        var first = RecordEvidenceRules.Decide(Inspection, Commands.Evidence(), "i", Now).Value!;
        var evidence = new Evidence { Id = first.EvidenceId, InspectionId = Inspection.Id, Version = 1, Content = first.Content };
        AmendEvidence Amend(string summary, long version) => new(first.Content.Method, first.Content.SampleSize,
            first.Content.CollectedOn, summary, first.Content.Source, first.Content.QuestionCodes, false, "recount", version);

        Assert.Contains("changes nothing", AmendEvidenceRules.Decide(evidence, Inspection, Amend(first.Content.Summary, 1), "i", Now).Refusal!.Detail);
        Assert.Equal("recount", AmendEvidenceRules.Decide(evidence, Inspection, Amend("new", 1), "i", Now).Value!.Reason);
    }
}
