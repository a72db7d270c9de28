using Microsoft.Playwright;
using PeelCases.Inspections;
using PeelCases.ReferenceData;
using PeelCases.Tests.Support;

namespace PeelCases.Tests.Browser;

/// <summary>
/// The console's journeys in Chromium, with JavaScript on and off: every step is a form posted to the console, which
/// calls the API's own operation; nothing is set up behind the browser's back once the inspection is scheduled.
/// </summary>
public sealed class ConsoleJourneyTests(AppFixture app) : ConsoleTestBase(app)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_lead_inspector_takes_a_question_from_fieldwork_to_award_with_a_QA_reviewer_and_a_moderator(bool javaScript)
    {
        var view = await ScheduleAsync(Commands.Schedule(questions: ["E3"]));
        var question = $"/console/inspections/{view.Id}/questions/E3";
        var inspection = $"/console/inspections/{view.Id}";
        await using var browser = await Support.Browser.LaunchAsync();

        var lead = await SignInAsync(browser, TestUser.Lead, javaScript);
        await lead.GoAsync(inspection);
        await lead.Page.GetByLabel("In detail: inspected and graded this time").CheckAsync();
        await SubmitAsync(lead.Page, "Scope the question (E3)");
        Assert.Equal("Scope the question: done.", await NoticeAsync(lead.Page));
        await SubmitAsync(lead.Page, "Start fieldwork");
        Assert.Equal("Start fieldwork: done.", await NoticeAsync(lead.Page));

        await lead.GoAsync(question);
        var page = lead.Page;
        await page.GetByLabel("How it was gathered").SelectOptionAsync(new SelectOptionValue { Label = "Case file review" });
        await page.GetByLabel("Collected on (YYYY-MM-DD)").FillAsync("2018-10-09");
        await page.GetByLabel("Sample size (case file reviews)").FillAsync("10");
        await page.GetByLabel("Source").FillAsync("Control room incident logs");
        await page.GetByLabel("Summary", new() { Exact = true }).FillAsync("Call handlers used THRIVE on 9 of 10 logs reviewed.");
        await SubmitAsync(page, "Record evidence (E3)");
        Assert.Equal("Record evidence: done.", await NoticeAsync(page));

        await page.GetByLabel("Kind of finding").SelectOptionAsync(new SelectOptionValue { Label = "Strength" });
        await page.GetByLabel("Heading").FillAsync("Vulnerability is identified at first contact");
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync("Call handlers assess risk consistently using THRIVE.");
        await page.GetByLabel("Case file review, 9 October 2018: Call handlers used THRIVE on 9 of 10 logs reviewed.").CheckAsync();
        await SubmitAsync(page, "Draft a finding (E3)");
        Assert.Equal("Draft a finding: done.", await NoticeAsync(page));

        await lead.GoAsync(inspection);
        await SubmitAsync(page, "Complete fieldwork");
        await lead.GoAsync(question);
        await SubmitAsync(page, "Submit findings for QA (E3)");
        Assert.Equal("QA review", (await page.Locator(".govuk-summary-list .moj-badge").First.TextContentAsync())?.Trim());

        var qa = await SignInAsync(browser, TestUser.QaReviewer, javaScript);
        await qa.GoAsync(question);
        // The reviewer sees that the finding rests on one kind of source before accepting it.
        Assert.Equal("1", await qa.Page.Locator("[data-single-source]").GetAttributeAsync("data-single-source"));
        Assert.Contains("One kind of source Rests on 1 piece(s) of evidence: case file review.", await qa.Page.Locator("[data-sources='single']").InnerTextAsync());
        await qa.Page.GetByLabel("Accept the findings").CheckAsync();
        await SubmitAsync(qa.Page, "Review the findings (E3)");
        Assert.Equal("Review the findings: done.", await NoticeAsync(qa.Page));

        await lead.GoAsync(question);
        await page.GetByLabel("Propose a grade (E3)").SelectOptionAsync(new SelectOptionValue { Label = "Good" });
        await page.GetByLabel("Rationale").FillAsync("Risk is assessed well at first contact.");
        await page.GetByLabel("Strength: Vulnerability is identified at first contact").CheckAsync();
        await SubmitAsync(page, "Propose a grade (E3)");

        var moderator = await SignInAsync(browser, TestUser.Moderator, javaScript);
        await moderator.GoAsync(question);
        await moderator.Page.GetByLabel("Moderate the grade (E3)").SelectOptionAsync(new SelectOptionValue { Label = "Good" });
        await SubmitAsync(moderator.Page, "Moderate the grade (E3)");
        await SubmitAsync(moderator.Page, "Award the grade (E3)");

        Assert.Equal("Award the grade: done.", await NoticeAsync(moderator.Page));
        Assert.Contains("Awarded: Good", await moderator.Page.Locator(".govuk-summary-list").InnerTextAsync());
        var trail = await moderator.Page.Locator(".moj-timeline__title").AllInnerTextsAsync();
        Assert.True(trail.Count >= 6, string.Join(" | ", trail));
        // The record holds each step once, by the person who took it.
        var events = await EventsOf(view.Id);
        Assert.Single(events, e => e.Data is PeelCases.Grading.GradeAwarded);
        Assert.Equal("mo.moderator", events.Single(e => e.Data is PeelCases.Grading.GradeAwarded).UserName);
        Assert.Equal("quinn.qa", events.Single(e => e.Data is PeelCases.QualityAssurance.FindingsAcceptedByQa).UserName);
        Assert.Equal((QuestionScope.Detailed, "lena.lead"), (((QuestionScoped)events.Single(e => e.Data is QuestionScoped).Data).Scope, events.Single(e => e.Data is QuestionScoped).UserName));
        Assert.Empty(lead.ConsoleErrors.Concat(qa.ConsoleErrors).Concat(moderator.ConsoleErrors));
    }

    [Fact]
    public async Task The_lead_inspector_writes_the_public_summary_and_the_HMI_the_observations_and_signs_off_in_the_console()
    {
        const string summary = "The force answers calls promptly and identifies vulnerability well at first contact.";
        const string observations = "I am pleased with how the force has improved the way it answers calls for service.";
        var view = await BuildAsync("cumbria", "peel-2021-22", "2021/22", 2021, new QuestionPlan("Q4", QuestionScope.Detailed, Grade.Good));
        Assert.Equal(InspectionStage.SignOff, view.Stage);
        var question = $"/console/inspections/{view.Id}/questions/Q4";
        var inspection = $"/console/inspections/{view.Id}";
        await using var browser = await Support.Browser.LaunchAsync();

        // Sign-off waits for the report's own words, and names what is missing.
        var hmi = await SignInAsync(browser, TestUser.Hmi);
        await hmi.GoAsync(inspection);
        await AssertAccessibleAsync(hmi, "inspection-hmi-observations");
        await SubmitAsync(hmi.Page, "Sign off the inspection");
        Assert.Contains("needs the public summary of question Q4 and HM Inspector’s observations", await hmi.Page.Locator(".govuk-error-summary").InnerTextAsync());

        var lead = await SignInAsync(browser, TestUser.Lead);
        await lead.GoAsync(inspection);
        Assert.Equal(0, await lead.Page.GetByRole(AriaRole.Button, new() { Name = "Open the factual accuracy check" }).CountAsync()); // not before sign-off
        await lead.GoAsync(question);
        await AssertAccessibleAsync(lead, "question-public-summary");
        Assert.Equal(0, await lead.Page.GetByRole(AriaRole.Button, new() { Name = "Write HM Inspector’s observations" }).CountAsync());
        // An empty summary is refused with the API's words, linked to its field; nothing is recorded.
        await SubmitAsync(lead.Page, "Write the public summary (Q4)");
        Assert.Equal(1, await lead.Page.Locator(".govuk-error-summary a[href='#WriteQuestionSummary-Q4-summary']").CountAsync());
        var field = lead.Page.GetByLabel("Write the public summary (Q4): what the report prints for this question");
        await field.FillAsync(summary);
        await SubmitAsync(lead.Page, "Write the public summary (Q4)");
        Assert.Equal("Write the public summary: done.", await NoticeAsync(lead.Page));
        Assert.Contains($"Public summary\t{summary}", await lead.Page.Locator(".govuk-summary-list").First.InnerTextAsync());
        Assert.Equal(summary, await field.InputValueAsync()); // offered again as written, to rewrite

        await hmi.GoAsync(inspection);
        await hmi.Page.GetByLabel("Write HM Inspector’s observations: the words the report opens with").FillAsync(observations);
        await SubmitAsync(hmi.Page, "Write HM Inspector’s observations");
        Assert.Contains(observations, await hmi.Page.Locator(".govuk-summary-list").First.InnerTextAsync());
        await SubmitAsync(hmi.Page, "Sign off the inspection");
        Assert.Equal("Sign off the inspection: done.", await NoticeAsync(hmi.Page));
        // Signed: the report's words are fixed and the sign-off is done, so neither is offered again; the check is.
        foreach (var done in new[] { "Sign off the inspection", "Write HM Inspector’s observations" })
            Assert.Equal(0, await hmi.Page.GetByRole(AriaRole.Button, new() { Name = done }).CountAsync());
        await lead.GoAsync(question);
        Assert.Equal(0, await lead.Page.GetByRole(AriaRole.Button, new() { Name = "Write the public summary (Q4)" }).CountAsync());
        await lead.GoAsync(inspection);
        Assert.Equal(1, await lead.Page.GetByRole(AriaRole.Button, new() { Name = "Open the factual accuracy check" }).CountAsync());

        var events = await EventsOf(view.Id);
        var written = Assert.Single(events, e => e.Data is PeelCases.Findings.QuestionSummaryWritten);
        Assert.Equal((summary, TestUser.Lead.Id), (((PeelCases.Findings.QuestionSummaryWritten)written.Data).Summary, written.UserName));
        var hmiWords = Assert.Single(events, e => e.Data is PeelCases.HmiSignOff.HmiObservationsWritten);
        Assert.Equal((observations, TestUser.Hmi.Id), (((PeelCases.HmiSignOff.HmiObservationsWritten)hmiWords.Data).Observations, hmiWords.UserName));
        Assert.Single(events, e => e.Data is PeelCases.HmiSignOff.InspectionSignedOff);
        // The browser logs nothing but a refused page's own status.
        Assert.All(hmi.ConsoleErrors.Concat(lead.ConsoleErrors), e => Assert.Matches(@"status of (400|409)\b", e));
    }

    [Fact]
    public async Task The_lead_proposes_a_pillar_grade_and_writes_its_summary_and_the_moderator_moderates_and_awards_it_in_the_console()
    {
        const string rationale = "Every graded question of the pillar is good, and the force keeps people safe.";
        const string summary = "Cumbria Constabulary is good at keeping people safe and reducing crime.";
        var view = await BuildAsync("cumbria", "peel-2018-19", "2018/19", 2018, new QuestionPlan("E3", QuestionScope.Detailed, Grade.Good));
        var pillar = Assert.Single(view.Pillars);
        var inspection = $"/console/inspections/{view.Id}";
        await using var browser = await Support.Browser.LaunchAsync();

        var lead = await SignInAsync(browser, TestUser.Lead);
        await lead.GoAsync(inspection);
        var page = lead.Page;
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = $"Award the pillar grade ({pillar.Name})" }).CountAsync()); // the moderator's or HMI's
        // Refused without a rationale, linked to its field; nothing recorded.
        await page.GetByLabel($"Propose the pillar grade ({pillar.Name})").SelectOptionAsync(new SelectOptionValue { Label = "Good" });
        await SubmitAsync(page, $"Propose the pillar grade ({pillar.Name})");
        Assert.Equal(1, await page.Locator($".govuk-error-summary a[href='#ProposePillarGrade-{pillar.Code}-rationale']").CountAsync());
        Assert.DoesNotContain(await EventsOf(view.Id), e => e.Data is PeelCases.Grading.PillarGradeProposed);
        Assert.Equal(0, await page.GetByLabel("Reason (required when you change the grade)").CountAsync()); // a moderation's field, not a proposal's
        await AssertAccessibleAsync(lead, "inspection-pillar-refused", 400);
        await page.GetByLabel("Rationale for the pillar’s grade").FillAsync(rationale);
        await SubmitAsync(page, $"Propose the pillar grade ({pillar.Name})");
        Assert.Equal("Propose the pillar grade: done.", await NoticeAsync(page));
        await page.GetByLabel($"Write the pillar summary ({pillar.Name}): what the report prints for the pillar").FillAsync(summary);
        await SubmitAsync(page, $"Write the pillar summary ({pillar.Name})");
        Assert.Equal("Write the pillar summary: done.", await NoticeAsync(page));
        var pillars = await page.Locator("table", new() { HasText = "Public summary" }).InnerTextAsync();
        Assert.Contains($"{pillar.Name}\tProposed: Good", pillars);
        Assert.EndsWith($": {rationale}", await page.Locator($"[data-pillar-rationale='{pillar.Code}']").InnerTextAsync()); // how it was reached, for the moderator
        Assert.StartsWith($"by {TestUser.Lead.Id}, ", await page.Locator($"[data-pillar-rationale='{pillar.Code}']").InnerTextAsync());
        Assert.Contains(summary, pillars);

        Assert.Equal("Awaiting moderation", await page.Locator($"[data-pillar-moderation='{pillar.Code}']").InnerTextAsync());
        Assert.Equal(1, await page.GetByRole(AriaRole.Button, new() { Name = $"Remove personal data from the pillar’s text ({pillar.Name})" }).CountAsync());

        // The moderator: a change without a reason is refused and linked to its field; confirming needs none.
        var moderator = await SignInAsync(browser, TestUser.Moderator);
        await moderator.GoAsync("/console/moderation"); // the pillar waits in the queue, with its questions' grades, linked to its page
        var queued = moderator.Page.Locator("[data-pillar-queue] tr", new() { Has = moderator.Page.Locator($"a[href='{inspection}']") });
        Assert.Contains("E3 Good", await queued.InnerTextAsync());
        await queued.GetByRole(AriaRole.Link, new() { Name = pillar.Name }).ClickAsync();
        await moderator.Page.WaitForURLAsync($"**{inspection}");
        Assert.Equal(0, await moderator.Page.GetByRole(AriaRole.Button, new() { Name = $"Award the pillar grade ({pillar.Name})" }).CountAsync()); // not before moderation
        await moderator.Page.GetByLabel($"Moderate the pillar grade ({pillar.Name})").SelectOptionAsync(new SelectOptionValue { Label = "Requires improvement" });
        await SubmitAsync(moderator.Page, $"Moderate the pillar grade ({pillar.Name})");
        Assert.Equal(1, await moderator.Page.Locator($".govuk-error-summary a[href='#ModeratePillarGrade-{pillar.Code}-reason']").CountAsync());
        Assert.DoesNotContain(await EventsOf(view.Id), e => e.Data is PeelCases.Moderation.PillarGradeModerated);
        await moderator.Page.GetByLabel($"Moderate the pillar grade ({pillar.Name})").SelectOptionAsync(new SelectOptionValue { Label = "Good" });
        await SubmitAsync(moderator.Page, $"Moderate the pillar grade ({pillar.Name})");
        Assert.Equal("Moderate the pillar grade: done.", await NoticeAsync(moderator.Page));
        Assert.Equal("Moderation confirmed Good", await moderator.Page.Locator($"[data-pillar-moderation='{pillar.Code}']").InnerTextAsync());
        Assert.Equal(0, await moderator.Page.GetByRole(AriaRole.Button, new() { Name = $"Moderate the pillar grade ({pillar.Name})" }).CountAsync()); // once

        await SubmitAsync(moderator.Page, $"Award the pillar grade ({pillar.Name})");
        Assert.Equal("Award the pillar grade: done.", await NoticeAsync(moderator.Page));
        var awarded = await moderator.Page.Locator("table", new() { HasText = "Public summary" }).InnerTextAsync();
        Assert.Contains($"{pillar.Name}\tAwarded: Good", awarded);
        Assert.Contains($"by {TestUser.Moderator.Id}, ", awarded);
        Assert.Contains(rationale, awarded); // the proposal's reasons stay beside the award
        Assert.Equal(0, await moderator.Page.GetByRole(AriaRole.Button, new() { Name = $"Award the pillar grade ({pillar.Name})" }).CountAsync()); // awarded once

        var events = await EventsOf(view.Id);
        Assert.Equal((Grade.Good, rationale, TestUser.Lead.Id), events.Where(e => e.Data is PeelCases.Grading.PillarGradeProposed)
            .Select(e => (((PeelCases.Grading.PillarGradeProposed)e.Data).Grade, ((PeelCases.Grading.PillarGradeProposed)e.Data).Rationale, e.UserName)).Single());
        Assert.Equal(TestUser.Moderator.Id, Assert.Single(events, e => e.Data is PeelCases.Moderation.PillarGradeModerated).UserName);
        Assert.Equal(TestUser.Moderator.Id, Assert.Single(events, e => e.Data is PeelCases.Grading.PillarGradeAwarded).UserName);
        Assert.Equal(TestUser.Lead.Id, Assert.Single(events, e => e.Data is PeelCases.Findings.PillarSummaryWritten).UserName);

        // The lead inspector removes personal data from the pillar's text: the page says who, when and why, beside the summary.
        const string why = "An officer named in the rationale (request 2026-151).";
        await lead.GoAsync(inspection);
        await page.Locator("form[action$='/actions/RedactPillarText']").GetByLabel("Why (kept with the redaction: say whose data and why, not the data itself)").FillAsync(why);
        await SubmitAsync(page, $"Remove personal data from the pillar’s text ({pillar.Name})");
        Assert.Equal("Remove personal data from the pillar’s text: done.", await NoticeAsync(page));
        var stamp = (await page.Locator($"[data-pillar-redacted='{pillar.Code}']").InnerTextAsync()).Trim();
        Assert.StartsWith($"Personal data removed by {TestUser.Lead.Id} on ", stamp);
        Assert.EndsWith($": {why}", stamp);
        Assert.DoesNotContain(rationale, await page.Locator("main").InnerTextAsync());
        Assert.All(lead.ConsoleErrors.Concat(moderator.ConsoleErrors), e => Assert.Matches(@"status of 400\b", e));
    }

    [Fact]
    public async Task A_moderator_on_the_inspections_team_is_told_why_no_moderation_form_is_offered_and_moderates_once_off_the_team()
    {
        var view = await BuildAsync("south-yorkshire", "peel-2018-19", "2018/19", 2018, new QuestionPlan("E3", QuestionScope.Detailed, Grade.Good));
        var pillar = Assert.Single(view.Pillars);
        view = await Step(view, $"pillars/{pillar.Code}/grade-proposals", new PeelCases.Grading.ProposePillarGrade(Grade.Good, "Its one graded question is good.", view.Version), TestUser.Lead);
        view = await Step(view, "team", new ChangeTeam([TestUser.Moderator.Id], null, view.Version), TestUser.Lead);
        var inspection = $"/console/inspections/{view.Id}";
        var moderate = new PageGetByRoleOptions { Name = $"Moderate the pillar grade ({pillar.Name})" };
        const string held = "Not offered to you: mo.moderator is on this inspection's team: moderation is a check on the team's work, made from outside the team.";
        await using var browser = await Support.Browser.LaunchAsync();

        // The queue says which waiting grade is not this moderator's, and the inspection page why its form is missing.
        var moderator = await SignInAsync(browser, TestUser.Moderator);
        await moderator.GoAsync("/console/moderation");
        var queued = moderator.Page.Locator("[data-pillar-queue] tr", new() { Has = moderator.Page.Locator($"a[href='{inspection}']") });
        Assert.Equal(held, await queued.Locator("[data-held-from-you]").InnerTextAsync());
        await queued.GetByRole(AriaRole.Link, new() { Name = pillar.Name }).ClickAsync();
        await moderator.Page.WaitForURLAsync($"**{inspection}");
        Assert.Equal(held.Replace("to you:", $"to you for {pillar.Name}:"), (await moderator.Page.Locator("[data-held-from-you]").InnerTextAsync()).Trim());
        Assert.Equal(0, await moderator.Page.GetByRole(AriaRole.Button, moderate).CountAsync());
        await AssertAccessibleAsync(moderator, "inspection-held-from-you");

        // Off the team, the same moderator is offered the form, and no note.
        await Step(view, "team", new ChangeTeam(null, [TestUser.Moderator.Id], view.Version), TestUser.Lead);
        await moderator.GoAsync(inspection);
        Assert.Equal(0, await moderator.Page.Locator("[data-held-from-you]").CountAsync());
        Assert.Equal(1, await moderator.Page.GetByRole(AriaRole.Button, moderate).CountAsync());
        await moderator.GoAsync("/console/moderation");
        Assert.Equal(1, await queued.CountAsync());
        Assert.Equal(0, await queued.Locator("[data-held-from-you]").CountAsync());

        // Moderated with a change, the pillar's grade counts against its proposer, linked to the inspection's page.
        await moderator.GoAsync(inspection);
        await moderator.Page.GetByLabel($"Moderate the pillar grade ({pillar.Name})").SelectOptionAsync(new SelectOptionValue { Label = "Requires improvement" });
        await moderator.Page.GetByLabel("Reason (required when you change the grade)").FillAsync("The pillar cannot stand on one question.");
        await SubmitAsync(moderator.Page, $"Moderate the pillar grade ({pillar.Name})");
        Assert.Equal("Moderate the pillar grade: done.", await NoticeAsync(moderator.Page));
        await moderator.GoAsync("/console/moderation/proposers?cycle=2018/19");
        var change = moderator.Page.Locator($"a[data-pillar='{pillar.Code}'][href='{inspection}']");
        Assert.Equal($"South Yorkshire Police, 2018/19, {pillar.Name} pillar", await change.InnerTextAsync());
        Assert.Empty(moderator.ConsoleErrors);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_team_revises_one_finding_with_its_recommendations_withdraws_another_and_drafts_a_cause_of_concern_in_the_console(bool javaScript)
    {
        var view = await DraftingAsync("E3");
        var strength = Assert.Single(await Get<List<PeelCases.Findings.Finding>>($"/inspections/{view.Id}/findings", TestUser.Lead));
        var evidenceId = strength.Content.CitedEvidenceIds[0];
        var recommendation = new PeelCases.Findings.RecommendationInput("The force should make sure call handlers record THRIVE on every log.",
            new PeelCases.Findings.RecommendationDeadline(PeelCases.Findings.DeadlineKind.Immediately));
        var concern = await DraftAsync(view.Id, "E3", evidenceId, PeelCases.Findings.FindingKind.CauseOfConcern, "Risk assessment at first contact", [recommendation]);
        await using var browser = await Support.Browser.LaunchAsync();
        var lead = await SignInAsync(browser, TestUser.Lead, javaScript);
        await lead.GoAsync($"/console/inspections/{view.Id}/questions/E3");
        var page = lead.Page;
        ILocator Form(string operation, Guid finding) => page.Locator($"form[action$='/actions/{operation}']:has(input[name=findingId][value='{finding}'])");
        async Task OpenAsync(string operation, Guid finding) =>
            await page.Locator("details", new() { Has = Form(operation, finding) }).Locator("summary").ClickAsync();

        // Revised without a reason: refused, linked to the field, the form open again with what was typed; nothing recorded.
        const string revised = "Call handlers record THRIVE on most logs, but not on calls about repeat victims.";
        await OpenAsync("ReviseFinding", concern.Id);
        await Form("ReviseFinding", concern.Id).GetByLabel("Text", new() { Exact = true }).FillAsync(revised);
        await Form("ReviseFinding", concern.Id).GetByRole(AriaRole.Button).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal(1, await page.Locator($".govuk-error-summary a[href='#ReviseFinding-{concern.Id}-reason']").CountAsync());
        Assert.Equal(revised, await Form("ReviseFinding", concern.Id).GetByLabel("Text", new() { Exact = true }).InputValueAsync());
        Assert.Equal(concern.Version, (await FindingAsync(concern.Id)).Version);
        if (javaScript) await AssertAccessibleAsync(lead, "finding-revision-refused", 400); // axe runs as a script

        await Form("ReviseFinding", concern.Id).GetByLabel("Why it is revised (kept with the earlier version)").FillAsync("QA: the log review found a gap for repeat victims.");
        // The recommendation held is offered as it stands; a second is added in the next empty row.
        Assert.Equal(recommendation.Text, await Form("ReviseFinding", concern.Id).GetByLabel("Recommendation 1", new() { Exact = true }).InputValueAsync());
        const string added = "The force should check for repeat victimisation on every call.";
        await Form("ReviseFinding", concern.Id).GetByLabel("Recommendation 2", new() { Exact = true }).FillAsync(added);
        await Form("ReviseFinding", concern.Id).GetByLabel("Recommendation 2: deadline").SelectOptionAsync(new SelectOptionValue { Label = "Immediately" });
        await Form("ReviseFinding", concern.Id).GetByRole(AriaRole.Button).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal("Revise the finding: done.", await NoticeAsync(page));
        Assert.Contains("Revised 1 time(s)", await page.Locator("main").InnerTextAsync());

        await OpenAsync("WithdrawFinding", strength.Id);
        await Form("WithdrawFinding", strength.Id).GetByLabel("Why it is withdrawn").FillAsync("Superseded by the cause of concern.");
        await Form("WithdrawFinding", strength.Id).GetByRole(AriaRole.Button).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal("Withdraw the finding: done.", await NoticeAsync(page));
        // A withdrawn finding leaves the question's findings for its own list, with who withdrew it and why; only its
        // personal data can still be removed.
        var withdrawn = page.Locator($"[data-withdrawn-finding='{strength.Id}']");
        Assert.Equal(1, await page.Locator("main .govuk-summary-card", new() { HasText = "Strength: Understanding and identifying vulnerability" }).CountAsync());
        Assert.Contains($"Withdrawn by {TestUser.Lead.Id} on ", await withdrawn.InnerTextAsync());
        Assert.Contains(": Superseded by the cause of concern.", await withdrawn.InnerTextAsync());
        Assert.Equal(0, await Form("ReviseFinding", strength.Id).CountAsync());
        Assert.Equal(0, await Form("WithdrawFinding", strength.Id).CountAsync());
        await OpenAsync("RedactFinding", strength.Id);
        await Form("RedactFinding", strength.Id).GetByLabel("Why (kept with the redaction: say whose data and why, not the data itself)")
            .FillAsync("An officer named in the withdrawn text (request 2026-131).");
        await Form("RedactFinding", strength.Id).GetByRole(AriaRole.Button).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal("Remove personal data: done.", await NoticeAsync(page));
        Assert.Contains("Withdrawn by", await withdrawn.InnerTextAsync());
        Assert.Contains($"Personal data removed by {TestUser.Lead.Id}", await withdrawn.InnerTextAsync());
        // The reason for withdrawing, masked with the rest; nothing is left to remove, so the form goes.
        Assert.EndsWith(": [redacted]", (await withdrawn.Locator("p", new() { HasText = "Withdrawn by" }).InnerTextAsync()).Trim());
        Assert.Equal(0, await Form("RedactFinding", strength.Id).CountAsync());
        if (javaScript) await AssertAccessibleAsync(lead, "question-withdrawn-finding", 400); // the revision's refusal above logged its 400

        // The revision kept the earlier version, the citation, and the recommendation as it stood, and added the second.
        var after = await FindingAsync(concern.Id);
        Assert.Equal((revised, PeelCases.Findings.FindingKind.CauseOfConcern, evidenceId), (after.Content.Text, after.Content.Kind, Assert.Single(after.Content.CitedEvidenceIds)));
        Assert.Equal([(recommendation.Text!, recommendation.Deadline!), (added, new PeelCases.Findings.RecommendationDeadline(PeelCases.Findings.DeadlineKind.Immediately))],
            after.Content.Recommendations.Select(r => (r.Text, r.Deadline)).ToList());
        Assert.Contains($"{added} (immediately; open)", await page.Locator("main").InnerTextAsync());
        Assert.Equal(concern.Content.Text, Assert.Single(after.EarlierVersions).Content.Text);
        var gone = await FindingAsync(strength.Id);
        Assert.Equal((true, "[redacted]", TestUser.Lead.Id), (gone.Withdrawn, gone.WithdrawnBecause, gone.WithdrawnBy));
        Assert.NotNull(gone.Redacted);

        // A new cause of concern: refused without a recommendation (nothing recorded), drafted with one and its deadline.
        var draft = page.Locator("form[action$='/actions/DraftFinding']");
        await draft.GetByLabel("Kind of finding").SelectOptionAsync(new SelectOptionValue { Label = "Cause of concern" });
        await draft.GetByLabel("Heading").FillAsync("Repeat victims at first contact");
        await draft.GetByLabel("Text", new() { Exact = true }).FillAsync("Call handlers do not check whether a caller has been a victim before.");
        await draft.Locator("input[name=citedEvidenceIds]").First.CheckAsync();
        var findings = (await Get<List<PeelCases.Findings.Finding>>($"/inspections/{view.Id}/findings", TestUser.Lead)).Count;
        await draft.GetByRole(AriaRole.Button).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal(1, await page.Locator(".govuk-error-summary a[href='#DraftFinding-E3-recommendations']").CountAsync());
        Assert.Equal(findings, (await Get<List<PeelCases.Findings.Finding>>($"/inspections/{view.Id}/findings", TestUser.Lead)).Count);
        Assert.True(await draft.Locator("input[name=citedEvidenceIds]").First.IsCheckedAsync()); // given back as ticked
        // The first row left empty: the API numbers the rows it is sent, and the refusal still links to the row typed in.
        await draft.GetByLabel("Recommendation 2", new() { Exact = true }).FillAsync("The force should ask about earlier victimisation.");
        await draft.GetByRole(AriaRole.Button).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal(1, await page.Locator(".govuk-error-summary a[href='#DraftFinding-E3-recommendations[1].deadline']").CountAsync());
        await draft.GetByLabel("Recommendation 2", new() { Exact = true }).FillAsync("");
        await draft.GetByLabel("Recommendation 1", new() { Exact = true }).FillAsync("The force should make sure call handlers ask about earlier victimisation.");
        await draft.GetByLabel("Recommendation 1: deadline").SelectOptionAsync(new SelectOptionValue { Label = "Within a number of months of publication" });
        await draft.GetByLabel("Recommendation 1: months, for within a number of months").FillAsync("6");
        await draft.GetByRole(AriaRole.Button).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal("Draft a finding: done.", await NoticeAsync(page));
        var drafted = (await Get<List<PeelCases.Findings.Finding>>($"/inspections/{view.Id}/findings", TestUser.Lead)).Single(f => f.Content.Heading == "Repeat victims at first contact");
        Assert.Equal(("The force should make sure call handlers ask about earlier victimisation.", new PeelCases.Findings.RecommendationDeadline(PeelCases.Findings.DeadlineKind.WithinMonths, Months: 6)),
            (Assert.Single(drafted.Content.Recommendations).Text, drafted.Content.Recommendations[0].Deadline));
        Assert.All(lead.ConsoleErrors, e => Assert.Matches(@"status of 400\b", e));
    }

    [Fact]
    public async Task An_inspector_amends_a_piece_of_evidence_in_the_console_and_the_earlier_version_is_kept()
    {
        const string reason = "The sample was 12 logs, not 10.";
        var view = await DraftingAsync("E3");
        var before = Assert.Single(await Get<List<PeelCases.Fieldwork.Evidence>>($"/inspections/{view.Id}/evidence", TestUser.Lead));
        await using var browser = await Support.Browser.LaunchAsync();
        var ian = await SignInAsync(browser, TestUser.Inspector);
        await ian.GoAsync($"/console/inspections/{view.Id}/questions/E3");
        var page = ian.Page;
        var form = page.Locator($"form[action$='/actions/AmendEvidence']:has(input[name=evidenceId][value='{before.Id}'])");
        await page.Locator("details", new() { Has = form }).Locator("summary").ClickAsync();
        Assert.Equal(before.Content.Summary, await form.GetByLabel("Summary", new() { Exact = true }).InputValueAsync()); // as it stands

        // A date outside the fieldwork window is refused, linked to its field, the form open again as typed; nothing recorded.
        await form.GetByLabel("Collected on (YYYY-MM-DD)").FillAsync("2018-01-01");
        await form.GetByLabel("Sample size (case file reviews)").FillAsync("12");
        await form.GetByLabel("Why it is amended (kept with the earlier version)").FillAsync(reason);
        await form.GetByRole(AriaRole.Button).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal(1, await page.Locator($".govuk-error-summary a[href='#AmendEvidence-{before.Id}-collectedOn']").CountAsync());
        Assert.Equal("12", await form.GetByLabel("Sample size (case file reviews)").InputValueAsync());
        Assert.Equal(before.Version, (await Get<PeelCases.Fieldwork.Evidence>($"/inspections/{view.Id}/evidence/{before.Id}", TestUser.Lead)).Version);
        await AssertAccessibleAsync(ian, "evidence-amendment-refused", 400);

        await form.GetByLabel("Collected on (YYYY-MM-DD)").FillAsync(before.Content.CollectedOn.ToString("d/M/yyyy")); // day first, as written here
        await form.GetByRole(AriaRole.Button).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal("Amend the evidence: done.", await NoticeAsync(page));
        var after = await Get<PeelCases.Fieldwork.Evidence>($"/inspections/{view.Id}/evidence/{before.Id}", TestUser.Lead);
        Assert.Equal(before.Content with { SampleSize = 12 }, after.Content with { QuestionCodes = before.Content.QuestionCodes });
        Assert.Equal(before.Content.QuestionCodes, after.Content.QuestionCodes);
        var earlier = Assert.Single(after.EarlierVersions);
        Assert.Equal((before.Content.SampleSize, reason, TestUser.Inspector.Id), (earlier.Content.SampleSize, earlier.SupersededBecause, after.LastChangedBy));
        Assert.All(ian.ConsoleErrors, e => Assert.Matches(@"status of 400\b", e));
    }

    [Fact]
    public async Task A_lead_inspector_schedules_an_inspection_in_the_console_in_two_steps_refused_first_without_its_dates()
    {
        await using var browser = await Support.Browser.LaunchAsync();
        // Not an inspector's or a moderator's to do: no way in from the board, and the page itself is refused.
        var ian = await SignInAsync(browser, TestUser.Inspector);
        await ian.GoAsync("/console/board");
        Assert.Equal(0, await ian.Page.GetByRole(AriaRole.Button, new() { Name = "Schedule an inspection" }).CountAsync());
        Assert.Equal(403, await ian.GoAsync("/console/inspections/new"));

        var lead = await SignInAsync(browser, TestUser.Lead);
        await lead.GoAsync("/console/board");
        var page = lead.Page;
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule an inspection" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        await page.GetByLabel("Force").SelectOptionAsync(new SelectOptionValue { Label = "Suffolk Constabulary" });
        // Continue with no framework chosen: this step again, the force kept, the framework asked for.
        await SubmitAsync(page, "Continue");
        Assert.Equal(1, await page.Locator(".govuk-error-summary a[href='#framework']").CountAsync());
        Assert.Equal("suffolk", await page.GetByLabel("Force").InputValueAsync());
        await page.GetByLabel("Cycle and framework").SelectOptionAsync(new SelectOptionValue { Label = "2018/19: PEEL 2018/19, version 2" });
        await SubmitAsync(page, "Continue");
        Assert.Contains("Suffolk Constabulary", await page.Locator(".govuk-summary-list").InnerTextAsync());
        Assert.True(await page.GetByLabel("E1:").IsCheckedAsync()); // every question to begin with
        foreach (var box in await page.Locator("input[name=questionCodes]").AllAsync()) await box.UncheckAsync();
        await page.GetByLabel("E3:").CheckAsync();
        Assert.Equal(TestUser.Lead.Id, await page.GetByLabel("Lead inspector").InputValueAsync());
        await page.GetByLabel("The team (optional)").FillAsync("ian.inspector");

        // Without its window: refused, linked to the field, what was chosen given back; nothing scheduled.
        await SubmitAsync(page, "Schedule the inspection");
        Assert.Equal(1, await page.Locator(".govuk-error-summary a[href='#ScheduleInspection-inspection-fieldworkStarts']").CountAsync());
        Assert.False(await page.GetByLabel("E1:").IsCheckedAsync());
        Assert.True(await page.GetByLabel("E3:").IsCheckedAsync());
        Assert.Equal("ian.inspector", await page.GetByLabel("The team (optional)").InputValueAsync());
        Assert.Empty(await Get<List<InspectionSummary>>("/inspections?force=suffolk", TestUser.Lead));
        await AssertAccessibleAsync(lead, "schedule-refused", 400);

        await page.GetByLabel("Fieldwork starts (YYYY-MM-DD)").FillAsync("2018-10-08");
        await page.GetByLabel("Fieldwork ends (YYYY-MM-DD)").FillAsync("2018-10-19");
        await SubmitAsync(page, "Schedule the inspection");
        Assert.Equal("Schedule the inspection: done.", await NoticeAsync(page));
        Assert.StartsWith("Suffolk Constabulary, 2018/19", await page.TitleAsync()); // the new inspection's own page
        var scheduled = await View(Assert.Single(await Get<List<InspectionSummary>>("/inspections?force=suffolk", TestUser.Lead)).Id);
        Assert.Equal(["E3"], scheduled.Questions.Select(q => q.Code));
        Assert.Equal((TestUser.Lead.Id, InspectionStage.Planning, "2018/19", 2), (scheduled.LeadInspector, scheduled.Stage, scheduled.Cycle, scheduled.FrameworkVersion));
        Assert.Contains("ian.inspector", scheduled.Team);
        Assert.Equal(TestUser.Lead.Id, Assert.Single(await EventsOf(scheduled.Id)).UserName);
        Assert.All(lead.ConsoleErrors, e => Assert.Matches(@"status of 400\b", e));
    }

    [Fact]
    public async Task An_inspector_records_one_interview_against_two_questions_marked_sensitive_and_later_takes_one_off()
    {
        var view = await ScheduleAsync(Commands.Schedule(force: "wiltshire", questions: ["E2", "E3"]));
        view = await StartFieldworkAsync(await ScopeAsync(await ScopeAsync(view, "E2", QuestionScope.Detailed), "E3", QuestionScope.Detailed));
        await using var browser = await Support.Browser.LaunchAsync();
        var ian = await SignInAsync(browser, TestUser.Inspector);
        await ian.GoAsync($"/console/inspections/{view.Id}/questions/E3");
        var page = ian.Page;
        Assert.True(await page.GetByLabel("E3:").IsCheckedAsync()); // this page's question, to begin with
        Assert.False(await page.GetByLabel("E2:").IsCheckedAsync());
        await page.GetByLabel("How it was gathered").SelectOptionAsync(new SelectOptionValue { Label = "Interview" });
        await page.GetByLabel("Collected on (YYYY-MM-DD)").FillAsync("2018-10-09");
        await page.GetByLabel("Source").FillAsync("Victim interview (identity withheld)");
        await page.GetByLabel("Summary", new() { Exact = true }).FillAsync("The victim was told of her case's progress at every step.");
        await page.GetByLabel("Sensitive").CheckAsync();

        // No question ticked: refused, linked to the first box, what was typed and ticked given back; nothing recorded.
        await page.GetByLabel("E3:").UncheckAsync();
        await SubmitAsync(page, "Record evidence (E3)");
        Assert.Equal("The questions it bears on needs at least one item.",
            (await page.Locator(".govuk-error-summary a[href='#RecordEvidence-E3-questionCodes']").InnerTextAsync()).Trim());
        Assert.False(await page.GetByLabel("E3:").IsCheckedAsync());
        Assert.True(await page.GetByLabel("Sensitive").IsCheckedAsync());
        Assert.Equal("Victim interview (identity withheld)", await page.GetByLabel("Source").InputValueAsync());
        Assert.Empty(await Get<List<PeelCases.Fieldwork.Evidence>>($"/inspections/{view.Id}/evidence", TestUser.Lead));
        await AssertAccessibleAsync(ian, "evidence-questions-refused", 400);

        await page.GetByLabel("E2:").CheckAsync();
        await page.GetByLabel("E3:").CheckAsync();
        await SubmitAsync(page, "Record evidence (E3)");
        Assert.Equal("Record evidence: done.", await NoticeAsync(page));
        var recorded = Assert.Single(await Get<List<PeelCases.Fieldwork.Evidence>>($"/inspections/{view.Id}/evidence", TestUser.Lead));
        Assert.Equal(["E2", "E3"], recorded.Content.QuestionCodes.Order());
        Assert.Equal((true, TestUser.Inspector.Id), (recorded.Content.Sensitive, recorded.RecordedBy));

        // E2's page lists it, marked sensitive; there the inspector takes E2 off it, with a reason, and keeps it sensitive.
        await ian.GoAsync($"/console/inspections/{view.Id}/questions/E2");
        Assert.Contains("Sensitive", await page.Locator("li", new() { HasText = "The victim was told of her case's progress" }).First.InnerTextAsync());
        var form = page.Locator($"form[action$='/actions/AmendEvidence']:has(input[name=evidenceId][value='{recorded.Id}'])");
        await page.Locator("details", new() { Has = form }).Locator("summary").ClickAsync();
        Assert.True(await form.GetByLabel("E2:").IsCheckedAsync()); // as it stands
        Assert.True(await form.GetByLabel("Sensitive").IsCheckedAsync());
        await form.GetByLabel("E2:").UncheckAsync();
        await form.GetByLabel("Why it is amended (kept with the earlier version)").FillAsync("The interview spoke to victim care only.");
        await form.GetByRole(AriaRole.Button).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal("Amend the evidence: done.", await NoticeAsync(page));
        var after = await Get<PeelCases.Fieldwork.Evidence>($"/inspections/{view.Id}/evidence/{recorded.Id}", TestUser.Lead);
        Assert.Equal(["E3"], after.Content.QuestionCodes);
        Assert.True(after.Content.Sensitive);
        Assert.Equal(["E2", "E3"], Assert.Single(after.EarlierVersions).Content.QuestionCodes.Order().ToArray());
        Assert.All(ian.ConsoleErrors, e => Assert.Matches(@"status of 400\b", e));
    }

    private async Task<PeelCases.Findings.Finding> FindingAsync(Guid id)
    {
        await using var session = App.Store.QuerySession();
        return (await session.LoadAsync<PeelCases.Findings.Finding>(id))!;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Two_people_submit_different_questions_of_one_inspection_at_once_and_neither_is_refused(bool javaScript)
    {
        var view = await DraftingAsync("E2", "E3");
        await using var browser = await Support.Browser.LaunchAsync();
        var ian = await SignInAsync(browser, TestUser.Inspector, javaScript);
        var sara = await SignInAsync(browser, TestUser.SecondInspector, javaScript);
        await ian.GoAsync($"/console/inspections/{view.Id}/questions/E2");
        await sara.GoAsync($"/console/inspections/{view.Id}/questions/E3");

        // Both forms carry their own question's version, read before either is sent.
        await Task.WhenAll(SubmitAsync(ian.Page, "Submit findings for QA (E2)"), SubmitAsync(sara.Page, "Submit findings for QA (E3)"));

        Assert.Equal("Submit findings for QA: done.", await NoticeAsync(ian.Page));
        Assert.Equal("Submit findings for QA: done.", await NoticeAsync(sara.Page));
        var after = await View(view.Id);
        Assert.All(after.Questions, q => Assert.Equal(QuestionStage.QaReview, q.Stage));
        Assert.Equal(2, (await EventsOf(view.Id)).Count(e => e.Data is PeelCases.QualityAssurance.FindingsSubmittedForQa));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_moderator_follows_a_carried_over_question_to_the_original_award(bool javaScript)
    {
        var (in2016, in2017) = await CumbriaHistoryAsync();
        await using var browser = await Support.Browser.LaunchAsync();
        var moderator = await SignInAsync(browser, TestUser.Moderator, javaScript);
        await moderator.GoAsync($"/console/inspections/{in2017.Id}/questions/E1");
        Assert.Contains("Judgment carried over", await moderator.Page.Locator(".govuk-summary-list").TextContentAsync());

        await moderator.Page.GetByRole(AriaRole.Link, new() { NameRegex = new("^2016 \\(E1\\)") }).First.ClickAsync();
        await moderator.Page.WaitForLoadStateAsync();

        Assert.EndsWith($"/console/inspections/{in2016.Id}/questions/E1", moderator.Page.Url);
        Assert.Contains("Awarded: Good", await moderator.Page.Locator(".govuk-summary-list").InnerTextAsync());
        Assert.Contains("E1: awarded Good", await moderator.Page.Locator(".moj-timeline").InnerTextAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_moderator_views_a_question_as_it_stood_before_the_moderation_changed_its_grade(bool javaScript)
    {
        var view = await BuildAsync("cumbria", "peel-2018-19", "2018/19", 2018, new QuestionPlan("E3", QuestionScope.Detailed));
        var findings = await Get<List<PeelCases.Findings.Finding>>($"/inspections/{view.Id}/findings", TestUser.Lead);
        view = await ProposeAsync(view, "E3", PeelCases.ReferenceData.Grade.Good, findings[0].Id);
        var proposedAt = view.Version;
        view = await ModerateAsync(view, "E3", PeelCases.ReferenceData.Grade.RequiresImprovement, "The findings describe a service that requires improvement.");
        await using var browser = await Support.Browser.LaunchAsync();
        var moderator = await SignInAsync(browser, TestUser.Moderator, javaScript);
        await moderator.GoAsync($"/console/inspections/{view.Id}/questions/E3");
        Assert.Contains("Moderated: Requires improvement (changed)", await moderator.Page.Locator(".govuk-summary-list").InnerTextAsync());

        var step = moderator.Page.Locator(".moj-timeline__item").Filter(new() { HasText = "moderation changed Good to Requires improvement" });
        await step.GetByRole(AriaRole.Link).ClickAsync();
        await moderator.Page.WaitForLoadStateAsync();

        var banner = await moderator.Page.Locator(".govuk-notification-banner").InnerTextAsync();
        Assert.Contains("You are viewing this question as it stood", banner);
        var grades = await moderator.Page.Locator(".govuk-summary-list").InnerTextAsync();
        Assert.Contains("Proposed: Good", grades);
        Assert.DoesNotContain("Moderated", grades);
        // What changed since the proposal, from the comparison form: the grade.
        await moderator.GoAsync($"/console/inspections/{view.Id}/questions/E3");
        await moderator.Page.GetByLabel("Since inspection version").FillAsync(proposedAt.ToString());
        await SubmitAsync(moderator.Page, "Compare");
        var changes = await moderator.Page.Locator("table").Last.InnerTextAsync();
        Assert.Contains($"From version {proposedAt} to version {view.Version}", changes);
        Assert.Contains("Requires improvement", changes);
    }

    /// <summary>An inspection whose questions have evidence and a finding each and wait in drafting.</summary>
    private async Task<InspectionView> DraftingAsync(params string[] questions)
    {
        var view = await ScheduleAsync(Commands.Schedule(questions: questions));
        foreach (var q in questions) view = await ScopeAsync(view, q, QuestionScope.Detailed);
        view = await StartFieldworkAsync(view);
        foreach (var q in questions)
        {
            var evidence = await RecordAsync(view.Id, Commands.Evidence(questions: [q]));
            await DraftAsync(view.Id, q, evidence.Id);
        }
        return await CompleteFieldworkAsync(view);
    }
}
