using PeelCases.UnitTests.Support;
using PeelCases.Findings;
using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.Moderation;
using PeelCases.ReferenceData;

namespace PeelCases.UnitTests;

/// <summary>Proposing, moderating and awarding a question's grade.</summary>
public sealed class GradingTests
{
    private static readonly InspectionHistory C = Cumbria.Inspection;
    private static readonly Finding HelpDesk = Given.Finding(Cumbria.HelpDeskDrafted);
    private static readonly Finding[] Cited = [HelpDesk];

    private static Decision<GradeProposed> Propose(Inspection inspection, string question = "E3", Grade grade = Grade.Good,
        IReadOnlyCollection<Finding>? cited = null, params Guid[] citing) =>
        ProposeGradeRules.Decide(inspection, Frameworks.All.Single(f => f.Key == AssessmentFramework.KeyOf(inspection.FrameworkId, inspection.FrameworkVersion)), question,
            new ProposeGrade(grade, " Cumbria Constabulary is good at protecting vulnerable people. ", citing.Length > 0 ? citing : [Cumbria.HelpDeskFinding], inspection.Version),
            cited ?? Cited, People.Lead, C.ProposedAt);

    private static Decision<GradeModerated> Moderate(Inspection inspection, Grade grade, string? reason = null, string question = "E3") =>
        ModerateGradeRules.Decide(inspection, Frameworks.All.Single(f => f.Key == AssessmentFramework.KeyOf(inspection.FrameworkId, inspection.FrameworkVersion)), question, new ModerateGrade(grade, reason, inspection.Version),
            People.Moderator, C.ModeratedAt);

    private static Decision<GradeAwarded> Award(Inspection inspection, string question = "E3") =>
        AwardGradeRules.Decide(inspection, Frameworks.All.Single(f => f.Key == AssessmentFramework.KeyOf(inspection.FrameworkId, inspection.FrameworkVersion)), question, People.Hmi, C.AwardedAt);

    // Proposing.

    [Fact]
    public void Once_QA_has_accepted_the_findings_the_team_proposes_a_grade_that_cites_them() =>
        Then.Decided(Propose(Given.Inspection(Cumbria.AwaitingGrade), question: "e3", citing: [Cumbria.HelpDeskFinding, Cumbria.HelpDeskFinding]),
            new GradeProposed(C.Id, "E3", Grade.Good, "Cumbria Constabulary is good at protecting vulnerable people.", [Cumbria.HelpDeskFinding], People.Lead, C.ProposedAt));

    [Fact]
    public void A_grade_cannot_be_proposed_before_QA_has_accepted_the_findings() =>
        Assert.Equal("Proposing a grade needs question E3 at “Awaiting a grade” or “Moderation”; it is at “QA review”. Its findings await a QA reviewer.",
            Then.Refused(Propose(Given.Inspection(Cumbria.E3InQaReview)), 409).Detail);

    [Fact]
    public void A_grade_in_moderation_can_be_proposed_afresh() =>
        Assert.Equal(Grade.RequiresImprovement, Then.Decided(Propose(Given.Inspection(Cumbria.InModeration), grade: Grade.RequiresImprovement)).Grade);

    [Fact]
    public void A_moderated_grade_cannot_be_proposed_afresh() =>
        Then.Refused(Propose(Given.Inspection(Cumbria.AwaitingAward)), 409, "it is at “Awaiting award”. Its moderated grade awaits the award.");

    [Fact]
    public void A_grade_must_be_on_the_frameworks_scale()
    {
        Then.Invalid(Propose(Given.Inspection(Cumbria.AwaitingGrade), grade: Grade.Adequate), "grade",
            "Adequate is not on the 4-point scale of PEEL 2018/19 (Outstanding, Good, Requires improvement, Inadequate).");
        var kent = Given.Inspection(Kent.Q4AwaitingGrade);
        var kentFinding = Given.Finding(Kent.Inspection.FindingDrafted(Cumbria.HelpDeskFinding, "Q4", Kent.Inspection.Strength()));
        Then.Decided(Propose(kent, "Q4", Grade.Adequate, [kentFinding]));
    }

    [Fact]
    public void A_grade_rests_only_on_current_findings_of_the_same_question_in_this_inspection()
    {
        var inspection = Given.Inspection(Cumbria.AwaitingGrade);
        var unknown = Guid.Parse("0d0e0f00-0000-4000-8000-0000000000f9");
        Then.Invalid(Propose(inspection, citing: [Cumbria.HelpDeskFinding, unknown]), "citedFindingIds",
            $"Finding {unknown} is not a finding of question E3 in this inspection.");
        Then.Invalid(Propose(inspection, cited: [Given.Finding(Cumbria.FirearmsDrafted)], citing: [Cumbria.FirearmsFinding]), "citedFindingIds",
            $"Finding {Cumbria.FirearmsFinding} is not a finding of question E3 in this inspection.");
        var kentFinding = Given.Finding(Kent.Inspection.FindingDrafted(Cumbria.HelpDeskFinding, "E3", Kent.Inspection.Strength()));
        Then.Invalid(Propose(inspection, cited: [kentFinding]), "citedFindingIds", "is not a finding of question E3");
        var withdrawn = Given.Finding(Cumbria.HelpDeskDrafted, C.FindingWithdrawn(Cumbria.HelpDeskFinding, "E3", "Duplicate."));
        Then.Invalid(Propose(inspection, cited: [withdrawn]), "citedFindingIds",
            $"Finding {Cumbria.HelpDeskFinding} has been withdrawn; a grade cannot rest on it.");
    }

    [Fact]
    public void An_ungraded_question_gets_no_grade() =>
        Then.Refused(Propose(Given.Inspection(Cumbria.AwaitingGrade), question: "E5"), 409,
            "Question E5 is ungraded in PEEL 2018/19: it has narrative findings only.");

    [Fact]
    public void A_carried_over_question_keeps_its_earlier_grade() =>
        Then.Refused(Propose(Given.Inspection(Cumbria.AwaitingGrade), question: "E1"), 409,
            "Question E1 is already settled (Good carried over from 2016).");

    [Fact]
    public void An_awarded_question_is_settled() =>
        Then.Refused(Propose(Given.Inspection(Cumbria.QuestionsSettled)), 409, "Question E3 is already settled (awarded Good).");

    [Fact]
    public void An_unscoped_question_is_scoped_before_it_is_graded() =>
        Then.Refused(Propose(Given.Inspection(Cumbria.Scheduled)), 409, "Question E3 has not been scoped yet; scope it as Detailed before grading.");

    [Fact]
    public void A_question_waiting_for_its_carry_over_is_not_graded_afresh() =>
        Then.Refused(Propose(Given.Inspection(Cumbria.Scheduled.Then(C.Scoped("E2", QuestionScope.CarryOver))), question: "E2"), 409,
            "Question E2 is scoped for carry-over: its earlier judgment stands. Re-scope it as Detailed before proposing a fresh grade.");

    [Fact]
    public void Only_a_question_of_the_inspection_is_graded()
    {
        Then.Refused(Propose(Given.Inspection(Cumbria.AwaitingGrade), question: "L1"), 404, $"Question 'L1' is not in the scope of inspection {C.Id}.");
        Then.Refused(Propose(Given.Inspection(Cumbria.AwaitingGrade), question: "Q4"), 404, "Question 'Q4'");
    }

    [Fact]
    public void A_proposal_needs_a_grade_a_rationale_cited_findings_and_the_version_it_was_made_on()
    {
        Then.Valid(ProposeGradeRules.Validate(new ProposeGrade(Grade.Good, "Rationale.", [Cumbria.HelpDeskFinding], 20)));
        Then.Invalid(ProposeGradeRules.Validate(new ProposeGrade(null, null, null, null)), "grade", "rationale", "citedFindingIds", "expectedVersion");
        Then.Invalid(ProposeGradeRules.Validate(new ProposeGrade(Grade.Good, "Rationale.", Enumerable.Range(0, 51).Select(_ => Guid.NewGuid()).ToList(), 20)), "citedFindingIds");
    }

    // Moderating.

    [Fact]
    public void A_moderator_confirms_the_proposed_grade() =>
        Then.Decided(Moderate(Given.Inspection(Cumbria.InModeration), Grade.Good),
            new GradeModerated(C.Id, "E3", Grade.Good, Grade.Good, null, People.Moderator, C.ModeratedAt));

    [Fact]
    public void A_moderator_changes_the_proposed_grade_giving_the_reason()
    {
        var moderated = Then.Decided(Moderate(Given.Inspection(Cumbria.InModeration), Grade.RequiresImprovement, " Backlogs in the online child abuse team. "),
            new GradeModerated(C.Id, "E3", Grade.Good, Grade.RequiresImprovement, "Backlogs in the online child abuse team.", People.Moderator, C.ModeratedAt));
        Assert.True(moderated.Changed);
    }

    [Fact]
    public void Changing_the_proposed_grade_needs_a_reason() =>
        Then.Invalid(Moderate(Given.Inspection(Cumbria.InModeration), Grade.RequiresImprovement, " "), "reason",
            "Changing the proposed grade (Good) to Requires improvement needs a reason.");

    [Fact]
    public void Moderation_takes_the_grade_most_recently_proposed()
    {
        var reproposed = Given.Inspection(Cumbria.InModeration.Then(C.GradeProposed("E3", Grade.Outstanding, Cumbria.HelpDeskFinding),
            C.GradeEnteredModeration("E3", Grade.Outstanding)));
        Assert.Equal(Grade.Outstanding, Then.Decided(Moderate(reproposed, Grade.Outstanding)).ProposedGrade);
    }

    [Fact]
    public void A_grade_is_moderated_only_once_it_is_in_the_moderation_queue()
    {
        Assert.Equal("Moderation needs question E3 at “Moderation”; it is at “Awaiting a grade”. The proposed grade is entering moderation.",
            Then.Refused(Moderate(Given.Inspection(Cumbria.E3Proposed), Grade.Good), 409).Detail);
        Then.Refused(Moderate(Given.Inspection(Cumbria.AwaitingAward), Grade.Good), 409, "it is at “Awaiting award”");
        Then.Refused(Moderate(Given.Inspection(Cumbria.InModeration), Grade.Good, question: "F2"), 404, "Question 'F2' is not in the scope");
    }

    [Fact]
    public void A_moderated_grade_must_be_on_the_scale() =>
        Then.Invalid(Moderate(Given.Inspection(Cumbria.InModeration), Grade.Adequate, "Adequate fits better."), "grade", "Adequate is not on the 4-point scale");

    [Fact]
    public void On_the_five_point_scale_a_moderator_may_settle_on_adequate()
    {
        var kent = Given.Inspection(Kent.Q4InModeration);
        Assert.Equal(Grade.Adequate, Then.Decided(Moderate(kent, Grade.Adequate, question: "Q4")).ModeratedGrade);
    }

    [Fact]
    public void A_moderation_needs_the_grade_and_the_version_it_was_made_on()
    {
        Then.Valid(ModerateGradeRules.Validate(new ModerateGrade(Grade.Good, null, 21)));
        Then.Invalid(ModerateGradeRules.Validate(new ModerateGrade(null, null, null)), "grade", "expectedVersion");
        Then.Invalid(ModerateGradeRules.Validate(new ModerateGrade(Grade.Good, new string('r', 20_001), 21)), "reason");
    }

    // Awarding.

    [Fact]
    public void The_HMI_awards_the_moderated_grade_under_the_questions_lineage() =>
        Then.Decided(Award(Given.Inspection(Cumbria.AwaitingAward), "e3"),
            new GradeAwarded(C.Id, "cumbria", "2018/19", 2018, "peel-2018-19", "E3", Frameworks.ProtectingVulnerable, Grade.Good, People.Hmi, C.AwardedAt));

    [Fact]
    public void The_award_is_the_moderators_grade_not_the_proposal()
    {
        var changed = Given.Inspection(Cumbria.InModeration.Then(C.GradeModerated("E3", Grade.Good, Grade.RequiresImprovement, "Backlogs.")));
        Assert.Equal(Grade.RequiresImprovement, Then.Decided(Award(changed)).Grade);
    }

    [Fact]
    public void A_grade_is_awarded_only_after_moderation() =>
        Assert.Equal("Awarding a grade needs question E3 at “Awaiting award”; it is at “Moderation”. Its proposed grade awaits a moderator.",
            Then.Refused(Award(Given.Inspection(Cumbria.InModeration)), 409).Detail);

    [Fact]
    public void A_grade_is_awarded_once() =>
        Then.Refused(Award(Given.Inspection(Cumbria.QuestionsSettled)), 409, "Question E3 is already settled (awarded Good).");

    [Fact]
    public void Carried_over_and_ungraded_questions_are_not_awarded()
    {
        Then.Refused(Award(Given.Inspection(Cumbria.AwaitingAward), "E2"), 409, "Question E2 is already settled (Good carried over from 2017).");
        Then.Refused(Award(Given.Inspection(Cumbria.AwaitingAward), "E5"), 409, "Question E5 is ungraded");
        Then.Refused(Award(Given.Inspection(Cumbria.AwaitingAward), "F1"), 404);
    }

    // Shared rules.

    [Fact]
    public void Grades_read_as_a_report_prints_them()
    {
        Assert.Equal("Requires improvement", Grade.RequiresImprovement.Display());
        Assert.Equal(["Outstanding", "Good", "Adequate", "Inadequate"],
            new[] { Grade.Outstanding, Grade.Good, Grade.Adequate, Grade.Inadequate }.Select(g => g.Display()));
        Assert.Null(GradeRules.OnScale(Frameworks.Peel2021, Grade.Adequate));
        Then.Refused(GradeRules.OnScale(Frameworks.Peel2016, Grade.Adequate), 400,
            "Adequate is not on the 4-point scale of PEEL 2016 (effectiveness) (Outstanding, Good, Requires improvement, Inadequate).");
    }

    [Theory]
    [InlineData("Scheduled", "E3", "not scoped yet")]
    [InlineData("Planned", "E3", "scoped for detailed inspection, no grade yet")]
    [InlineData("Planned", "E1", "Good carried over from 2016")]
    [InlineData("E3Proposed", "E3", "Good proposed")]
    [InlineData("QuestionsSettled", "E3", "awarded Good")]
    public void Where_a_questions_grade_stands_is_described_in_words(string story, string question, string described) =>
        Assert.Equal(described, GradeRules.Describe(Given.Inspection(Stories.Of(story)).FindQuestion(question)!));

    [Fact]
    public void A_question_is_found_in_the_inspection_and_in_its_framework()
    {
        var inspection = Given.Inspection(Cumbria.Planned);
        var found = Then.Decided(GradeRules.Find(inspection, Cumbria.Framework, "e3"));
        Assert.Equal(("E3", "E3", QuestionScope.Detailed, (string?)"effectiveness"), (found.Code, found.Defined.Code, found.Scoped.Scope, found.Defined.PillarCode));
        Then.Refused(GradeRules.Find(inspection, Cumbria.Framework, "F1"), 404);
        Then.Refused(GradeRules.Find(inspection, Kent.Framework, "E3"), 404, $"Question 'E3' is not in the scope of inspection {C.Id}.");
    }
}
