using System.Collections;
using System.Reflection;
using System.Text.Json;
using PeelCases.Audit;
using PeelCases.Fieldwork;
using PeelCases.Findings;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;
using PeelCases.Reporting;
using PeelCases.UnitTests.Support;

namespace PeelCases.UnitTests;

/// <summary>
/// No internal text on a public page: every string field of every event that is neither marked
/// <see cref="PublicTextAttribute"/> nor a code gets a marker planted in it, the published record is
/// folded and rendered as HTML, Markdown and JSON, and no marker may appear. New fields are covered
/// without anyone listing them; a field that must be public says so with the attribute.
/// </summary>
public sealed class PublicPageTests
{
    private static readonly InspectionHistory C = Cumbria.Inspection;
    private static readonly Guid Afi = Guid.Parse("c0b1a000-2018-4019-8000-00000000f0a1");
    private static readonly Guid Concern = Guid.Parse("c0b1a000-2018-4019-8000-00000000f0c1");

    private sealed class Planter
    {
        public int Planted;

        public object Mark(object e)
        {
            var clone = JsonSerializer.Deserialize(JsonSerializer.Serialize(e, e.GetType()), e.GetType())!;
            Walk(clone, e.GetType().Name);
            return clone;
        }

        private void Walk(object target, string path)
        {
            foreach (var p in target.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            {
                var value = p.GetValue(target);
                if (p.PropertyType == typeof(string))
                {
                    if (p.CanWrite && value is not null && p.GetCustomAttribute<PublicTextAttribute>() is null && !TextFields.Codes.Contains(p.Name))
                    {
                        p.SetValue(target, $"MARKER[{path}.{p.Name}]");
                        Planted++;
                    }
                }
                else if (value is IEnumerable items and not string && !TextFields.Codes.Contains(p.Name))
                {
                    foreach (var item in items) if (item is not null && IsRecord(item.GetType())) Walk(item, $"{path}.{p.Name}[]");
                }
                else if (value is not null && IsRecord(p.PropertyType)) Walk(value, $"{path}.{p.Name}");
            }
        }

        private static bool IsRecord(Type t) => t.Namespace?.StartsWith("PeelCases", StringComparison.Ordinal) == true && t.IsClass;
    }

    [Fact]
    public async Task No_internal_field_of_any_event_reaches_a_public_page_in_any_format()
    {
        var planter = new Planter();
        object[] Marked(params object[] events) => events.Select(planter.Mark).ToArray();

        var inspection = Given.Inspection(Marked(Cumbria.Published.Then(
            new LineOfEnquirySet(C.Id, "E3", 1, "Are repeat victims flagged?", EnquiryBasis.ForceManagementStatement, People.Lead, C.SubmittedAt),
            new LineOfEnquiryConcluded(C.Id, "E3", 1, EnquiryOutcome.Answered, "Yes, on every call.", People.Ian, C.SubmittedAt))));
        var evidence = Given.Evidence(Marked(Cumbria.IncidentLogsRecorded,
            C.EvidenceAmended(Cumbria.IncidentLogs, C.EvidenceContent("E3") with { SampleSize = 41 }, "Recount.")));
        var cited = new[] { Cumbria.IncidentLogs };
        var findings = new[]
        {
            Given.Finding(Marked(Cumbria.HelpDeskDrafted)),
            Given.Finding(Marked(C.FindingDrafted(Afi, "E3", C.Strength(cited) with { Kind = FindingKind.AreaForImprovement, Heading = "Risk assessments",
                Text = "The constabulary should make sure every risk assessment is reviewed." }),
                C.FindingRevised(Afi, "E3", C.Strength(cited) with { Kind = FindingKind.AreaForImprovement, Heading = "Risk assessments",
                    Text = "The constabulary should review every risk assessment within a day." }, "Tighter wording."))),
            Given.Finding(Marked(C.FindingDrafted(Concern, "E3", C.CauseOfConcern(cited)),
                C.RecommendationStatusChanged(Concern, 1, RecommendationStatus.InProgress))),
        };
        var state = new RecordState(inspection, [evidence], findings);
        var page = ReportPages.Build(state, Cumbria.Force, Cumbria.Framework, Cumbria.Framework.Pillars.Single(p => p.Code == Cumbria.Effectiveness),
            Frameworks.All.ToDictionary(f => f.Key), inspection.Publications[0], inspection.Publications);

        var formats = new[]
        {
            await HtmlReport.RenderAsync(page),
            MarkdownReport.Render(page),
            JsonSerializer.Serialize(page),
        };
        Assert.True(planter.Planted > 40, $"Only {planter.Planted} internal fields were marked: the walk missed the events' text.");
        Assert.All(formats, f => Assert.DoesNotContain("MARKER[", f));
        // What was written for the public is there: the summaries, the findings, the recommendations.
        Assert.All(formats, f => Assert.Contains("Cumbria Constabulary is good at protecting vulnerable people.", f));
        Assert.All(formats, f => Assert.Contains("review every risk assessment within a day", f));
        Assert.All(formats, f => Assert.Contains("assess every referral within 24 hours", f));
    }

    [Fact]
    public void Areas_for_improvement_and_causes_of_concern_are_shown_under_their_labels_with_the_recommendations_lead_in()
    {
        var cited = new[] { Cumbria.IncidentLogs };
        var state = new RecordState(Given.Inspection(Cumbria.Published), [Given.Evidence(Cumbria.IncidentLogsRecorded)],
        [
            Given.Finding(C.FindingDrafted(Afi, "E3", C.Strength(cited) with { Kind = FindingKind.AreaForImprovement, Text = "The constabulary should review risk assessments." })),
            Given.Finding(C.FindingDrafted(Concern, "E3", C.CauseOfConcern(cited, InspectionHistory.Recommendation(1),
                new Recommendation(2, "Recruit more investigators.", new RecommendationDeadline(DeadlineKind.Immediately), RecommendationStatus.Open)))),
        ]);
        var inspection = state.Inspection!;
        var page = ReportPages.Build(state, Cumbria.Force, Cumbria.Framework, Cumbria.Framework.Pillars[0], Frameworks.All.ToDictionary(f => f.Key),
            inspection.Publications[0], inspection.Publications);
        var markdown = MarkdownReport.Render(page);

        var e3 = page.Questions.Single(q => q.Number == 3);
        Assert.Equal(["The constabulary should review risk assessments."], e3.AreasForImprovement);
        var concern = Assert.Single(e3.CausesOfConcern!);
        Assert.Equal(["We recommend that within 6 months the force should:", "We recommend that the force should immediately:"],
            concern.Recommendations.Select(r => r.LeadIn));
        Assert.Contains("#### Areas for improvement\n\n- The constabulary should review risk assessments.", markdown);
        Assert.Contains("#### Cause of concern", markdown);
        Assert.DoesNotContain("Versions", markdown);
    }

    [Fact]
    public void Each_cycle_words_its_pages_as_its_layout_says_2017_with_its_own_carried_over_sentence_and_no_generated_lines()
    {
        var inspection = Given.Inspection(Cumbria.Published2017);
        var framework = Frameworks.All.Single(f => f.Key == AssessmentFramework.KeyOf(inspection.FrameworkId, inspection.FrameworkVersion));
        var page = ReportPages.Build(new RecordState(inspection, [], []), Cumbria.Force, framework, framework.Pillars.Single(p => p.Code == Cumbria.Effectiveness),
            Frameworks.All.ToDictionary(f => f.Key), inspection.Publications[0], inspection.Publications);

        Assert.Equal("This question was not inspected in 2017. The grade and findings from last year’s inspection still stand.",
            page.Questions.Single(q => q.Number == 1).CarriedOverSentence);
        Assert.Empty(page.EarlierJudgments);
        Assert.Null(page.Questions.Single(q => q.Number == 2).Introduction);
        Assert.NotNull(ReportLayouts.For("2017").Unconfirmed);
        Assert.True(ReportLayouts.For("2018/19").EarlierJudgmentLines);
    }

    [Fact]
    public void An_accelerated_cause_of_concern_says_where_it_stands_from_its_own_latest_follow_up_in_effect_never_its_note()
    {
        var cited = new[] { Cumbria.IncidentLogs };
        var published = new DateOnly(2018, 10, 12);
        FindingFollowedUp Note(int? recommendation, FollowUpStatus status, DateOnly on, Guid? laterInspection = null, int minutes = 0) =>
            new(Concern, C.Id, "E3", recommendation, status, $"Internal note {status}.", laterInspection, on, People.Lead, C.SubmittedAt.AddMinutes(minutes));
        var finding = Given.Finding(C.FindingDrafted(Concern, "E3", C.CauseOfConcern(cited)),
            new CauseOfConcernAccelerated(Concern, C.Id, "E3", "A risk to public safety.", People.Lead, C.SubmittedAt),
            new AcceleratedCauseOfConcernPublished(Concern, C.Id, "E3", published, People.Hmi, C.SubmittedAt),
            Note(null, FollowUpStatus.InProgress, new DateOnly(2018, 11, 1)),
            Note(null, FollowUpStatus.Addressed, new DateOnly(2018, 12, 1), minutes: 1),
            Note(null, FollowUpStatus.Withdrawn, new DateOnly(2018, 12, 1), minutes: 2), // the same day, recorded later: it stands
            Note(1, FollowUpStatus.Achieved, new DateOnly(2018, 12, 5)), // a recommendation's, not the cause of concern's
            Note(null, FollowUpStatus.Achieved, new DateOnly(2019, 1, 1)), // not yet in effect on the day below
            Note(null, FollowUpStatus.Superseded, new DateOnly(2018, 12, 10), Later)); // recorded in a later inspection

        Assert.Null(AcceleratedConcernPage.Of(Cumbria.Force, finding, new DateOnly(2018, 10, 31)).Standing);
        var page = AcceleratedConcernPage.Of(Cumbria.Force, finding, new DateOnly(2018, 12, 31));
        Assert.Equal(new ReportStatus("This no longer applies.", new DateOnly(2018, 12, 1)), page.Standing);
        Assert.Contains("Where it stands: This no longer applies. (from 01/12/2018)", page.ToMarkdown());
        Assert.DoesNotContain("Internal note", page.ToMarkdown());
        // The later inspection's follow-up counts once its report is published.
        Assert.Equal(new ReportStatus("This has been superseded.", new DateOnly(2018, 12, 10)),
            AcceleratedConcernPage.Of(Cumbria.Force, finding, new DateOnly(2018, 12, 31), new HashSet<Guid> { Later }).Standing);
    }

    private static readonly Guid Later = Guid.NewGuid();
}
