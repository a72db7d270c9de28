using PeelCases.UnitTests.Support;
using PeelCases.Fieldwork;
using PeelCases.Inspections;
using PeelCases.ReferenceData;

namespace PeelCases.UnitTests;

/// <summary>Recording, amending and redacting fieldwork evidence.</summary>
public sealed class EvidenceRulesTests
{
    private static readonly InspectionHistory C = Cumbria.Inspection;
    private static readonly DateTimeOffset Now = C.RecordedAt;

    private static RecordEvidence Record(Guid? id = null, string summary = "Incident logs reviewed: THRIVE assessment recorded on most logs, with safeguarding considered.",
        EvidenceMethod method = EvidenceMethod.CaseFileReview, int? sampleSize = 40, DateOnly? on = null, params string[] questions) =>
        new(id ?? Cumbria.IncidentLogs, method, sampleSize, on ?? C.FieldworkStarts.AddDays(1), summary, "Command and control room incident logs",
            questions.Length > 0 ? questions : ["E3"]);

    private static AmendEvidence Amend(Evidence evidence, EvidenceContent content, string reason = " Recount of the logs. ") =>
        new(content.Method, content.SampleSize, content.CollectedOn, content.Summary, content.Source, content.QuestionCodes, content.Sensitive,
            reason, evidence.Version);

    // Recording.

    [Fact]
    public void Evidence_recorded_in_fieldwork_is_recorded_as_sent_by_the_inspector()
    {
        var inspection = Given.Inspection(Cumbria.InFieldwork);
        Then.Decided(RecordEvidenceRules.Decide(inspection, Record(), People.Ian, Now),
            new EvidenceRecorded(Cumbria.IncidentLogs, C.Id, C.EvidenceContent("E3"), People.Ian, Now));
    }

    [Fact]
    public void Recording_trims_the_text_and_names_each_question_once_as_the_framework_spells_it()
    {
        var inspection = Given.Inspection(Cumbria.InFieldwork);
        var recorded = Then.Decided(RecordEvidenceRules.Decide(inspection, Record(summary: "  Nine of ten logs  ", questions: ["e3", "E3", "e5"]) with { Source = " Logs " }, People.Ian, Now));
        Assert.Equal(["E3", "E5"], recorded.Content.QuestionCodes);
        Assert.Equal(("Nine of ten logs", "Logs"), (recorded.Content.Summary, recorded.Content.Source));
    }

    [Theory]
    [InlineData("Scheduled")]
    [InlineData("Planned")]
    [InlineData("InFieldwork")]
    [InlineData("InReporting")]
    public void Evidence_can_be_recorded_from_planning_until_reporting(string story) =>
        Then.Decided(RecordEvidenceRules.Decide(Given.Inspection(Stories.Of(story)), Record(), People.Ian, Now));

    [Theory]
    [InlineData("InModeration", "Moderation")]
    [InlineData("SignedOff", "HMI sign-off")]
    [InlineData("CheckOpen", "Factual accuracy check")]
    [InlineData("Published", "Published")]
    public void Evidence_can_no_longer_be_recorded_once_the_inspection_is_in_moderation(string story, string stage) =>
        Then.Refused(RecordEvidenceRules.Decide(Given.Inspection(Stories.Of(story)), Record(), People.Ian, Now), 409,
            $"Evidence can no longer be recorded: the inspection is at “{stage}”.");

    [Fact]
    public void Evidence_must_be_collected_within_the_fieldwork_window_both_ends_included()
    {
        var inspection = Given.Inspection(Cumbria.InFieldwork);
        Then.Decided(RecordEvidenceRules.Decide(inspection, Record(on: C.FieldworkStarts), People.Ian, Now));
        Then.Decided(RecordEvidenceRules.Decide(inspection, Record(on: C.FieldworkEnds), People.Ian, Now));
        Then.Invalid(RecordEvidenceRules.Decide(inspection, Record(on: C.FieldworkEnds.AddDays(1)), People.Ian, Now), "collectedOn",
            "2018-10-20 is outside the fieldwork window 2018-10-08 to 2018-10-19.");
        Then.Invalid(RecordEvidenceRules.Decide(inspection, Record(on: C.FieldworkStarts.AddDays(-1)), People.Ian, Now), "collectedOn",
            "2018-10-07 is outside");
    }

    [Fact]
    public void Evidence_can_bear_only_on_questions_in_the_inspections_scope() =>
        Then.Invalid(RecordEvidenceRules.Decide(Given.Inspection(Cumbria.InFieldwork), Record(questions: ["E3", "F1"]), People.Ian, Now),
            "questionCodes", "Question 'F1' is not in the scope of this inspection (E1, E2, E3, E4, E5).");

    [Fact]
    public void Recording_needs_an_id_chosen_by_the_client_and_a_sample_size_for_a_dip_sample()
    {
        Then.Valid(RecordEvidenceRules.Validate(Record()));
        Then.Valid(RecordEvidenceRules.Validate(Record(method: EvidenceMethod.Interview, sampleSize: null)));
        Assert.Equal("A case file review or dip sample needs its sample size (the number of files examined).",
            Then.Invalid(RecordEvidenceRules.Validate(Record(method: EvidenceMethod.CaseFileReview, sampleSize: null)), "sampleSize").Detail);
        Then.Invalid(RecordEvidenceRules.Validate(Record() with { EvidenceId = null }), "evidenceId");
        Then.Invalid(RecordEvidenceRules.Validate(Record(id: Guid.Empty)), "evidenceId");
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(10_000, true)]
    [InlineData(10_001, false)]
    public void A_sample_is_between_one_and_ten_thousand_files(int size, bool valid)
    {
        var errors = RecordEvidenceRules.Validate(Record(method: EvidenceMethod.Data, sampleSize: size));
        if (valid) Then.Valid(errors);
        else Assert.Contains("between 1 and 10000", Then.Invalid(errors, "sampleSize").Detail);
    }

    [Fact]
    public void Recording_reports_every_missing_part_of_the_content_at_once() =>
        Then.Invalid(RecordEvidenceRules.Validate(new RecordEvidence(Cumbria.IncidentLogs, null, null, null, null, null, null)),
            "method", "collectedOn", "summary", "source", "questionCodes");

    [Fact]
    public void Evidence_text_has_limits()
    {
        Then.Invalid(RecordEvidenceRules.Validate(Record() with { Source = new string('s', 501) }), "source");
        Then.Valid(RecordEvidenceRules.Validate(Record() with { Source = new string('s', 500) }));
        Then.Invalid(RecordEvidenceRules.Validate(Record(summary: new string('s', 20_001))), "summary");
        Then.Invalid(RecordEvidenceRules.Validate(Record(questions: Enumerable.Range(1, 21).Select(i => $"E{i}").ToArray())), "questionCodes");
    }

    // Resends of a recording.

    [Fact]
    public void A_resend_of_the_same_evidence_is_answered_with_the_record()
    {
        var inspection = Given.Inspection(Cumbria.InFieldwork);
        var evidence = Given.Evidence(Cumbria.IncidentLogsRecorded);
        Assert.Null(RecordEvidenceRules.CheckRetry(evidence, inspection, Record(summary: "  " + Record().Summary, questions: ["e3"])));
    }

    [Fact]
    public void A_resend_matches_what_was_first_recorded_even_after_an_amendment()
    {
        var inspection = Given.Inspection(Cumbria.InFieldwork);
        var evidence = Given.Evidence(Cumbria.IncidentLogsRecorded,
            C.EvidenceAmended(Cumbria.IncidentLogs, C.EvidenceContent("E3") with { SampleSize = 41 }, "Recount."));
        Assert.Null(RecordEvidenceRules.CheckRetry(evidence, inspection, Record()));
        Then.Refused(RecordEvidenceRules.CheckRetry(evidence, inspection, Record(sampleSize: 41)), 409);
    }

    [Fact]
    public void An_evidence_id_used_for_different_evidence_is_refused()
    {
        var inspection = Given.Inspection(Cumbria.InFieldwork);
        var evidence = Given.Evidence(Cumbria.IncidentLogsRecorded);
        Then.Refused(RecordEvidenceRules.CheckRetry(evidence, inspection, Record() with { Source = "Elsewhere" }), 409,
            $"Evidence id {Cumbria.IncidentLogs} is already used for different evidence.", "amend the existing record");
        Then.Refused(RecordEvidenceRules.CheckRetry(evidence, inspection, Record(method: EvidenceMethod.Data)), 409);
        Then.Refused(RecordEvidenceRules.CheckRetry(evidence, inspection, Record(on: C.FieldworkStarts)), 409);
        Then.Refused(RecordEvidenceRules.CheckRetry(evidence, inspection, Record(questions: ["E3", "E5"])), 409);
        Then.Refused(RecordEvidenceRules.CheckRetry(evidence, inspection, Record() with { Sensitive = true }), 409);
    }

    [Fact]
    public void An_evidence_id_used_in_another_inspection_is_refused()
    {
        var kent = Given.Inspection(Kent.Planned.Then(Kent.Inspection.FieldworkStarted()));
        var evidence = Given.Evidence(Cumbria.IncidentLogsRecorded);
        var sameContentForKent = Record(on: Kent.Inspection.FieldworkStarts.AddDays(1), questions: ["Q4"]);
        Then.Refused(RecordEvidenceRules.CheckRetry(evidence, kent, sameContentForKent), 409, "already used");
    }

    [Fact]
    public void An_evidence_id_used_in_another_inspection_is_refused_even_for_the_same_content()
    {
        // A second 2018/19 inspection with the same questions and window: the content normalises the same.
        var twin = new InspectionHistory(Guid.Parse("c0b1a000-2018-4019-8000-0000000000bb"), Cumbria.Force, Cumbria.Framework, C.FieldworkStarts, C.FieldworkEnds)
            { Questions = C.Questions };
        var twinInspection = Given.Inspection(twin.Scheduled(), twin.Scoped("E3", QuestionScope.Detailed), twin.FieldworkStarted());
        Then.Refused(RecordEvidenceRules.CheckRetry(Given.Evidence(Cumbria.IncidentLogsRecorded), twinInspection, Record()), 409, "already used");
    }

    [Fact]
    public void A_resend_after_the_inspection_moved_on_is_still_answered_with_the_record()
    {
        var inspection = Given.Inspection(Cumbria.InModeration);
        var evidence = Given.Evidence(Cumbria.IncidentLogsRecorded);
        Assert.Null(RecordEvidenceRules.CheckRetry(evidence, inspection, Record()));
    }

    // Amending.

    [Fact]
    public void An_amendment_records_the_corrected_content_and_why()
    {
        var inspection = Given.Inspection(Cumbria.InFieldwork);
        var evidence = Given.Evidence(Cumbria.IncidentLogsRecorded);
        var corrected = C.EvidenceContent("E3") with { SampleSize = 41, Summary = "Forty-one logs reviewed." };
        Then.Decided(AmendEvidenceRules.Decide(evidence, inspection, Amend(evidence, corrected with { Summary = " Forty-one logs reviewed. " }), People.Sara, Now),
            new EvidenceAmended(Cumbria.IncidentLogs, C.Id, corrected, "Recount of the logs.", People.Sara, Now));
    }

    [Fact]
    public void An_amendment_must_change_something()
    {
        var inspection = Given.Inspection(Cumbria.InFieldwork);
        var evidence = Given.Evidence(Cumbria.IncidentLogsRecorded);
        Then.Refused(AmendEvidenceRules.Decide(evidence, inspection, Amend(evidence, C.EvidenceContent("E3") with { Summary = evidence.Content.Summary + "  " }), People.Sara, Now),
            409, "The amendment changes nothing: the evidence already reads like this.");
    }

    [Fact]
    public void An_amendment_is_compared_with_the_evidence_as_it_now_reads()
    {
        var inspection = Given.Inspection(Cumbria.InFieldwork);
        var amendedOnce = C.EvidenceContent("E3") with { SampleSize = 41 };
        var evidence = Given.Evidence(Cumbria.IncidentLogsRecorded, C.EvidenceAmended(Cumbria.IncidentLogs, amendedOnce, "Recount."));
        Then.Decided(AmendEvidenceRules.Decide(evidence, inspection, Amend(evidence, C.EvidenceContent("E3")), People.Sara, Now));
        Then.Refused(AmendEvidenceRules.Decide(evidence, inspection, Amend(evidence, amendedOnce), People.Sara, Now), 409, "changes nothing");
    }

    [Fact]
    public void An_amendment_is_held_to_the_same_rules_as_a_recording()
    {
        var evidence = Given.Evidence(Cumbria.IncidentLogsRecorded);
        Then.Refused(AmendEvidenceRules.Decide(evidence, Given.Inspection(Cumbria.InModeration),
            Amend(evidence, C.EvidenceContent("E3") with { SampleSize = 41 }), People.Sara, Now), 409, "the inspection is at “Moderation”");
        Then.Invalid(AmendEvidenceRules.Decide(evidence, Given.Inspection(Cumbria.InFieldwork),
            Amend(evidence, C.EvidenceContent("E3") with { CollectedOn = C.FieldworkEnds.AddDays(1) }), People.Sara, Now), "collectedOn");
    }

    [Fact]
    public void An_amendment_needs_the_whole_content_a_reason_and_the_version_it_corrects()
    {
        var evidence = Given.Evidence(Cumbria.IncidentLogsRecorded);
        Then.Valid(AmendEvidenceRules.Validate(Amend(evidence, C.EvidenceContent("E3"))));
        Then.Invalid(AmendEvidenceRules.Validate(Amend(evidence, C.EvidenceContent("E3"), reason: " ") with { ExpectedVersion = null }),
            "reason", "expectedVersion");
        Then.Invalid(AmendEvidenceRules.Validate(Amend(evidence, C.EvidenceContent("E3"), reason: new string('r', 2_001))), "reason");
        Then.Invalid(AmendEvidenceRules.Validate(Amend(evidence, C.EvidenceContent("E3") with { SampleSize = null })), "sampleSize");
    }

    // Redacting.

    [Fact]
    public void Redaction_records_who_removed_personal_data_and_why_but_none_of_the_text()
    {
        var evidence = Given.Evidence(Cumbria.IncidentLogsRecorded, C.EvidenceAmended(Cumbria.IncidentLogs, C.EvidenceContent("E3") with { SampleSize = 41 }, "Recount."));
        Then.Decided(RedactEvidenceRules.Decide(evidence, new RedactEvidence(" Names a victim. ", evidence.Version), People.Lead, Now),
            new EvidenceRedacted(Cumbria.IncidentLogs, C.Id, "Names a victim.", People.Lead, Now));
    }

    [Fact]
    public void Evidence_is_redacted_once_until_something_is_added_and_then_again()
    {
        var evidence = Given.Evidence(Cumbria.IncidentLogsRecorded, C.EvidenceAmended(Cumbria.IncidentLogs, C.EvidenceContent("E3"), "Added DOB for Jane Doe."),
            C.EvidenceRedacted(Cumbria.IncidentLogs, "Names a victim."));
        // The document shows what the masked stored events will hold: every free-text field, the amendment's reason too.
        Assert.Equal(("[redacted]", "[redacted]"), (evidence.Content.Summary, evidence.Content.Source));
        Assert.Equal(("[redacted]", "[redacted]"), (evidence.EarlierVersions[0].Content.Summary, evidence.EarlierVersions[0].SupersededBecause));
        Assert.Equal((C.EvidenceContent("E3").Method, C.EvidenceContent("E3").SampleSize), (evidence.Content.Method, evidence.Content.SampleSize));
        var again = RedactEvidenceRules.Decide(evidence, new RedactEvidence("Again.", evidence.Version), People.Lead, Now);
        Assert.Equal((null, null, "The evidence was already redacted by lena.lead on 11 October 2018, and nothing has been added since."),
            (again.Value, again.Refusal, again.Done?.Why));

        var amended = Given.Evidence(Cumbria.IncidentLogsRecorded, C.EvidenceRedacted(Cumbria.IncidentLogs, "Names a victim."),
            C.EvidenceAmended(Cumbria.IncidentLogs, C.EvidenceContent("E3") with { Summary = "Jane Doe, born 1 May 1990." }, "Correct the name."));
        Assert.True(RedactEvidenceRules.Unredacted(amended));
        Then.Decided(RedactEvidenceRules.Decide(amended, new RedactEvidence("The amendment named her.", amended.Version), People.Lead, Now),
            new EvidenceRedacted(Cumbria.IncidentLogs, C.Id, "The amendment named her.", People.Lead, Now));
    }

    [Fact]
    public void A_redaction_needs_a_reason_and_the_version_it_redacts()
    {
        Then.Valid(RedactEvidenceRules.Validate(new RedactEvidence("Names a victim.", 1)));
        Then.Invalid(RedactEvidenceRules.Validate(new RedactEvidence(null, null)), "reason", "expectedVersion");
        Then.Invalid(RedactEvidenceRules.Validate(new RedactEvidence(new string('r', 2_001), 1)), "reason");
    }

    [Fact]
    public void Same_content_compares_every_part_of_the_evidence()
    {
        var content = C.EvidenceContent("E3");
        Assert.True(EvidenceRules.SameContent(content, content with { QuestionCodes = ["E3"] }));
        Assert.False(EvidenceRules.SameContent(content, content with { Method = EvidenceMethod.Data }));
        Assert.False(EvidenceRules.SameContent(content, content with { SampleSize = 39 }));
        Assert.False(EvidenceRules.SameContent(content, content with { CollectedOn = content.CollectedOn.AddDays(1) }));
        Assert.False(EvidenceRules.SameContent(content, content with { Summary = "Other" }));
        Assert.False(EvidenceRules.SameContent(content, content with { Source = "Other" }));
        Assert.False(EvidenceRules.SameContent(content, content with { Sensitive = true }));
        Assert.False(EvidenceRules.SameContent(content, content with { QuestionCodes = ["E3", "E5"] }));
    }
}
