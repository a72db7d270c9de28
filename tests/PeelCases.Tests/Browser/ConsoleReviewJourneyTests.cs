using Microsoft.Playwright;
using PeelCases.Findings;
using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.ReferenceData;
using PeelCases.Tests.Support;

namespace PeelCases.Tests.Browser;

/// <summary>
/// The console's review steps around a grade and a published report: the team disputes a carried-over judgment and the
/// moderator decides it, the draft checks are dismissed before sign-off, a recommendation is followed up after
/// publication. Each refused first (nothing recorded), then done, each event by the person who did it.
/// </summary>
public sealed class ConsoleReviewJourneyTests(AppFixture app) : ConsoleTestBase(app)
{
    [Fact]
    public async Task The_lead_disputes_a_carried_over_judgment_and_the_moderator_decides_it_in_the_console()
    {
        await BuildAsync("cumbria", "peel-2016", "2016", 2016, new QuestionPlan("E1", QuestionScope.Detailed, Grade.Good));
        var view = await BuildAsync("cumbria", "peel-2017", "2017", 2017, new("E1", QuestionScope.CarryOver), new("E2", QuestionScope.Detailed));
        Assert.Equal(QuestionStage.CarriedOver, view.Questions.Single(q => q.Code == "E1").Stage);
        var question = $"/console/inspections/{view.Id}/questions/E1";
        await using var browser = await Support.Browser.LaunchAsync();

        var moderator = await SignInAsync(browser, TestUser.Moderator);
        await moderator.GoAsync(question);
        Assert.Equal(0, await moderator.Page.GetByRole(AriaRole.Button, new() { Name = "Dispute the carried-over judgment (E1)" }).CountAsync()); // the team's

        var lead = await SignInAsync(browser, TestUser.Lead);
        await lead.GoAsync(question);
        var page = lead.Page;
        await page.GetByLabel("Dispute the carried-over judgment (E1): the grade the team intends").SelectOptionAsync(new SelectOptionValue { Label = "Requires improvement" });
        await SubmitAsync(page, "Dispute the carried-over judgment (E1)");
        Assert.Equal(1, await page.Locator(".govuk-error-summary a[href='#DisputeCarriedOverJudgment-E1-reason']").CountAsync());
        Assert.DoesNotContain(await EventsOf(view.Id), e => e.Data is CarriedOverJudgmentDisputed);
        await AssertAccessibleAsync(lead, "question-carry-over-dispute-refused", 400);
        const string why = "Call handling has declined since 2016: a third of calls are abandoned.";
        await page.GetByLabel("Why the earlier judgment no longer stands (the moderator reads it)").FillAsync(why);
        await SubmitAsync(page, "Dispute the carried-over judgment (E1)");
        Assert.Equal("Dispute the carried-over judgment: done.", await NoticeAsync(page));
        var summary = await page.Locator(".govuk-summary-list").First.InnerTextAsync();
        Assert.Contains("The team disputes the judgment carried over from 2016 (Good) and proposes Requires improvement; the moderator chooses between them.", summary);
        Assert.Contains($"Why the team disputes it\t{why}", summary);
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Dispute the carried-over judgment (E1)" }).CountAsync()); // once only

        // The moderator chooses the team's grade, and must say why.
        await moderator.GoAsync(question);
        await moderator.Page.GetByLabel("Moderate the grade (E1)").SelectOptionAsync(new SelectOptionValue { Label = "Requires improvement" });
        await SubmitAsync(moderator.Page, "Moderate the grade (E1)");
        Assert.Equal(1, await moderator.Page.Locator(".govuk-error-summary a[href='#ModerateGrade-E1-reason']").CountAsync());
        await moderator.Page.GetByLabel("Reason (required when you change the grade)").FillAsync("The 2018 call data supports the team.");
        await SubmitAsync(moderator.Page, "Moderate the grade (E1)");
        Assert.Equal("Moderate the grade: done.", await NoticeAsync(moderator.Page));
        Assert.DoesNotContain("the moderator chooses between them", await moderator.Page.Locator(".govuk-summary-list").First.InnerTextAsync());

        var events = await EventsOf(view.Id);
        var disputed = Assert.Single(events, e => e.Data is CarriedOverJudgmentDisputed);
        Assert.Equal((Grade.RequiresImprovement, why, Grade.Good, TestUser.Lead.Id),
            (((CarriedOverJudgmentDisputed)disputed.Data).IntendedGrade, ((CarriedOverJudgmentDisputed)disputed.Data).Reason, ((CarriedOverJudgmentDisputed)disputed.Data).From.Grade, disputed.UserName));
        var moderated = Assert.Single(events, e => e.Data is Moderation.GradeModerated);
        Assert.Equal((Grade.RequiresImprovement, TestUser.Moderator.Id), (((Moderation.GradeModerated)moderated.Data).ModeratedGrade, moderated.UserName));
        Assert.All(lead.ConsoleErrors.Concat(moderator.ConsoleErrors), e => Assert.Matches(@"status of 400\b", e));
    }

    [Fact]
    public async Task A_summary_that_disagrees_with_the_grade_is_flagged_dismissed_with_a_reason_and_then_the_HMI_signs_off_in_the_console()
    {
        var view = await BuildAsync("cumbria", "peel-2021-22", "2021/22", 2021, new QuestionPlan("Q4", QuestionScope.Detailed, Grade.Good));
        view = await Step(view, "questions/Q4/summary", new WriteQuestionSummary("The force is outstanding at answering calls for service.", view.QuestionVersion("Q4")), TestUser.Lead);
        view = await Step(view, "hmi-observations", new HmiSignOff.WriteHmiObservations("The force answers calls well.", view.Version), TestUser.Hmi);
        var flag = Assert.Single((await Get<DraftCheckView>($"/inspections/{view.Id}/draft-checks", TestUser.Lead)).Flags);
        var inspection = $"/console/inspections/{view.Id}";
        await using var browser = await Support.Browser.LaunchAsync();

        // Sign-off waits, naming the statement and what the record says, in words a console user acts on.
        var hmi = await SignInAsync(browser, TestUser.Hmi);
        await hmi.GoAsync(inspection);
        await SubmitAsync(hmi.Page, "Sign off the inspection");
        var refusal = await hmi.Page.Locator(".govuk-error-summary").InnerTextAsync();
        Assert.True(refusal.Contains($"{flag.Element} says \"is outstanding\" (Question Q4 is graded Good.)"), refusal);
        Assert.DoesNotContain("POST", refusal);
        var card = hmi.Page.Locator($"#flag-{flag.Id}");
        Assert.Equal("Open", (await card.Locator(".moj-badge").TextContentAsync())!.Trim());
        Assert.Contains("The record says\tQuestion Q4 is graded Good.", await card.InnerTextAsync());
        Assert.Equal(0, await card.Locator("form").CountAsync()); // the lead's or the moderator's to dismiss

        var lead = await SignInAsync(browser, TestUser.Lead);
        await lead.GoAsync(inspection);
        card = lead.Page.Locator($"#flag-{flag.Id}");
        await SendAsync(card);
        Assert.Equal(1, await lead.Page.Locator($".govuk-error-summary a[href='#DismissDraftFlag-{flag.Id}-reason']").CountAsync());
        Assert.DoesNotContain(await EventsOf(view.Id), e => e.Data is DraftFlagDismissed);
        await AssertAccessibleAsync(lead, "inspection-draft-check-refused", 400);
        const string reason = "HM Inspector's wording: call answering is outstanding, the question as a whole good.";
        await card.GetByLabel("Why the text is right (kept with the dismissal)").FillAsync(reason);
        await SendAsync(card);
        Assert.Equal("Dismiss the flag: done.", await NoticeAsync(lead.Page));
        Assert.Contains($"Dismissed\tby {TestUser.Lead.Id} on", await card.InnerTextAsync());
        Assert.Contains(reason, await card.InnerTextAsync());
        Assert.Equal(0, await card.Locator("form").CountAsync());
        Assert.Equal("Dismissed", (await card.Locator(".moj-badge").TextContentAsync())!.Trim());

        await hmi.GoAsync(inspection);
        await SubmitAsync(hmi.Page, "Sign off the inspection");
        Assert.Equal("Sign off the inspection: done.", await NoticeAsync(hmi.Page));
        var dismissed = Assert.Single(await EventsOf(view.Id), e => e.Data is DraftFlagDismissed);
        Assert.Equal((flag.Id, reason, TestUser.Lead.Id), (((DraftFlagDismissed)dismissed.Data).FlagId, ((DraftFlagDismissed)dismissed.Data).Reason, dismissed.UserName));
        Assert.All(lead.ConsoleErrors.Concat(hmi.ConsoleErrors), e => Assert.Matches(@"status of (400|409)\b", e));
    }

    [Fact]
    public async Task After_publication_the_lead_records_that_a_recommendation_was_discharged_in_the_console()
    {
        var (view, concern) = await PublishedWithCauseOfConcernAsync();
        var question = $"/console/inspections/{view.Id}/questions/Q4";
        await using var browser = await Support.Browser.LaunchAsync();

        var moderator = await SignInAsync(browser, TestUser.Moderator);
        await moderator.GoAsync(question);
        Assert.Equal(0, await moderator.Page.Locator("form[action$='/actions/ChangeRecommendationStatus']").CountAsync()); // the lead's

        var lead = await SignInAsync(browser, TestUser.Lead);
        await lead.GoAsync(question);
        var page = lead.Page;
        var form = await OpenItemFormAsync(page, "ChangeRecommendationStatus", concern.Id);
        await form.GetByLabel("New status").SelectOptionAsync(new SelectOptionValue { Label = "Discharged" });
        await SendAsync(form);
        Assert.Equal(1, await page.Locator($".govuk-error-summary a[href='#ChangeRecommendationStatus-{concern.Id}-effectiveOn']").CountAsync());
        // The field in words, as the form names it, not as the API does (effectiveOn).
        Assert.Equal("The date it took effect is required.", (await page.Locator($".govuk-error-summary a[href='#ChangeRecommendationStatus-{concern.Id}-effectiveOn']").InnerTextAsync()).Trim());
        Assert.Equal("Discharged", await form.GetByLabel("New status").InputValueAsync()); // given back as chosen
        Assert.Empty((await FindingAsync(concern.Id)).RecommendationHistory);
        await AssertAccessibleAsync(lead, "question-recommendation-status-refused", 400);
        await form.GetByLabel("The date it took effect (YYYY-MM-DD)").FillAsync("3/4/2026");
        await form.GetByLabel("Note (optional; kept with the status)").FillAsync("The force's audit shows THRIVE on every log.");
        await SendAsync(form);
        Assert.Equal("Change a recommendation’s status: done.", await NoticeAsync(page));
        var main = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Act now. (immediately; discharged)", main);
        Assert.Contains($"Discharged from 3 April 2026, recorded by {TestUser.Lead.Id}: The force's audit shows THRIVE on every log.", main);

        var changed = Assert.Single((await FindingAsync(concern.Id)).RecommendationHistory);
        Assert.Equal((1, RecommendationStatus.Discharged, new DateOnly(2026, 4, 3), TestUser.Lead.Id), (changed.RecommendationNumber, changed.Status, changed.EffectiveOn, changed.ChangedBy));

        // A follow-up on the cause of concern as a whole: refused without its date, then recorded and listed in the card.
        var followUp = await OpenItemFormAsync(page, "FollowUpFinding", concern.Id);
        await followUp.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "In progress" });
        await followUp.GetByLabel("What was found").FillAsync("The force has trained half of its call handlers.");
        await SendAsync(followUp);
        Assert.Equal(1, await page.Locator($".govuk-error-summary a[href='#FollowUpFinding-{concern.Id}-effectiveOn']").CountAsync());
        Assert.Empty((await FindingAsync(concern.Id)).FollowUps);
        var today = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);
        await followUp.GetByLabel("From (YYYY-MM-DD), today or earlier").FillAsync(today.ToString("yyyy-MM-dd"));
        await SendAsync(followUp);
        Assert.Equal("Record a follow-up: done.", await NoticeAsync(page));
        Assert.Contains($"In progress from {today:d MMMM yyyy}, recorded by {TestUser.Lead.Id}: The force has trained half of its call handlers.",
            await page.Locator("main").InnerTextAsync());
        var recorded = Assert.Single((await FindingAsync(concern.Id)).FollowUps);
        Assert.Equal((null, FollowUpStatus.InProgress, today, TestUser.Lead.Id), (recorded.RecommendationNumber, recorded.Status, recorded.EffectiveOn, recorded.RecordedBy));

        // The register agrees with the card: the discharged recommendation is achieved there, and gone from the force's open items.
        var item = (await Get<List<RegisterItem>>($"/forces/{view.ForceId}/register", TestUser.Lead)).Single(i => i.FindingId == concern.Id && i.RecommendationNumber == 1);
        Assert.Equal((FollowUpStatus.Achieved, new DateOnly(2026, 4, 3), "Discharged: The force's audit shows THRIVE on every log."), (item.Status, item.StatusSince, item.LatestNote));
        await lead.GoAsync($"/console/forces/{view.ForceId}");
        main = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("Recommendation 1 of the cause of concern", main);
        Assert.Contains($"Cause of concern: {concern.Content.Heading}", main);
        Assert.All(lead.ConsoleErrors, e => Assert.Matches(@"status of 400\b", e));
    }

    [Fact]
    public async Task A_later_inspection_looks_at_an_earlier_cause_of_concern_again_and_the_lead_records_where_its_recommendation_stands()
    {
        // Durham's 2016 and 2017 efficiency pages imported for Northumbria (no other test's force): 2017's F3 a cause of
        // concern with one recommendation; 2018/19's F2 is the question that replaced F3.
        var pages = Integration.ImportTests.Durham();
        await Post<Import.ImportReport>("/history/imports",
            pages with { Inspections = pages.Inspections!.Take(2).Select(i => i with { ForceId = "northumbria" }).ToList() }, new TestUser("ada.admin", [Kernel.Roles.Administrator]));
        var concern = Assert.Single(await Get<List<RegisterItem>>("/forces/northumbria/register", TestUser.Lead), i => i is { Kind: FindingKind.CauseOfConcern, RecommendationNumber: null });
        var later = await BuildAsync("northumbria", "peel-2018-19", "2018/19", 2018, new QuestionPlan("F2", QuestionScope.CarryOver));
        var question = $"/console/inspections/{later.Id}/questions/F2";
        await using var browser = await Support.Browser.LaunchAsync();

        var moderator = await SignInAsync(browser, TestUser.Moderator);
        await moderator.GoAsync(question);
        var shown = await moderator.Page.Locator($"[data-earlier-finding='{concern.FindingId}']").InnerTextAsync();
        Assert.Contains("From the 2017 report, published 9 November 2017", shown);
        Assert.Contains("Recommendation 1: Act within six months.", shown);
        // Published under 2017's F3, which F2 replaced: the card says why it is looked at here.
        Assert.Contains("Why it is looked at here: The same question under a new wording", shown);
        Assert.Equal(0, await moderator.Page.Locator("form[action$='/actions/FollowUpEarlierFinding']").CountAsync()); // the lead's

        var lead = await SignInAsync(browser, TestUser.Lead);
        await lead.GoAsync(question);
        var page = lead.Page;
        var form = await OpenItemFormAsync(page, "FollowUpEarlierFinding", concern.FindingId);
        await form.GetByLabel("About").SelectOptionAsync(new SelectOptionValue { Label = "Recommendation 1: Act within six months." });
        await form.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Achieved" });
        await form.GetByLabel("What was found").FillAsync("The force's plan is complete and audited.");
        var today = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);
        await form.GetByLabel("From (YYYY-MM-DD), today or earlier").FillAsync(today.AddDays(1).ToString("yyyy-MM-dd"));
        await SendAsync(form);
        Assert.Equal(1, await page.Locator($".govuk-error-summary a[href='#FollowUpEarlierFinding-{concern.FindingId}-effectiveOn']").CountAsync());
        Assert.Equal("Achieved", await form.GetByLabel("Status").InputValueAsync()); // given back as chosen
        Assert.Empty((await Get<Finding>($"/inspections/{concern.InspectionId}/findings/{concern.FindingId}", TestUser.Lead)).FollowUps);
        await AssertAccessibleAsync(lead, "question-earlier-finding-refused", 400);

        await form.GetByLabel("From (YYYY-MM-DD), today or earlier").FillAsync(today.ToString("yyyy-MM-dd"));
        App.Clock.Advance(TimeSpan.FromMinutes(1)); // recorded after the later inspection's last version
        await SendAsync(form);
        Assert.Equal("Record where it stands now: done.", await NoticeAsync(page));
        Assert.StartsWith("F2, Northumbria Police 2018/19", await page.TitleAsync()); // back on the later inspection's question
        Assert.Contains($"Since {today:d MMMM yyyy}, recorded in this inspection: The force's plan is complete and audited.",
            await page.Locator($"[data-earlier-finding='{concern.FindingId}']").InnerTextAsync());

        // As the question stood at that version, before the note: still open, and no form to change it.
        await lead.GoAsync($"{question}?version={later.Version}");
        var then = await page.Locator($"[data-earlier-finding='{concern.FindingId}']").InnerTextAsync();
        Assert.DoesNotContain("recorded in this inspection", then);
        Assert.DoesNotContain("Achieved", then);
        Assert.Contains("with the notes recorded by then", await page.Locator("main").InnerTextAsync());
        Assert.Equal(0, await page.Locator("form[action$='/actions/FollowUpEarlierFinding']").CountAsync());

        // The inspection page counts what each question looks at again: the cause of concern and its recommendation.
        await lead.GoAsync($"/console/inspections/{later.Id}");
        Assert.Contains("2, 1 given a status here", await page.Locator("table", new() { HasText = "Earlier findings looked at again" }).Locator("tr", new() { HasText = "F2" }).InnerTextAsync());

        // Recorded on the earlier finding's own stream, naming the later inspection it was made in.
        var recorded = Assert.Single((await Get<Finding>($"/inspections/{concern.InspectionId}/findings/{concern.FindingId}", TestUser.Lead)).FollowUps);
        Assert.Equal((1, FollowUpStatus.Achieved, today, later.Id, TestUser.Lead.Id),
            (recorded.RecommendationNumber, recorded.Status, recorded.EffectiveOn, recorded.RecordedInInspection, recorded.RecordedBy));
        Assert.True(Assert.Single(await Get<List<EarlierFinding>>($"/inspections/{later.Id}/earlier-findings", TestUser.Lead), e => e.Item.RecommendationNumber == 1).RecordedHere);
        Assert.All(lead.ConsoleErrors, e => Assert.Matches(@"status of 400\b", e));
    }

    [Fact]
    public async Task A_form_that_lost_what_it_is_for_is_refused_with_404_and_records_nothing()
    {
        var (view, concern) = await PublishedWithCauseOfConcernAsync();
        await using var browser = await Support.Browser.LaunchAsync();
        var lead = await SignInAsync(browser, TestUser.Lead);
        await lead.GoAsync($"/console/inspections/{view.Id}/questions/Q4");
        var form = await OpenItemFormAsync(lead.Page, "ChangeRecommendationStatus", concern.Id);
        // As a tampered post would: the recommendation's number, part of the operation's route, is gone.
        await form.Locator("select[name=number]").EvaluateAsync("select => select.remove()");
        await form.GetByLabel("New status").SelectOptionAsync(new SelectOptionValue { Label = "Discharged" });
        await form.GetByLabel("The date it took effect (YYYY-MM-DD)").FillAsync("2026-04-03");
        await SendAsync(form);
        Assert.Contains("The form did not say which number it is for.", await lead.Page.Locator(".govuk-error-summary").InnerTextAsync());
        Assert.Empty((await FindingAsync(concern.Id)).RecommendationHistory);
        Assert.All(lead.ConsoleErrors, e => Assert.Matches(@"status of 404\b", e));
    }

    [Fact]
    public async Task The_lead_raises_a_cause_of_concern_for_acceleration_and_the_HMI_publishes_it_ahead_of_the_report_in_the_console()
    {
        var (view, _, concern) = await InFieldworkAsync("Call handlers used THRIVE on 9 of 10 logs reviewed.", (inspection, evidence) =>
            DraftAsync(inspection, "E3", evidence, FindingKind.CauseOfConcern, "Children missing from home",
                [new RecommendationInput("The force should review every missing child report within 24 hours.", new RecommendationDeadline(DeadlineKind.Immediately))]));
        var question = $"/console/inspections/{view.Id}/questions/E3";
        await using var browser = await Support.Browser.LaunchAsync();

        var lead = await SignInAsync(browser, TestUser.Lead);
        await lead.GoAsync(question);
        var page = lead.Page;
        var raise = await OpenItemFormAsync(page, "AccelerateCauseOfConcern", concern.Id);
        await SendAsync(raise);
        Assert.Equal(1, await page.Locator($".govuk-error-summary a[href='#AccelerateCauseOfConcern-{concern.Id}-reason']").CountAsync());
        Assert.Null((await FindingAsync(concern.Id)).Accelerated);
        await AssertAccessibleAsync(lead, "question-acceleration-refused", 400);
        const string reason = "Children reported missing are not risk assessed: this cannot wait for the report.";
        await raise.GetByLabel("Why it cannot wait for the report (internal, never published)").FillAsync(reason);
        await SendAsync(raise);
        Assert.Equal("Raise it for acceleration: done.", await NoticeAsync(page));
        Assert.Contains("Awaiting the HMI's review.", await page.Locator("main").InnerTextAsync());
        Assert.Equal(0, await raise.CountAsync()); // raised once
        Assert.Equal(0, await page.Locator("form[action$='/actions/PublishAcceleratedCauseOfConcern']").CountAsync()); // the HMI's

        var hmi = await SignInAsync(browser, TestUser.Hmi);
        await hmi.GoAsync(question);
        var publish = await OpenItemFormAsync(hmi.Page, "PublishAcceleratedCauseOfConcern", concern.Id);
        var today = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);
        await publish.GetByLabel("Publication date (YYYY-MM-DD), from the day it was raised to today").FillAsync(today.ToString("yyyy-MM-dd"));
        await SendAsync(publish);
        Assert.Equal("Publish the accelerated cause of concern: done.", await NoticeAsync(hmi.Page));
        Assert.Contains($"Published on {today:d MMMM yyyy} by {TestUser.Hmi.Id}.", await hmi.Page.Locator("main").InnerTextAsync());

        var finding = await FindingAsync(concern.Id);
        Assert.Equal((reason, TestUser.Lead.Id, today, TestUser.Hmi.Id),
            (finding.Accelerated!.Reason, finding.Accelerated.RaisedBy, finding.Accelerated.PublishedOn, finding.Accelerated.PublishedBy));
        // The public page carries the cause of concern, never the internal reason it was raised.
        var published = await App.Host.Scenario(s => s.Get.Url($"/reports/{view.ForceId}/accelerated/{concern.Id}"));
        var text = published.ReadAsText();
        Assert.Contains("Children missing from home", text);
        Assert.DoesNotContain("cannot wait for the report", text);

        // Published, it stays published: not withdrawn (no form; the API says why), but followed up before the report.
        await lead.GoAsync(question);
        Assert.Equal(0, await lead.Page.Locator("form[action$='/actions/WithdrawFinding']").CountAsync());
        var withdrawal = await Problem(HttpMethod.Post, $"/inspections/{view.Id}/findings/{concern.Id}/withdrawal",
            new WithdrawFinding("Not a concern after all.", finding.Version), TestUser.Lead, 409);
        Assert.Contains("its published words stand", withdrawal.Detail);
        Assert.False((await FindingAsync(concern.Id)).Withdrawn);
        var standing = await OpenItemFormAsync(lead.Page, "FollowUpAcceleratedConcern", concern.Id);
        await standing.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Withdrawn" });
        await standing.GetByLabel("From (YYYY-MM-DD), today or earlier").FillAsync(today.ToString("yyyy-MM-dd"));
        await standing.GetByLabel("What was found").FillAsync("The missing-person unit now risk assesses every report: internal note.");
        await SendAsync(standing);
        Assert.Equal("Record where it stands: done.", await NoticeAsync(lead.Page));
        text = (await App.Host.Scenario(s => s.Get.Url($"/reports/{view.ForceId}/accelerated/{concern.Id}").Accepts("text/markdown"))).ReadAsText();
        Assert.Contains($"Where it stands: This no longer applies. (from {today:dd/MM/yyyy})", text);
        Assert.Contains("Children missing from home", text);
        Assert.DoesNotContain("internal note", text);
        Assert.All(lead.ConsoleErrors.Concat(hmi.ConsoleErrors), e => Assert.Matches(@"status of 400\b", e));
    }

    [Fact]
    public async Task The_lead_removes_personal_data_from_evidence_a_finding_and_the_questions_text_in_the_console_and_the_stored_history_keeps_none()
    {
        const string person = "Mrs Jane Example of 12 High Street";
        var (view, evidence, finding) = await InFieldworkAsync($"The call from {person} was not risk assessed.", (inspection, cited) =>
            DraftAsync(inspection, "E3", cited, FindingKind.AreaForImprovement, $"Repeat calls from {person}"));
        var question = $"/console/inspections/{view.Id}/questions/E3";
        await using var browser = await Support.Browser.LaunchAsync();

        var ian = await SignInAsync(browser, TestUser.Inspector);
        await ian.GoAsync(question);
        Assert.Equal(0, await ian.Page.Locator("form[action$='/actions/RedactEvidence'], form[action$='/actions/RedactFinding']").CountAsync()); // the lead's or an administrator's

        var lead = await SignInAsync(browser, TestUser.Lead);
        await lead.GoAsync(question);
        var page = lead.Page;
        var redactEvidence = await OpenItemFormAsync(page, "RedactEvidence", evidence.Id);
        Assert.Contains("It cannot be undone.", await redactEvidence.InnerTextAsync());
        await SendAsync(redactEvidence);
        Assert.Equal(1, await page.Locator($".govuk-error-summary a[href='#RedactEvidence-{evidence.Id}-reason']").CountAsync());
        Assert.Contains(person, await page.Locator("main").InnerTextAsync()); // nothing removed
        await AssertAccessibleAsync(lead, "question-redaction-refused", 400);
        const string why = "A caller's name and address, recorded by mistake (request 2026-114).";
        await redactEvidence.GetByLabel("Why (kept with the redaction: say whose data and why, not the data itself)").FillAsync(why);
        await SendAsync(redactEvidence);
        Assert.Equal("Remove personal data: done.", await NoticeAsync(page));

        var redactFinding = await OpenItemFormAsync(page, "RedactFinding", finding.Id);
        await redactFinding.GetByLabel("Why (kept with the redaction: say whose data and why, not the data itself)").FillAsync(why);
        await SendAsync(redactFinding);
        Assert.Equal("Remove personal data: done.", await NoticeAsync(page));

        // The question's own text: QA returned the findings naming her.
        view = await CompleteFieldworkAsync(await View(view.Id));
        view = await Step(view, "questions/E3/qa-submission", new InspectionStep(view.QuestionVersion("E3")), TestUser.Inspector);
        await QaAsync(view, "E3", QualityAssurance.QaOutcome.Return, $"The log for {person} needs a second look.");
        await lead.GoAsync(question);
        Assert.Contains(person, await page.Locator(".govuk-summary-list").First.InnerTextAsync());
        await page.Locator("form[action$='/actions/RedactQuestionText']").GetByLabel("Why (kept with the redaction: say whose data and why, not the data itself)").FillAsync(why);
        await SubmitAsync(page, "Remove personal data from the question’s text (E3)");
        Assert.Equal("Remove personal data from the question’s text: done.", await NoticeAsync(page));

        var main = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain(person, main);
        Assert.Contains("[redacted]", main);
        Assert.Contains($"Personal data removed by {TestUser.Lead.Id} on", main);
        Assert.EndsWith($": {why}", (await page.Locator("[data-question-redacted]").InnerTextAsync()).Trim()); // the question's own stamp, with why
        // Nor does the stored history: every event of the three streams, as stored.
        foreach (var stream in new[] { evidence.Id, finding.Id, view.Id })
            Assert.All(await EventsOf(stream), e => Assert.DoesNotContain("Jane Example", System.Text.Json.JsonSerializer.Serialize(e.Data, e.Data.GetType())));
        Assert.All(lead.ConsoleErrors, e => Assert.Matches(@"status of 400\b", e));
    }

    [Fact]
    public async Task An_HMI_moves_a_force_to_Engage_on_its_page_naming_the_cause_of_concern_and_the_plans_due_date()
    {
        var (view, concern) = await PublishedWithCauseOfConcernAsync();
        await using var browser = await Support.Browser.LaunchAsync();

        // From the inspection to its force: every force starts at Scan; the lead inspector may read but not move it.
        var lead = await SignInAsync(browser, TestUser.Lead);
        await lead.GoAsync($"/console/inspections/{view.Id}");
        await lead.Page.GetByRole(AriaRole.Link, new() { NameRegex = new("^The force:") }).ClickAsync();
        await lead.Page.WaitForLoadStateAsync();
        Assert.EndsWith("/console/forces/cumbria", lead.Page.Url);
        // The stage is a badge, which the stylesheet sets in capitals.
        Assert.Contains("Stage\tScan (every force starts there)", await lead.Page.Locator(".govuk-summary-list").First.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"Cause of concern: {concern.Content.Heading}", await lead.Page.Locator("main").InnerTextAsync()); // the open register
        // Its recommendation, to act immediately, fell due the day the report was published: today, so not overdue yet.
        var recommendation = await lead.Page.Locator("tr", new() { HasText = $"Recommendation 1 of the cause of concern “{concern.Content.Heading}”" }).First.InnerTextAsync();
        Assert.Contains(DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime).ToString("d MMMM yyyy"), recommendation);
        Assert.DoesNotContain("Overdue", recommendation);
        Assert.Equal(0, await lead.Page.Locator("form[action$='/actions/ChangeMonitoringStage']").CountAsync()); // an HMI's

        var hmi = await SignInAsync(browser, TestUser.Hmi);
        await hmi.GoAsync("/console/forces/cumbria");
        var page = hmi.Page;
        await page.GetByLabel("Engage: the force is not managing, mitigating or eradicating a cause of concern").CheckAsync();
        await page.GetByLabel("Why (the force reads it)").FillAsync("The force has not acted on its cause of concern about call handling.");
        await page.GetByLabel($"2021/22: {concern.Content.Heading}").CheckAsync();
        await SubmitAsync(page, "Move the force");
        Assert.Equal(1, await page.Locator(".govuk-error-summary a[href='#ChangeMonitoringStage-cumbria-improvementPlanDue']").CountAsync());
        Assert.True(await page.GetByLabel($"2021/22: {concern.Content.Heading}").IsCheckedAsync()); // given back as ticked
        Assert.Empty(await EventsOf(PeelCases.Monitoring.MonitoringStreams.For("cumbria")));
        await AssertAccessibleAsync(hmi, "force-move-refused", 400);
        var due = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime).AddMonths(3);
        await page.GetByLabel("For Engage: the improvement plan is due on (YYYY-MM-DD), after today").FillAsync(due.ToString("yyyy-MM-dd"));
        await SubmitAsync(page, "Move the force");
        Assert.Equal("Move the force: done.", await NoticeAsync(page));
        var monitoring = await page.Locator(".govuk-summary-list").First.InnerTextAsync();
        Assert.Contains("Stage\tEngage since", monitoring, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"Improvement plan due\t{due:d MMMM yyyy}", monitoring);
        Assert.Contains("Causes of concern that led there", monitoring);
        Assert.Contains($"2021/22: {concern.Content.Heading}", monitoring);
        Assert.Contains($"Scan to Engage\t{TestUser.Hmi.Id}", await page.Locator("table", new() { HasText = "Every move" }).InnerTextAsync());

        var moved = Assert.Single(await EventsOf(PeelCases.Monitoring.MonitoringStreams.For("cumbria")));
        var changed = (PeelCases.Monitoring.ForceMonitoringStageChanged)moved.Data;
        Assert.Equal((PeelCases.Monitoring.MonitoringStage.Engage, due, TestUser.Hmi.Id), (changed.Stage, changed.ImprovementPlanDue, moved.UserName));
        Assert.Equal([concern.Id], changed.CausesOfConcern);

        // The forces page, from the navigation: filtered to Engage, the force with its plan's due date and its open cause of concern.
        await page.Locator(".govuk-service-navigation").GetByRole(AriaRole.Link, new() { Name = "Forces", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.Equal(43, await page.Locator("tr[data-force]").CountAsync());
        await page.GetByLabel("Monitoring").SelectOptionAsync(new SelectOptionValue { Label = "Engage" });
        await SubmitAsync(page, "Apply filters");
        var engaged = page.Locator("tr[data-force]");
        Assert.Equal(1, await engaged.CountAsync());
        var row = await engaged.InnerTextAsync();
        Assert.Contains("Cumbria Constabulary", row);
        Assert.Contains($"Improvement plan due {due:d MMMM yyyy}", row);
        var open = (await Get<List<RegisterItem>>("/forces/cumbria/register", TestUser.Hmi)).Count(i => i is { Closed: false, Kind: FindingKind.CauseOfConcern, RecommendationNumber: null });
        Assert.True(open >= 1); // this one, and any another test left open
        Assert.Equal(open.ToString(), (await engaged.Locator("td").Nth(3).InnerTextAsync()).Trim());
        await AssertAccessibleAsync(hmi, "forces-engage", 400); // the refused move above is the one error logged
        await page.GetByLabel("Monitoring").SelectOptionAsync(new SelectOptionValue { Label = "Scan" });
        await SubmitAsync(page, "Apply filters");
        Assert.Equal(0, await page.Locator("tr[data-force='cumbria']").CountAsync());

        // The force sends its improvement plan: the HMI records it on the force's page. A day after today is refused, and
        // what was typed comes back to that form only.
        await hmi.GoAsync("/console/forces/cumbria");
        var today = Kernel.UkTime.Today(App.Clock.GetUtcNow());
        const string commits = "Forty more call handlers and a weekly audit of risk assessments.";
        await page.GetByLabel("Received on (YYYY-MM-DD), on or after the move to Engage and not after today").FillAsync(today.AddDays(1).ToString("yyyy-MM-dd"));
        await page.GetByLabel("What the plan commits the force to").FillAsync(commits);
        await page.GetByLabel("Where the plan is held (optional)").FillAsync("Cumbria Constabulary improvement plan v1");
        await SubmitAsync(page, "Record the improvement plan");
        Assert.Equal(1, await page.Locator(".govuk-error-summary a[href='#RecordImprovementPlan-cumbria-receivedOn']").CountAsync());
        Assert.Equal(commits, await page.GetByLabel("What the plan commits the force to").InputValueAsync());
        Assert.Equal("", await page.GetByLabel("Why (the force reads it)").InputValueAsync()); // not the move's form
        Assert.Single(await EventsOf(PeelCases.Monitoring.MonitoringStreams.For("cumbria")));
        await AssertAccessibleAsync(hmi, "force-plan-refused", 400);
        await page.GetByLabel("Received on (YYYY-MM-DD), on or after the move to Engage and not after today").FillAsync(today.ToString("yyyy-MM-dd"));
        await SubmitAsync(page, "Record the improvement plan");
        Assert.Equal("Record the improvement plan: done.", await NoticeAsync(page));
        monitoring = await page.Locator(".govuk-summary-list").First.InnerTextAsync();
        Assert.Contains($"Improvement plan received\t{today:d MMMM yyyy} (recorded by {TestUser.Hmi.Id}); held as Cumbria Constabulary improvement plan v1", monitoring);
        Assert.Contains(commits, monitoring);
        var plan = (PeelCases.Monitoring.ImprovementPlanReceived)(await EventsOf(PeelCases.Monitoring.MonitoringStreams.For("cumbria")))[1].Data;
        Assert.Equal((today, commits, TestUser.Hmi.Id), (plan.ReceivedOn, plan.Summary, plan.RecordedBy));
        await page.Locator(".govuk-service-navigation").GetByRole(AriaRole.Link, new() { Name = "Forces", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.Contains($"Improvement plan received {today:d MMMM yyyy}", await page.Locator("tr[data-force='cumbria']").InnerTextAsync());
        Assert.All(hmi.ConsoleErrors, e => Assert.Matches(@"status of 400\b", e));

        // Personal data in the record: the lead inspector, who may redact but not move the force, removes the words.
        await lead.GoAsync("/console/forces/cumbria");
        Assert.Equal(0, await lead.Page.Locator("form[action$='/actions/RecordImprovementPlan']").CountAsync()); // an HMI's
        var redact = lead.Page.Locator("form[action$='/actions/RedactMonitoring']");
        await lead.Page.Locator("details", new() { Has = redact }).Locator("summary").ClickAsync();
        await redact.GetByLabel("Why (kept with the redaction: say whose data and why, not the data itself)").FillAsync("The plan names a victim.");
        await SubmitAsync(lead.Page, "Remove personal data from the monitoring record");
        Assert.Equal("Remove personal data from the monitoring record: done.", await NoticeAsync(lead.Page));
        var after = await lead.Page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain(commits, after);
        Assert.DoesNotContain("improvement plan v1", after); // where the plan is held, too
        Assert.Equal(0, await lead.Page.Locator("form[action$='/actions/RedactMonitoring']").CountAsync()); // nothing left to remove
        Assert.DoesNotContain("The force has not acted on its cause of concern", after);
        Assert.Contains($"Personal data removed by {TestUser.Lead.Id} on", await lead.Page.Locator("[data-monitoring-redacted]").InnerTextAsync());
        Assert.Contains("Scan to Engage", await lead.Page.Locator("table", new() { HasText = "Every move" }).InnerTextAsync()); // the move stays
        await AssertAccessibleAsync(lead, "force-redacted");
    }

    [Fact]
    public async Task The_lead_changes_the_team_and_the_tranche_in_the_console()
    {
        // Nina is on another inspection's team (of a force no other test schedules), so the service knows her name.
        await ScheduleAsync(Commands.Schedule(force: "lincolnshire", questions: ["E3"]) with { Team = ["nina.inspector"] });
        var view = await ScheduleAsync(Commands.Schedule(questions: ["E3"]));
        var inspection = $"/console/inspections/{view.Id}";
        await using var browser = await Support.Browser.LaunchAsync();
        var lead = await SignInAsync(browser, TestUser.Lead);
        await lead.GoAsync(inspection);
        var page = lead.Page;

        // Each member but the lead inspector may be ticked off; the names known from other teams are suggested to join.
        var team = page.Locator("form[action$='/actions/ChangeTeam']");
        Assert.Equal(["ian.inspector", "sara.inspector"], await team.Locator("input[name=leave]").EvaluateAllAsync<string[]>("boxes => boxes.map(b => b.value)"));
        var suggested = await team.Locator("datalist option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)");
        Assert.Contains("nina.inspector", suggested);
        Assert.DoesNotContain("ian.inspector", suggested); // on this team already

        // Nothing changed: refused with the service's words, nothing recorded.
        await SubmitAsync(page, "Change the team");
        Assert.Contains("The team already looks like that.", await page.Locator(".govuk-error-summary").InnerTextAsync());
        Assert.DoesNotContain(await EventsOf(view.Id), e => e.Data is InspectionTeamChanged);
        await AssertAccessibleAsync(lead, "inspection-team-refused", 409);
        await team.GetByLabel("Add to the team").FillAsync("nina.inspector");
        await team.GetByLabel("sara.inspector").CheckAsync();
        await SubmitAsync(page, "Change the team");
        Assert.Equal("Change the team: done.", await NoticeAsync(page));
        Assert.Contains("Team\tlena.lead, ian.inspector, nina.inspector", await page.Locator(".govuk-summary-list").First.InnerTextAsync());

        await page.GetByLabel("Tranche", new() { Exact = true }).FillAsync("Tranche 2");
        await page.GetByLabel("Publication batch (optional)").FillAsync("3");
        await SubmitAsync(page, "Assign the tranche");
        Assert.Equal("Assign the tranche: done.", await NoticeAsync(page));
        Assert.Contains("Tranche\tTranche 2, publication batch 3", await page.Locator(".govuk-summary-list").First.InnerTextAsync());
        Assert.Equal("Tranche 2", await page.GetByLabel("Tranche", new() { Exact = true }).InputValueAsync()); // offered as it stands

        var events = await EventsOf(view.Id);
        var changed = Assert.Single(events, e => e.Data is InspectionTeamChanged);
        Assert.Equal(["nina.inspector"], ((InspectionTeamChanged)changed.Data).Joined);
        Assert.Equal(["sara.inspector"], ((InspectionTeamChanged)changed.Data).Left);
        Assert.Equal(TestUser.Lead.Id, changed.UserName);
        Assert.Equal(TestUser.Lead.Id, Assert.Single(events, e => e.Data is InspectionTrancheAssigned).UserName);
        Assert.All(lead.ConsoleErrors, e => Assert.Matches(@"status of 409\b", e));
    }

    [Fact]
    public async Task A_QA_reviewer_takes_a_question_the_board_names_them_and_an_inspector_cannot_hand_it_on()
    {
        var view = await ScheduleAsync(Commands.Schedule(force: "leicestershire", questions: ["E3"]));
        view = await StartFieldworkAsync(await ScopeAsync(view, "E3", QuestionScope.Detailed));
        var evidence = await RecordAsync(view.Id, Commands.Evidence(questions: ["E3"]));
        await DraftAsync(view.Id, "E3", evidence.Id);
        view = await CompleteFieldworkAsync(await View(view.Id));
        view = await Step(view, "questions/E3/qa-submission", new InspectionStep(view.QuestionVersion("E3")), TestUser.Inspector);
        var question = $"/console/inspections/{view.Id}/questions/E3";
        await using var browser = await Support.Browser.LaunchAsync();

        // Refused first: only the lead inspector hands a question on; nothing recorded, the name given back.
        var ian = await SignInAsync(browser, TestUser.Inspector);
        await ian.GoAsync(question);
        await ian.Page.GetByLabel("Who holds the question (E3)").FillAsync("quinn.qa");
        await SubmitAsync(ian.Page, "Take or hand on the question (E3)");
        Assert.Contains("Only the inspection's lead inspector (lena.lead) or a QA reviewer hands question E3 on", await ian.Page.Locator(".govuk-error-summary").InnerTextAsync());
        Assert.Equal("quinn.qa", await ian.Page.GetByLabel("Who holds the question (E3)").InputValueAsync());
        Assert.DoesNotContain(await EventsOf(view.Id), e => e.Data is QuestionHandedTo);
        await AssertAccessibleAsync(ian, "question-holder-refused", 403);

        var qa = await SignInAsync(browser, TestUser.QaReviewer);
        await qa.GoAsync(question);
        await SubmitAsync(qa.Page, "Take or hand on the question (E3)");
        Assert.Equal("Take or hand on the question: done.", await NoticeAsync(qa.Page));
        var held = await qa.Page.Locator("[data-holder]").InnerTextAsync();
        Assert.StartsWith("quinn.qa since ", held);
        Assert.EndsWith("(took it)", held);
        Assert.Equal(TestUser.QaReviewer.Id, Assert.Single(await EventsOf(view.Id), e => e.Data is QuestionHandedTo).UserName);

        // The board names the person, and finds their work.
        await qa.GoAsync("/console/board?holder=quinn.qa");
        Assert.Contains("quinn.qa", await qa.Page.Locator("tbody tr", new() { HasText = "Leicestershire" }).First.InnerTextAsync());
        // Let go when the question moves on.
        await QaAsync(await View(view.Id), "E3", QualityAssurance.QaOutcome.Accept);
        Assert.Null((await View(view.Id)).Questions.Single().Holder);
        Assert.All(ian.ConsoleErrors, e => Assert.Matches(@"status of 403\b", e));
    }

    [Fact]
    public async Task The_HMI_takes_the_sign_off_the_board_names_them_and_an_inspector_cannot_hand_it_on()
    {
        var view = await SummariseAsync(await BuildAsync("derbyshire", "peel-2021-22", "2021/22", 2021, new QuestionPlan("Q4", QuestionScope.Detailed, Grade.Good)));
        Assert.Equal(InspectionStage.SignOff, view.Stage);
        var page = $"/console/inspections/{view.Id}";
        await using var browser = await Support.Browser.LaunchAsync();

        // Refused first: only the lead inspector or an HMI hands the sign-off on; nothing recorded, the name given back.
        var ian = await SignInAsync(browser, TestUser.Inspector);
        await ian.GoAsync(page);
        await ian.Page.GetByLabel("Who holds the inspection").FillAsync(TestUser.Hmi.Id);
        await SubmitAsync(ian.Page, "Take or hand on the inspection");
        Assert.Contains("Only the inspection's lead inspector (lena.lead) or an HM Inspector hands the inspection on at “HMI sign-off”",
            await ian.Page.Locator(".govuk-error-summary").InnerTextAsync());
        Assert.Equal(TestUser.Hmi.Id, await ian.Page.GetByLabel("Who holds the inspection").InputValueAsync());
        Assert.DoesNotContain(await EventsOf(view.Id), e => e.Data is InspectionHandedTo);
        await AssertAccessibleAsync(ian, "inspection-holder-refused", 403);

        var hmi = await SignInAsync(browser, TestUser.Hmi);
        await hmi.GoAsync(page);
        await SubmitAsync(hmi.Page, "Take or hand on the inspection");
        Assert.Equal("Take or hand on the inspection: done.", await NoticeAsync(hmi.Page));
        var held = await hmi.Page.Locator("[data-holder]").InnerTextAsync();
        Assert.StartsWith($"{TestUser.Hmi.Id} since ", held);
        Assert.EndsWith("(took it)", held);
        Assert.Equal(TestUser.Hmi.Id, Assert.Single(await EventsOf(view.Id), e => e.Data is InspectionHandedTo).UserName);

        // The board names the HMI, and finds the sign-offs they hold; signed off, they let go.
        await hmi.GoAsync($"/console/board?holder={TestUser.Hmi.Id}");
        Assert.Contains(TestUser.Hmi.Id, await hmi.Page.Locator("tbody tr", new() { HasText = "Derbyshire" }).First.InnerTextAsync());
        view = await Step(await View(view.Id), "sign-off", new InspectionStep((await View(view.Id)).Version), TestUser.Hmi);
        Assert.Null(view.Holder);
        Assert.All(ian.ConsoleErrors, e => Assert.Matches(@"status of 403\b", e));
    }

    [Fact]
    public async Task The_lead_sets_a_line_of_enquiry_in_planning_and_the_findings_go_to_QA_only_once_the_team_has_concluded_it()
    {
        var view = await ScopeAsync(await ScheduleAsync(Commands.Schedule(force: "staffordshire", questions: ["E3"])), "E3", QuestionScope.Detailed);
        var question = $"/console/inspections/{view.Id}/questions/E3";
        await using var browser = await Support.Browser.LaunchAsync();
        var lead = await SignInAsync(browser, TestUser.Lead);
        await lead.GoAsync(question);

        // Refused first: a line needs its words and what prompted it; nothing recorded, what was chosen given back.
        await lead.Page.GetByLabel("What prompted it").SelectOptionAsync(new SelectOptionValue { Label = "The force management statement" });
        await SubmitAsync(lead.Page, "Set a line of enquiry (E3)");
        Assert.Equal(1, await lead.Page.Locator($".govuk-error-summary a[href='#SetLineOfEnquiry-E3-enquiry']").CountAsync());
        Assert.Equal("ForceManagementStatement", await lead.Page.GetByLabel("What prompted it").InputValueAsync());
        Assert.DoesNotContain(await EventsOf(view.Id), e => e.Data is LineOfEnquirySet);
        await AssertAccessibleAsync(lead, "line-of-enquiry-refused", 400);

        const string enquiry = "The force management statement says repeat victims are flagged on every call: are they?";
        await lead.Page.GetByLabel("Set a line of enquiry (E3): what fieldwork should find out").FillAsync(enquiry);
        await SubmitAsync(lead.Page, "Set a line of enquiry (E3)");
        Assert.Equal("Set a line of enquiry: done.", await NoticeAsync(lead.Page));
        var line = await lead.Page.Locator("[data-line='1']").InnerTextAsync();
        Assert.Contains(enquiry, line);
        Assert.Contains("Open", line);
        Assert.Contains("From the force management statement; set by lena.lead", line);

        // The lead corrects its words under the line, the form holding them as they stand: refused without a reason (linked
        // to its field, what was typed kept, nothing recorded), then the corrected words stand with who corrected them and
        // why; the earlier words stay in the history.
        const string corrected = "The force management statement says repeat victims are flagged on every call: are they, in both control rooms?";
        await lead.Page.Locator("[data-line='1'] summary").ClickAsync();
        var revise = lead.Page.Locator("[data-line='1'] form[action$='/actions/ReviseLineOfEnquiry']");
        var words = revise.GetByLabel("The corrected words: what fieldwork should find out");
        Assert.Equal((enquiry, "ForceManagementStatement"), (await words.InputValueAsync(), await revise.GetByLabel("What prompted it").InputValueAsync()));
        await words.FillAsync(corrected);
        await revise.GetByRole(AriaRole.Button).ClickAsync();
        await lead.Page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal(1, await lead.Page.Locator(".govuk-error-summary a[href='#ReviseLineOfEnquiry-E3-line-1-reason']").CountAsync());
        Assert.DoesNotContain(await EventsOf(view.Id), e => e.Data is LineOfEnquiryRevised);
        Assert.Equal(corrected, await words.InputValueAsync()); // open again, with what was typed
        await revise.GetByLabel("Why the words are corrected").FillAsync("Two control rooms take the calls.");
        await revise.GetByRole(AriaRole.Button).ClickAsync();
        await lead.Page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal("Correct a line of enquiry: done.", await NoticeAsync(lead.Page));
        line = await lead.Page.Locator("[data-line='1']").InnerTextAsync();
        Assert.Contains(corrected, line);
        Assert.Contains("Words corrected by lena.lead", line);
        Assert.Contains("Two control rooms take the calls.", (await lead.Page.Locator("[data-line-revised='1']").InnerTextAsync()));
        Assert.Equal(enquiry, ((LineOfEnquirySet)Assert.Single(await EventsOf(view.Id), e => e.Data is LineOfEnquirySet).Data).Enquiry); // kept as set
        await lead.GoAsync($"/console/inspections/{view.Id}");
        Assert.Equal("1, 1 open", await lead.Page.Locator("[data-lines='E3']").InnerTextAsync());

        // An inspector on the team concludes lines but does not set them; a conclusion needs how it ended.
        var ian = await SignInAsync(browser, TestUser.Inspector);
        await ian.GoAsync(question);
        Assert.Equal(0, await ian.Page.GetByRole(AriaRole.Button, new() { Name = "Set a line of enquiry (E3)" }).CountAsync());
        await ian.Page.GetByLabel("What the team found and where (the evidence), or why it was dropped").FillAsync("Not yet.");
        await SubmitAsync(ian.Page, "Conclude a line of enquiry (E3)");
        Assert.Equal(1, await ian.Page.Locator($".govuk-error-summary a[href='#ConcludeLineOfEnquiry-E3-outcome']").CountAsync());
        Assert.Equal("Not yet.", await ian.Page.GetByLabel("What the team found and where (the evidence), or why it was dropped").InputValueAsync());
        Assert.DoesNotContain(await EventsOf(view.Id), e => e.Data is LineOfEnquiryConcluded);

        // Fieldwork, a finding, and the question drafting: its findings wait for the open line.
        view = await StartFieldworkAsync(await View(view.Id));
        var evidence = await RecordAsync(view.Id, Commands.Evidence(questions: ["E3"]));
        await DraftAsync(view.Id, "E3", evidence.Id);
        view = await CompleteFieldworkAsync(await View(view.Id));
        var waiting = await Problem(HttpMethod.Post, $"/inspections/{view.Id}/questions/E3/qa-submission", new InspectionStep(view.QuestionVersion("E3")),
            TestUser.Inspector, 409);
        Assert.Contains("Line of enquiry 1 for question E3 is still open", waiting.Detail);
        Assert.DoesNotContain(await EventsOf(view.Id), e => e.Data is QualityAssurance.FindingsSubmittedForQa);

        // The console does not offer the submission while the line is open, and says why.
        await ian.GoAsync(question);
        Assert.Equal(0, await ian.Page.GetByRole(AriaRole.Button, new() { Name = "Submit findings for QA (E3)" }).CountAsync());
        Assert.Contains("once every line of enquiry is concluded", await ian.Page.Locator("[data-lines-open]").InnerTextAsync());

        // A conclusion resting on evidence not recorded for the question is refused, and nothing is recorded.
        Assert.Contains("is not recorded for this inspection", (await Problem(HttpMethod.Post, $"/inspections/{view.Id}/questions/E3/lines-of-enquiry/1/conclusion",
            new PeelCases.Fieldwork.ConcludeLineOfEnquiry(EnquiryOutcome.Answered, "Yes.", (await View(view.Id)).QuestionVersion("E3"), [Guid.NewGuid()]),
            TestUser.Inspector, 400)).Detail);
        Assert.DoesNotContain(await EventsOf(view.Id), e => e.Data is LineOfEnquiryConcluded);

        // Someone on the team concludes it, saying what was found and where, and ticking the evidence it rests on.
        await ian.Page.GetByLabel("Answered", new() { Exact = true }).CheckAsync();
        await ian.Page.GetByLabel("What the team found and where (the evidence), or why it was dropped")
            .FillAsync("They are: the dip sample of 10 calls found the flag raised on all 10.");
        var conclude = ian.Page.Locator("form[action$='/actions/ConcludeLineOfEnquiry']");
        await conclude.Locator($"input[name=evidenceIds][value='{evidence.Id}']").CheckAsync();
        await SubmitAsync(ian.Page, "Conclude a line of enquiry (E3)");
        Assert.Equal("Conclude a line of enquiry: done.", await NoticeAsync(ian.Page));
        line = await ian.Page.Locator("[data-line='1']").InnerTextAsync();
        Assert.Contains("Answered", line);
        Assert.Contains("They are: the dip sample of 10 calls found the flag raised on all 10. (ian.inspector,", line);
        Assert.Contains(evidence.Content.Summary, await ian.Page.Locator("[data-line-evidence='1'] [data-cited-evidence]").InnerTextAsync());
        var concluded = Assert.Single(await EventsOf(view.Id), e => e.Data is LineOfEnquiryConcluded);
        Assert.Equal(TestUser.Inspector.Id, concluded.UserName);
        Assert.Equal([evidence.Id], ((LineOfEnquiryConcluded)concluded.Data).EvidenceIds!);
        Assert.Equal(0, await ian.Page.GetByRole(AriaRole.Button, new() { Name = "Conclude a line of enquiry (E3)" }).CountAsync());
        Assert.Equal(1, await ian.Page.GetByRole(AriaRole.Button, new() { Name = "Submit findings for QA (E3)" }).CountAsync()); // offered now
        Assert.Equal(0, await ian.Page.Locator("[data-lines-open]").CountAsync());

        view = await Step(await View(view.Id), "questions/E3/qa-submission", new InspectionStep((await View(view.Id)).QuestionVersion("E3")), TestUser.Inspector);
        Assert.Equal(QuestionStage.QaReview, view.Questions.Single().Stage);
        Assert.All(lead.ConsoleErrors, e => Assert.Matches(@"status of 400\b", e));
    }

    [Fact]
    public async Task The_lead_records_the_PCCs_response_once_it_falls_overdue_and_the_public_list_links_to_it()
    {
        var (view, _) = await PublishedWithCauseOfConcernAsync("northamptonshire");
        var inspection = $"/console/inspections/{view.Id}";
        var published = view.Publications[0].PublishedOn;
        await using var browser = await Support.Browser.LaunchAsync();
        var early = await SignInAsync(browser, TestUser.Lead);
        await early.GoAsync(inspection);
        Assert.Contains("not recorded; due by", await early.Page.Locator("[data-pcc-response]").InnerTextAsync());
        Assert.Equal(0, await early.Page.Locator(".govuk-summary-list .moj-badge--red").CountAsync()); // not due yet
        // Sixty days on (a session signed in on the test clock has expired by then: signed in again).
        App.Clock.Advance(TimeSpan.FromDays(60));
        try
        {
            var lead = await SignInAsync(browser, TestUser.Lead);
            var page = lead.Page;
            await lead.GoAsync(inspection);
            var row = page.Locator(".govuk-summary-list__row", new() { HasText = "Police and crime commissioner’s response" });
            Assert.Contains($"not recorded; due by {published.AddDays(55):d MMMM yyyy}", await row.InnerTextAsync());
            Assert.Equal("Overdue", (await row.Locator(".moj-badge--red").TextContentAsync())?.Trim());

            await lead.GoAsync("/console/forces/northamptonshire");
            var listed = page.Locator("li", new() { HasText = "2021/22 inspection" });
            Assert.Contains($"response not recorded, due by {published.AddDays(55):d MMMM yyyy}", await listed.InnerTextAsync());
            Assert.Equal("Overdue", (await listed.Locator(".moj-badge--red").TextContentAsync())?.Trim());
            await lead.GoAsync("/console/forces");
            Assert.Equal("1", await page.Locator("[data-force='northamptonshire'] [data-pcc-overdue]").GetAttributeAsync("data-pcc-overdue"));
            await lead.GoAsync(inspection);

            // Refused first: an address that is not a web address; nothing recorded, what was typed given back.
            var form = page.Locator("form[action$='/actions/RecordPccResponse']");
            await form.GetByLabel("Published on (YYYY-MM-DD)").FillAsync(published.AddDays(57).ToString("yyyy-MM-dd"));
            await form.GetByLabel("Where it can be read (its web address)").FillAsync("javascript:alert(1)");
            await SubmitAsync(page, "Record the police and crime commissioner’s response");
            Assert.Equal(1, await page.Locator($".govuk-error-summary a[href='#RecordPccResponse-inspection-url']").CountAsync());
            Assert.Equal("javascript:alert(1)", await form.GetByLabel("Where it can be read (its web address)").InputValueAsync());
            Assert.DoesNotContain(await EventsOf(view.Id), e => e.Data is Publishing.PccResponseRecorded);
            await AssertAccessibleAsync(lead, "inspection-pcc-response-refused", 400);

            const string url = "https://www.northamptonshire-pfcc.gov.uk/peel-2021-22-response";
            await form.GetByLabel("Where it can be read (its web address)").FillAsync(url);
            await SubmitAsync(page, "Record the police and crime commissioner’s response");
            Assert.Equal("Record the police and crime commissioner’s response: done.", await NoticeAsync(page));
            row = page.Locator(".govuk-summary-list__row", new() { HasText = "Police and crime commissioner’s response" });
            Assert.Contains($"published {published.AddDays(57):d MMMM yyyy}: {url}; recorded by lena.lead", await row.InnerTextAsync());
            Assert.Equal(0, await row.Locator(".moj-badge--red").CountAsync());
            Assert.Equal(url, await form.GetByLabel("Where it can be read (its web address)").InputValueAsync()); // offered as it stands, to correct
            Assert.Equal(TestUser.Lead.Id, Assert.Single(await EventsOf(view.Id), e => e.Data is Publishing.PccResponseRecorded).UserName);

            await lead.GoAsync("/console/forces");
            Assert.Equal(0, await page.Locator("[data-force='northamptonshire'] [data-pcc-overdue]").CountAsync());
            await lead.GoAsync("/console/forces/northamptonshire");
            Assert.Contains($"2021/22 inspection (Published); the police and crime commissioner’s response published {published.AddDays(57):d MMMM yyyy}",
                await page.Locator("main").InnerTextAsync());

            // The public list of the force's reports links to it.
            var markdown = (await App.Host.Scenario(s => s.Get.Url("/reports/northamptonshire").Accepts("text/markdown"))).ReadAsText();
            Assert.Contains($"[the police and crime commissioner’s response](<{url}>), published {published.AddDays(57):dd/MM/yyyy}", markdown);
            Assert.All(lead.ConsoleErrors.Concat(early.ConsoleErrors), e => Assert.Matches(@"status of 400\b", e));
        }
        finally
        {
            App.Clock.Advance(TimeSpan.FromDays(-60));
        }
    }

    /// <summary>The force's 2021/22 inspection published (Cumbria's unless named), its one question graded Requires improvement with a cause of concern.</summary>
    private async Task<(InspectionView View, Finding Concern)> PublishedWithCauseOfConcernAsync(string force = "cumbria")
    {
        var view = await BuildAsync(force, "peel-2021-22", "2021/22", 2021,
            new QuestionPlan("Q4", QuestionScope.Detailed, Grade.RequiresImprovement, [FindingKind.CauseOfConcern]));
        view = await SummariseAsync(view);
        view = await Step(view, "sign-off", new InspectionStep(view.Version), TestUser.Hmi);
        view = await Step(view, "factual-accuracy-check", new InspectionStep(view.Version), TestUser.Lead);
        await Send(HttpMethod.Post, $"/inspections/{view.Id}/factual-accuracy-check/no-further-comments", null,
            TestUser.Liaison with { Id = $"{force}.liaison", ForceId = force }, 200);
        view = await Step(await View(view.Id), "factual-accuracy-check/closure", new InspectionStep((await View(view.Id)).Version), TestUser.Lead);
        view = await Step(view, "publication", new Publishing.PublishReport(DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime), view.Version), TestUser.Hmi);
        Assert.Equal(InspectionStage.Published, view.Stage);
        return (view, Assert.Single(await Get<List<Finding>>($"/inspections/{view.Id}/findings", TestUser.Lead), f => f.Content.Kind == FindingKind.CauseOfConcern));
    }

    /// <summary>The form of an action on one finding or piece of evidence, opened from the details it sits in.</summary>
    private static async Task<ILocator> OpenItemFormAsync(IPage page, string operation, Guid item)
    {
        var form = page.Locator($"form[action$='/actions/{operation}']:has(input[type=hidden][value='{item}'])");
        await page.Locator("details", new() { Has = form }).Locator("summary").ClickAsync();
        return form;
    }

    /// <summary>Sends a form with its one button and waits for the page that answers it.</summary>
    private static async Task SendAsync(ILocator form)
    {
        await form.GetByRole(AriaRole.Button).ClickAsync();
        await form.Page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>An inspection in fieldwork with one piece of evidence on E3 and the finding <paramref name="draft"/> drafts from it.</summary>
    private async Task<(InspectionView View, Fieldwork.Evidence Evidence, Finding Finding)> InFieldworkAsync(string summary, Func<Guid, Guid, Task<Finding>> draft)
    {
        var view = await ScheduleAsync(Commands.Schedule(questions: ["E3"]));
        view = await ScopeAsync(view, "E3", QuestionScope.Detailed);
        view = await StartFieldworkAsync(view);
        var evidence = await RecordAsync(view.Id, Commands.Evidence(summary: summary, questions: ["E3"]));
        return (view, evidence, await draft(view.Id, evidence.Id));
    }

    private async Task<Finding> FindingAsync(Guid id)
    {
        await using var session = App.Store.QuerySession();
        return (await session.LoadAsync<Finding>(id))!;
    }
}
