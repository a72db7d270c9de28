using PeelCases.Findings;
using PeelCases.Inspections;
using PeelCases.ReferenceData;
using PeelCases.UnitTests.Support;

namespace PeelCases.UnitTests;

/// <summary>Following published areas for improvement and causes of concern beyond their inspection: status notes and the register.</summary>
public sealed class FollowUpTests
{
    private static readonly InspectionHistory C = Cumbria.Inspection;
    private static readonly Guid ConcernId = Guid.Parse("c0b1a000-2018-4019-8000-00000000f0c1");
    private static readonly Inspection Published = Given.Inspection(Cumbria.Published);
    private static readonly FindingDrafted Drafted = C.FindingDrafted(ConcernId, "E3", C.CauseOfConcern([Cumbria.IncidentLogs]));
    private static readonly DateTimeOffset Now = new(2020, 1, 10, 10, 0, 0, TimeSpan.Zero);

    private static Inspection Later(string force = "cumbria", int year = 2019) =>
        new() { Id = Guid.NewGuid(), ForceId = force, FieldworkStarts = new DateOnly(year, 10, 7), FieldworkEnds = new DateOnly(year, 10, 18) };

    [Fact]
    public void A_published_cause_of_concern_gets_dated_status_notes_from_a_later_inspection()
    {
        var finding = Given.Finding(Drafted);
        var later = Later();
        var note = Then.Decided(FollowUpRules.Decide(finding, Published, later,
            new FollowUpFinding(null, FollowUpStatus.Achieved, " Achieved in full. ", later.Id, new DateOnly(2020, 1, 9), 1), People.Lead, Now));
        Assert.Equal(new FindingFollowedUp(ConcernId, C.Id, "E3", null, FollowUpStatus.Achieved, "Achieved in full.", later.Id, new DateOnly(2020, 1, 9), People.Lead, Now), note);

        Then.Refused(FollowUpRules.Decide(finding, Given.Inspection(Cumbria.CheckOpen), null, new FollowUpFinding(null, FollowUpStatus.InProgress, "n", null, new DateOnly(2020, 1, 9), 1), People.Lead, Now), 409, "not published yet");
        Then.Refused(FollowUpRules.Decide(finding, Published, null, new FollowUpFinding(7, FollowUpStatus.InProgress, "n", null, new DateOnly(2020, 1, 9), 1), People.Lead, Now), 404);
        Then.Refused(FollowUpRules.Decide(finding, Published, null, new FollowUpFinding(null, FollowUpStatus.InProgress, "n", Guid.NewGuid(), new DateOnly(2020, 1, 9), 1), People.Lead, Now), 404);
        Then.Refused(FollowUpRules.Decide(finding, Published, Later("kent"), new FollowUpFinding(null, FollowUpStatus.InProgress, "n", Guid.NewGuid(), new DateOnly(2020, 1, 9), 1), People.Lead, Now), 409, "not a later inspection");
        Then.Refused(FollowUpRules.Decide(finding, Published, Later(year: 2017), new FollowUpFinding(null, FollowUpStatus.InProgress, "n", Guid.NewGuid(), new DateOnly(2020, 1, 9), 1), People.Lead, Now), 409);
        var signed = Later(); signed.SignedOff = new SignOffStamp("hannah.hmi", Now);
        Then.Refused(FollowUpRules.Decide(finding, Published, signed, new FollowUpFinding(null, FollowUpStatus.InProgress, "n", signed.Id, new DateOnly(2020, 1, 9), 1), People.Lead, Now), 409, "signed off");
        Then.Refused(FollowUpRules.Decide(finding, Published, null, new FollowUpFinding(null, FollowUpStatus.InProgress, "n", null, new DateOnly(2020, 1, 11), 1), People.Lead, Now), 400, "today or an earlier day");
        Then.Refused(FollowUpRules.Decide(Given.Finding(Cumbria.HelpDeskDrafted), Published, null, new FollowUpFinding(null, FollowUpStatus.InProgress, "n", null, new DateOnly(2020, 1, 9), 1), People.Lead, Now), 409, "Only published areas for improvement");
        Then.Invalid(FollowUpRules.Validate(new FollowUpFinding(null, null, null, null, null, null)), "status", "note", "effectiveOn", "expectedVersion");
        Assert.Equal("The finding has no recommendation 7.", FollowUpRules.Decide(finding, Published, null, new FollowUpFinding(7, FollowUpStatus.InProgress, "n", null, new DateOnly(2020, 1, 9), 1), People.Lead, Now).Refusal!.Detail);
        var missing = Guid.NewGuid();
        Assert.Equal($"There is no inspection {missing}.", FollowUpRules.Decide(finding, Published, null, new FollowUpFinding(null, FollowUpStatus.InProgress, "n", missing, new DateOnly(2020, 1, 9), 1), People.Lead, Now).Refusal!.Detail);
        // The same inspection, or one that started before the earlier one ended, is not a later inspection.
        var same = Later(); same.Id = Published.Id;
        Then.Refused(FollowUpRules.Decide(finding, Published, same, new FollowUpFinding(null, FollowUpStatus.InProgress, "n", same.Id, new DateOnly(2020, 1, 9), 1), People.Lead, Now), 409);
        var overlapping = new Inspection { Id = Guid.NewGuid(), ForceId = "cumbria", FieldworkStarts = Published.FieldworkEnds, FieldworkEnds = Published.FieldworkEnds.AddDays(5) };
        Then.Refused(FollowUpRules.Decide(finding, Published, overlapping, new FollowUpFinding(null, FollowUpStatus.InProgress, "n", overlapping.Id, new DateOnly(2020, 1, 9), 1), People.Lead, Now), 409);
        Assert.Equal(["effectiveOn"], FollowUpRules.Decide(finding, Published, null, new FollowUpFinding(null, FollowUpStatus.InProgress, "n", null, new DateOnly(2020, 1, 11), 1), People.Lead, Now).Refusal!.Errors!.Keys);
        Then.Decided(FollowUpRules.Decide(finding, Published, null, new FollowUpFinding(null, FollowUpStatus.InProgress, "n", null, new DateOnly(2020, 1, 10), 1), People.Lead, Now));
    }

    [Fact]
    public void The_register_holds_each_concern_and_recommendation_as_it_stood_on_any_date_and_the_next_inspection_sees_the_open_ones()
    {
        var later = Later();
        var early = new FindingFollowedUp(ConcernId, C.Id, "E3", null, FollowUpStatus.InProgress, "Under way.", null, new DateOnly(2019, 9, 1), People.Lead, Now);
        var done = new FindingFollowedUp(ConcernId, C.Id, "E3", null, FollowUpStatus.Achieved, "Achieved.", later.Id, new DateOnly(2019, 10, 10), People.Lead, Now);
        var finding = Given.Finding(Drafted, early, done);
        var question = Frameworks.Peel2018.FindQuestion("E3");

        var now = Register.Of([(finding, Published, question)], null);
        Assert.Equal(2, now.Count); // the concern and its recommendation
        Assert.Equal((FollowUpStatus.Achieved, new DateOnly(2019, 10, 10), "Achieved.", later.Id, true), (now[0].Status, now[0].StatusSince, now[0].LatestNote, now[0].RecordedIn, now[0].Closed));
        Assert.Equal(FollowUpStatus.Open, now[1].Status);
        // The recommendation falls due six months after publication; the concern itself has no deadline.
        Assert.Equal((null, C.PublishedOn.AddMonths(6)), (now[0].DueOn, now[1].DueOn));
        Assert.Equal((false, true), (now[1].OverdueOn(C.PublishedOn.AddMonths(6)), now[1].OverdueOn(C.PublishedOn.AddMonths(6).AddDays(1))));
        Assert.Equal(FollowUpStatus.InProgress, Register.Of([(finding, Published, question)], new DateOnly(2019, 9, 30))[0].Status);
        Assert.Empty(Register.Of([(finding, Published, question)], new DateOnly(2019, 1, 1))); // not yet published then

        // As recorded at a moment: the notes recorded by then, whatever day they took effect; nothing before publication.
        var recordedLater = Given.Finding(Drafted, early, done with { RecordedAt = Now.AddDays(3) });
        Assert.Equal(FollowUpStatus.InProgress, Register.Of([(recordedLater, Published, question)], null, Now.AddDays(1))[0].Status);
        Assert.Equal(FollowUpStatus.Achieved, Register.Of([(recordedLater, Published, question)], null, Now.AddDays(3))[0].Status);
        Assert.Empty(Register.Of([(recordedLater, Published, question)], null, new DateTimeOffset(2019, 1, 1, 12, 0, 0, TimeSpan.Zero)));

        later.FrameworkId = "peel-2018-19";
        later.Questions = [new InspectionQuestion("E3", QuestionScope.CarryOver)];
        var seen = Register.For(later, Frameworks.Peel2018, now);
        Assert.Equal([(null, true), (1, false)], seen.Select(e => (e.Item.RecommendationNumber, e.RecordedHere)).ToArray());
        Assert.Empty(Register.For(Later("kent"), Frameworks.Peel2018, now));
        // Not the inspection itself, nor one that started before the item was published.
        var itself = Later(); itself.Id = C.Id; itself.FrameworkId = "peel-2018-19"; itself.Questions = later.Questions;
        Assert.Empty(Register.For(itself, Frameworks.Peel2018, now));
        var earlier = Later(year: 2018); earlier.FrameworkId = "peel-2018-19"; earlier.Questions = later.Questions;
        Assert.Empty(Register.For(earlier, Frameworks.Peel2018, now));
        // A question on another lineage sees nothing; an item closed elsewhere is not shown as open.
        var other = Later(); other.FrameworkId = "peel-2018-19"; other.Questions = [new InspectionQuestion("E1", QuestionScope.Detailed)];
        Assert.Empty(Register.For(other, Frameworks.Peel2018, now));
        var elsewhere = Later(); elsewhere.FrameworkId = "peel-2018-19"; elsewhere.Questions = later.Questions;
        Assert.Equal([1], Register.For(elsewhere, Frameworks.Peel2018, now).Select(e => e.Item.RecommendationNumber ?? 0).ToArray());
    }

    [Fact]
    public void An_area_of_2023_25_looks_again_at_the_same_areas_findings_from_2021_22_though_no_judgment_stands_across_them()
    {
        var cd2021 = Frameworks.Peel2021Revised.FindQuestion("CD")!.LineageKey!;
        var cd2023 = Frameworks.Peel2023.FindQuestion("CD")!.LineageKey!;
        Assert.Contains(cd2021, LineageMappings.FollowedUpFrom(cd2023));
        Assert.DoesNotContain(LineageMappings.SourcesOf(cd2023), s => s.Lineage == cd2021); // grades are not comparable: nothing carried over
        Assert.Contains("peel-2021/area/treatment-of-the-public", LineageMappings.FollowedUpFrom(Frameworks.Peel2023.FindQuestion("PP")!.LineageKey!));
        Assert.Contains(Frameworks.Peel2023.FindQuestion("LF")!.LineageKey!, LineageMappings.FollowedUpFrom(Frameworks.Peel2025.FindQuestion("Q1")!.LineageKey!));
        Assert.DoesNotContain(cd2021, LineageMappings.FollowedUpFrom(Frameworks.Peel2023.FindQuestion("IC")!.LineageKey!)); // another area

        var area = new RegisterItem(Guid.NewGuid(), null, "cumbria", Guid.NewGuid(), "2021/22", new DateOnly(2022, 6, 1), "CD", cd2021,
            FindingKind.AreaForImprovement, "Crime recording", "The force should record crime accurately.", FollowUpStatus.Open, null, null, null, []);
        var later = Later(year: 2023); later.FrameworkId = "peel-2023-25";
        later.Questions = [new InspectionQuestion("CD", QuestionScope.Detailed), new InspectionQuestion("IC", QuestionScope.Detailed)];
        Assert.Equal("CD", Assert.Single(Register.For(later, Frameworks.Peel2023, [area])).Question);
    }

    [Fact]
    public void A_2021_22_area_looks_again_at_the_pillar_questions_items_it_took_up_and_says_why()
    {
        RegisterItem Item(string code, string lineage) => new(Guid.NewGuid(), null, "cumbria", Guid.NewGuid(), "2018/19", new DateOnly(2019, 5, 2), code, lineage,
            FindingKind.AreaForImprovement, "Area for improvement", "The force should improve.", FollowUpStatus.Open, null, null, null, []);
        var vulnerable = Item("E3", Frameworks.ProtectingVulnerable);
        var organised = Item("E4", Frameworks.SeriousOrganisedCrime);
        var investigating = Item("E2", Frameworks.InvestigatingCrime);
        var workforce = Item("L3", "legitimacy/treating-the-workforce-fairly");
        RegisterItem[] register = [vulnerable, organised, investigating, workforce];

        // The revised framework (35 forces): each item under the area that took up its subject; serious and organised crime left PEEL's areas.
        var revised = Later(year: 2022); revised.FrameworkId = "peel-2021-22";
        revised.Questions = Frameworks.Peel2021Revised.Questions.Select(q => new InspectionQuestion(q.Code, QuestionScope.Detailed)).ToList();
        var seen = Register.For(revised, Frameworks.Peel2021Revised, register);
        Assert.Equal(["IC", "MO", "PV", "PW"], seen.Select(e => e.Question).Order().ToArray());
        Assert.Equal(vulnerable.FindingId, Assert.Single(seen, e => e.Question == "PV").Item.FindingId);
        Assert.DoesNotContain(seen, e => e.Item == organised);
        var why = Assert.Single(seen, e => e.Question == "MO").Why!;
        Assert.Contains("reducing re-offending", why);
        Assert.Contains("inferred", why);

        // The first eight forces' core questions: serious and organised crime is still one of them.
        var first = Later(year: 2021); first.FrameworkId = "peel-2021-22";
        first.Questions = [new InspectionQuestion("Q6", QuestionScope.Detailed), new InspectionQuestion("Q8", QuestionScope.Detailed), new InspectionQuestion("Q9", QuestionScope.Detailed)];
        Assert.Equal([("Q6", vulnerable), ("Q8", organised), ("Q9", workforce)], Register.For(first, Frameworks.Peel2021, register).Select(e => (e.Question, e.Item)).ToArray());

        // No judgment stands across them, and an item on the question's own lineage needs no reason.
        Assert.DoesNotContain(LineageMappings.SourcesOf(Frameworks.Peel2021Revised.FindQuestion("PV")!.LineageKey!), s => s.Lineage == Frameworks.ProtectingVulnerable);
        var same = Later(); same.FrameworkId = "peel-2018-19"; same.Questions = [new InspectionQuestion("E3", QuestionScope.Detailed)];
        Assert.Null(Assert.Single(Register.For(same, Frameworks.Peel2018, register)).Why);
    }

    [Fact]
    public void A_2023_25_area_looks_again_at_what_2021_22_asked_under_other_names()
    {
        string Lineage(AssessmentFramework f, string code) => f.FindQuestion(code)!.LineageKey!;
        Assert.Contains(Lineage(Frameworks.Peel2021Revised, "PW"), LineageMappings.FollowedUpFrom(Lineage(Frameworks.Peel2023, "WF")));
        Assert.Contains(Lineage(Frameworks.Peel2021Revised, "UR"), LineageMappings.FollowedUpFrom(Lineage(Frameworks.Peel2023, "LF")));
        Assert.Contains(Lineage(Frameworks.Peel2021, "Q8"), LineageMappings.FollowedUpFrom(Lineage(Frameworks.Peel2023, "SO")));
        Assert.Contains(Lineage(Frameworks.Peel2021, "Q1"), LineageMappings.FollowedUpFrom(Lineage(Frameworks.Peel2023, "CD")));
        // One cycle back: 2023–25 looks at what 2021/22 published, which looked at the pillars' items in its turn; but serious and
        // organised crime, outside PEEL's areas in the revised 2021/22, is looked at again from the pillars' question.
        Assert.DoesNotContain(Frameworks.ProtectingVulnerable, LineageMappings.FollowedUpFrom(Lineage(Frameworks.Peel2023, "PV")));
        Assert.Contains(Frameworks.SeriousOrganisedCrime, LineageMappings.FollowedUpFrom(Lineage(Frameworks.Peel2023, "SO")));
        // 2016 and 2017's efficiency questions, under their own lineages, are taken up by use of resources too.
        Assert.Superset(new HashSet<string> { Frameworks.UnderstandingDemand, Frameworks.UsingResources, Frameworks.PlanningForFutureDemand, "efficiency/meeting-demand" },
            LineageMappings.FollowedUpFrom(Lineage(Frameworks.Peel2021Revised, "UR")).ToHashSet());
        Assert.Null(LineageMappings.WhyFollowedUp(Frameworks.ProtectingVulnerable, Frameworks.ProtectingVulnerable));
        Assert.Contains("leadership and force management", LineageMappings.WhyFollowedUp(Lineage(Frameworks.Peel2021Revised, "UR"), Lineage(Frameworks.Peel2023, "LF")));
    }

    [Fact]
    public void A_recommendation_falls_due_on_its_date_within_its_months_of_publication_or_at_once()
    {
        var published = new DateOnly(2019, 5, 2);
        Assert.Equal(published, new RecommendationDeadline(DeadlineKind.Immediately).DueOn(published));
        Assert.Equal(new DateOnly(2019, 11, 2), new RecommendationDeadline(DeadlineKind.WithinMonths, Months: 6).DueOn(published));
        Assert.Equal(new DateOnly(2019, 9, 30), new RecommendationDeadline(DeadlineKind.ByDate, Date: new DateOnly(2019, 9, 30)).DueOn(published));
    }

    [Fact]
    public void A_recommendation_discharged_on_its_card_is_achieved_in_the_register_and_no_later_inspection_looks_at_it_again()
    {
        var discharged = new RecommendationStatusChanged(ConcernId, C.Id, 1, RecommendationStatus.Discharged, "Plan complete.", new DateOnly(2019, 9, 1), People.Lead, Now);
        var finding = Given.Finding(Drafted, discharged);
        var question = Frameworks.Peel2018.FindQuestion("E3");

        var recommendation = Register.Of([(finding, Published, question)], null).Single(i => i.RecommendationNumber == 1);
        Assert.Equal((FollowUpStatus.Achieved, new DateOnly(2019, 9, 1), "Discharged: Plan complete.", true),
            (recommendation.Status, recommendation.StatusSince, recommendation.LatestNote, recommendation.Closed));
        Assert.False(recommendation.OverdueOn(new DateOnly(2030, 1, 1))); // met: never overdue
        Assert.Equal(FollowUpStatus.Open, Register.Of([(finding, Published, question)], new DateOnly(2019, 8, 31)).Single(i => i.RecommendationNumber == 1).Status);
        Assert.Equal(FollowUpStatus.Open, Register.Of([(finding, Published, question)], null).Single(i => i.RecommendationNumber is null).Status); // the concern itself

        var later = Later(); later.FrameworkId = "peel-2018-19"; later.Questions = [new InspectionQuestion("E3", QuestionScope.CarryOver)];
        Assert.Equal([(int?)null], Register.For(later, Frameworks.Peel2018, Register.Of([(finding, Published, question)], null)).Select(e => e.Item.RecommendationNumber));

        Assert.Equal((FollowUpStatus.Addressed, "No further action needed."),
            (Register.Monitored(discharged with { Status = RecommendationStatus.NoFurtherActionNeeded, Note = null }) is var m ? (m.Status, m.Note) : default));
        Assert.Equal(FollowUpStatus.InProgress, Register.Monitored(discharged with { Status = RecommendationStatus.AwaitingReview }).Status);
        Assert.Equal(FollowUpStatus.InProgress, Register.Monitored(discharged with { Status = RecommendationStatus.InProgress }).Status);
        Assert.Equal(FollowUpStatus.Open, Register.Monitored(discharged with { Status = RecommendationStatus.Open }).Status);
    }

    [Fact]
    public void A_cause_of_concern_is_accelerated_in_fieldwork_and_published_once_before_the_report()
    {
        var finding = Given.Finding(Drafted);
        var inFieldwork = Given.Inspection(Cumbria.InFieldwork);
        var raisedAt = new DateTimeOffset(2018, 10, 10, 9, 0, 0, TimeSpan.Zero);
        var raised = Then.Decided(AccelerationRules.Raise(finding, inFieldwork, new AccelerateCauseOfConcern(" Risk to public safety. ", 1), People.Lead, raisedAt));
        Assert.Equal(new CauseOfConcernAccelerated(ConcernId, C.Id, "E3", "Risk to public safety.", People.Lead, raisedAt), raised);
        Then.Refused(AccelerationRules.Raise(finding, Given.Inspection(Cumbria.InReporting), new AccelerateCauseOfConcern("r", 1), People.Lead, raisedAt), 409, "during fieldwork");
        Then.Refused(AccelerationRules.Raise(Given.Finding(Cumbria.HelpDeskDrafted), inFieldwork, new AccelerateCauseOfConcern("r", 1), People.Lead, raisedAt), 409, "Only a standing cause of concern");
        Then.Refused(AccelerationRules.Publish(finding, inFieldwork, new PublishAcceleratedCauseOfConcern(new DateOnly(2018, 10, 11), 1), People.Hmi, raisedAt.AddDays(1)), 409, "not been raised");

        var accelerated = Given.Finding(Drafted, raised);
        Assert.Equal("lena.lead raised it for acceleration on 10 October 2018.", AccelerationRules.Raise(accelerated, inFieldwork, new AccelerateCauseOfConcern("r", 2), People.Lead, raisedAt).Done?.Why);
        var withdrawn = Given.Finding(Drafted, raised, new FindingWithdrawn(ConcernId, C.Id, "E3", "Merged.", People.Lead, raisedAt));
        Then.Refused(AccelerationRules.Publish(withdrawn, inFieldwork, new PublishAcceleratedCauseOfConcern(new DateOnly(2018, 10, 11), 3), People.Hmi, raisedAt.AddDays(1)), 409, "withdrawn");
        var at = raisedAt.AddDays(2);
        Assert.Equal(["publishedOn"], AccelerationRules.Publish(accelerated, inFieldwork, new PublishAcceleratedCauseOfConcern(new DateOnly(2018, 10, 9), 2), People.Hmi, at).Refusal!.Errors!.Keys);
        Then.Decided(AccelerationRules.Publish(accelerated, inFieldwork, new PublishAcceleratedCauseOfConcern(new DateOnly(2018, 10, 10), 2), People.Hmi, at));
        Then.Refused(AccelerationRules.Publish(accelerated, inFieldwork, new PublishAcceleratedCauseOfConcern(new DateOnly(2018, 10, 13), 2), People.Hmi, at), 400);
        Then.Refused(AccelerationRules.Publish(accelerated, Published, new PublishAcceleratedCauseOfConcern(new DateOnly(2018, 10, 12), 2), People.Hmi, at), 409, "report is published");
        var published = Then.Decided(AccelerationRules.Publish(accelerated, inFieldwork, new PublishAcceleratedCauseOfConcern(new DateOnly(2018, 10, 12), 2), People.Hmi, at));
        var done = Given.Finding(Drafted, raised, published);
        Assert.Equal((new DateOnly(2018, 10, 12), People.Hmi), (done.Accelerated!.PublishedOn, done.Accelerated.PublishedBy));
        Assert.NotNull(AccelerationRules.Publish(done, inFieldwork, new PublishAcceleratedCauseOfConcern(new DateOnly(2018, 10, 12), 3), People.Hmi, at).Done);
        // In the register from its own publication, though its inspection is not published.
        Assert.Equal(new DateOnly(2018, 10, 12), Register.Of([(done, inFieldwork, null)], null)[0].PublishedOn);
        Then.Invalid(AccelerationRules.Validate(new AccelerateCauseOfConcern(null, null)), "reason", "expectedVersion");
        Then.Invalid(AccelerationRules.Validate(new PublishAcceleratedCauseOfConcern(null, null)), "publishedOn", "expectedVersion");
    }
}
