using PeelCases.UnitTests.Support;
using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.Moderation;
using PeelCases.ReferenceData;

namespace PeelCases.UnitTests;

/// <summary>Pillar grades (2015–2018/19 frameworks): proposed, moderated and awarded once every graded question of the pillar is settled.</summary>
public sealed class PillarGradingTests
{
    private static readonly InspectionHistory C = Cumbria.Inspection;
    private const string Rationale = " Cumbria Constabulary is good at reducing crime and keeping people safe. ";

    private static Decision<PillarGradeProposed> Propose(Inspection inspection, string pillar = Cumbria.Effectiveness, Grade grade = Grade.Good) =>
        ProposePillarGradeRules.Decide(inspection, Frameworks.All.Single(f => f.Key == AssessmentFramework.KeyOf(inspection.FrameworkId, inspection.FrameworkVersion)), pillar,
            new ProposePillarGrade(grade, Rationale, inspection.Version), People.Lead, C.PillarProposedAt);

    private static Decision<PillarGradeAwarded> Award(Inspection inspection, string pillar = Cumbria.Effectiveness) =>
        AwardPillarGradeRules.Decide(inspection, Frameworks.All.Single(f => f.Key == AssessmentFramework.KeyOf(inspection.FrameworkId, inspection.FrameworkVersion)), pillar, People.Hmi, C.PillarAwardedAt);

    private static Decision<PillarGradeModerated> Moderate(Inspection inspection, Grade grade = Grade.Good, string? reason = null) =>
        ModeratePillarGradeRules.Decide(inspection, Frameworks.All.Single(f => f.Key == AssessmentFramework.KeyOf(inspection.FrameworkId, inspection.FrameworkVersion)),
            Cumbria.Effectiveness, new ModerateGrade(grade, reason, inspection.Version), People.Moderator, C.PillarModeratedAt);

    [Fact]
    public void Once_every_graded_question_is_settled_the_lead_proposes_the_pillar_grade() =>
        Then.Decided(Propose(Given.Inspection(Cumbria.QuestionsSettled), "Effectiveness"),
            new PillarGradeProposed(C.Id, "effectiveness", Grade.Good, Rationale.Trim(), People.Lead, C.PillarProposedAt));

    [Fact]
    public void A_pillar_is_ready_for_its_grade_once_its_graded_questions_are_settled()
    {
        var pillar = Then.Decided(PillarRules.Ready(Given.Inspection(Cumbria.QuestionsSettled), Cumbria.Framework, "EFFECTIVENESS"));
        Assert.Equal(("effectiveness", "Effectiveness"), (pillar.Code, pillar.Name));
    }

    [Fact]
    public void A_pillar_grade_waits_for_every_graded_question_of_the_pillar_and_names_those_outstanding()
    {
        var refusal = Then.Refused(Propose(Given.Inspection(Cumbria.InModeration)), 409);
        Assert.Equal("Effectiveness can be graded once every graded question is settled (awarded or carried over). Not yet: E3 (Good proposed).", refusal.Detail);
        Then.Refused(Propose(Given.Inspection(Cumbria.InReporting)), 409, "Not yet: E3 (scoped for detailed inspection, no grade yet).");
    }

    [Fact]
    public void An_ungraded_question_does_not_hold_the_pillar_up()
    {
        var e5Drafting = Given.Inspection(Cumbria.InModeration.Then(C.GradeModerated("E3", Grade.Good, Grade.Good), C.GradeAwarded("E3", Grade.Good)));
        Assert.Equal(QuestionStage.Ungraded, e5Drafting.FindQuestion("E5")!.Stage);
        Then.Decided(Propose(e5Drafting));
    }

    [Fact]
    public void A_pillar_with_no_graded_question_in_the_inspection_is_not_graded() =>
        Then.Refused(Propose(Given.Inspection(Cumbria.QuestionsSettled), "efficiency"), 409,
            "No graded question of Efficiency is in the scope of this inspection.");

    [Fact]
    public void A_pillar_the_framework_does_not_have_is_not_found() =>
        Then.Refused(Propose(Given.Inspection(Cumbria.QuestionsSettled), "leadership"), 404, "PEEL 2018/19 has no pillar 'leadership'.");

    [Fact]
    public void The_2021_22_framework_has_no_pillar_grades() =>
        Then.Refused(Propose(Given.Inspection(Kent.Planned), "effectiveness"), 409,
            "PEEL 2021/22 has no pillars, so there is no pillar grade; each question is graded on its own.");

    [Fact]
    public void A_pillar_grade_must_be_on_the_scale() =>
        Then.Invalid(Propose(Given.Inspection(Cumbria.QuestionsSettled), grade: Grade.Adequate), "grade", "Adequate is not on the 4-point scale");

    [Fact]
    public void A_pillar_proposal_can_be_revised_until_it_is_moderated_and_the_latest_is_the_one_moderated()
    {
        var revised = Given.Inspection(Cumbria.PillarProposed.Then(C.PillarGradeProposed(Cumbria.Effectiveness, Grade.Outstanding)));
        Then.Decided(Propose(revised, grade: Grade.Good));
        Assert.Equal((Grade.Outstanding, Grade.Outstanding), (Then.Decided(Moderate(revised, Grade.Outstanding)).ProposedGrade, revised.Pillars[0].Proposed!.Grade));
    }

    [Fact]
    public void A_new_proposal_after_moderation_is_moderated_afresh_before_the_award()
    {
        var moderated = Given.Inspection(Cumbria.PillarModerated);
        var again = Then.Decided(Propose(moderated, grade: Grade.Outstanding));
        var reproposed = Given.Inspection(Cumbria.PillarModerated.Then(again));
        Assert.Equal((Grade.Outstanding, null), (reproposed.Pillars[0].Proposed!.Grade, reproposed.Pillars[0].Moderated));
        Then.Refused(Award(reproposed), 409, "waits for moderation");
        Assert.Equal(Grade.Outstanding, Then.Decided(Moderate(reproposed, Grade.Outstanding)).ProposedGrade);
    }

    [Fact]
    public void A_carried_over_judgment_disputed_after_the_pillars_moderation_sends_the_pillar_back_to_moderation()
    {
        // E1, carried over, is disputed once the pillar is moderated: the pillar waits for E1, then for a moderator again.
        var disputed = Given.Inspection(Cumbria.PillarModerated.Then(new CarriedOverJudgmentDisputed(C.Id, "E1", C.Reference("E1", Grade.Good),
            Grade.RequiresImprovement, "Prevention has slipped.", People.Lead, C.PillarModeratedAt.AddDays(1), Cumbria.Effectiveness)));
        var pillar = disputed.Pillars.Single();
        Assert.Equal((Grade.Good, null), (pillar.Proposed!.Grade, pillar.Moderated));
        Then.Refused(Award(disputed), 409, "Not yet: E1");
        var decided = Given.Inspection(Cumbria.PillarModerated.Then(new CarriedOverJudgmentDisputed(C.Id, "E1", C.Reference("E1", Grade.Good),
            Grade.RequiresImprovement, "Prevention has slipped.", People.Lead, C.PillarModeratedAt.AddDays(1)),
            C.GradeModerated("E1", Grade.RequiresImprovement, Grade.RequiresImprovement, "Agreed."), C.GradeAwarded("E1", Grade.RequiresImprovement)));
        Then.Refused(Award(decided), 409, "waits for moderation");
        // A dispute of another pillar's question leaves this pillar's moderation standing; one stored before disputes named
        // their pillar sends every pillar grade not yet awarded back.
        Assert.NotNull(Given.Inspection(Cumbria.PillarModerated.Then(new CarriedOverJudgmentDisputed(C.Id, "E1", C.Reference("E1", Grade.Good),
            Grade.RequiresImprovement, "r", People.Lead, C.PillarModeratedAt.AddDays(1), "efficiency"))).Pillars.Single().Moderated);
        Assert.Null(Given.Inspection(Cumbria.PillarModerated.Then(new CarriedOverJudgmentDisputed(C.Id, "E1", C.Reference("E1", Grade.Good),
            Grade.RequiresImprovement, "r", People.Lead, C.PillarModeratedAt.AddDays(1)))).Pillars.Single().Moderated);
        // An award stays an award.
        var awarded = Given.Inspection(Cumbria.ReadyForSignOff.Then(new CarriedOverJudgmentDisputed(C.Id, "E1", C.Reference("E1", Grade.Good),
            Grade.RequiresImprovement, "r", People.Lead, C.SignedOffAt)));
        Assert.NotNull(awarded.Pillars.Single().Moderated);
    }

    [Fact]
    public void A_pillar_is_graded_only_while_the_inspection_is_in_reporting_or_moderation()
    {
        var h = C.WithQuestions("E1");
        var planning = Given.Inspection(h.Scheduled(), h.Scoped("E1", QuestionScope.CarryOver), h.CarriedOver("E1", h.Reference("E1", Grade.Good)));
        Then.Refused(Propose(planning), 409, "Effectiveness is graded while the inspection is at");
        Then.Refused(Moderate(Given.Inspection(Kent.Planned)), 409, "has no pillars");
    }

    [Fact]
    public void A_moderator_confirms_the_proposed_pillar_grade_without_a_reason() =>
        Then.Decided(Moderate(Given.Inspection(Cumbria.PillarProposed)),
            new PillarGradeModerated(C.Id, "effectiveness", Grade.Good, Grade.Good, null, People.Moderator, C.PillarModeratedAt));

    [Fact]
    public void Changing_the_pillar_grade_at_moderation_needs_a_reason_and_the_award_gives_the_moderated_grade()
    {
        var proposed = Given.Inspection(Cumbria.PillarProposed);
        Then.Invalid(Moderate(proposed, Grade.RequiresImprovement, "  "), "reason", "Changing Effectiveness's proposed grade (Good) to Requires improvement needs a reason.");
        Then.Invalid(Moderate(proposed, Grade.Adequate, "r"), "grade", "Adequate is not on the 4-point scale");
        var changed = Then.Decided(Moderate(proposed, Grade.RequiresImprovement, " Two of its questions were carried over from 2016. "));
        Assert.Equal((true, "Two of its questions were carried over from 2016."), (changed.Changed, changed.Reason));

        var moderated = Given.Inspection(Cumbria.PillarProposed.Then(changed));
        Assert.Equal((Grade.RequiresImprovement, true, People.Moderator), (moderated.Pillars[0].Moderated!.Grade, moderated.Pillars[0].Moderated!.Changed, moderated.Pillars[0].Moderated!.ModeratedBy));
        Assert.Equal(Grade.Good, moderated.Pillars[0].Proposed!.Grade); // the proposal is kept beside the moderation
        Assert.Equal(Grade.RequiresImprovement, Then.Decided(Award(moderated)).Grade);
    }

    [Fact]
    public void A_pillar_grade_is_moderated_once_and_the_same_moderation_sent_again_is_already_done()
    {
        var moderated = Given.Inspection(Cumbria.PillarModerated);
        Assert.NotNull(Moderate(moderated, Grade.Good, $" {Cumbria.PillarModerationReason}").Done); // a resend: nothing appended
        Then.Refused(Moderate(moderated), 409, "was moderated on"); // the same grade without the note is another moderation
        Then.Refused(Moderate(moderated, Grade.Outstanding, "On reflection."), 409,
            $"Effectiveness's grade was moderated on {PeelCases.Kernel.UkTime.Format(C.PillarModeratedAt)} by mo.moderator: Good stands for the award.");
        Then.Refused(Moderate(Given.Inspection(Cumbria.ReadyForSignOff)), 409, "Effectiveness is already awarded Good.");
    }

    [Fact]
    public void Only_a_proposed_pillar_grade_is_moderated_and_only_once_every_graded_question_is_settled()
    {
        Then.Refused(Moderate(Given.Inspection(Cumbria.QuestionsSettled)), 409, "Effectiveness has no proposed grade to moderate.");
        Then.Refused(Moderate(Given.Inspection(Cumbria.InModeration)), 409, "Not yet: E3 (Good proposed).");
    }

    [Fact]
    public void The_HMI_awards_the_moderated_pillar_grade() =>
        Then.Decided(Award(Given.Inspection(Cumbria.PillarModerated), "EFFECTIVENESS"),
            new PillarGradeAwarded(C.Id, "cumbria", "2018/19", 2018, "effectiveness", Grade.Good, People.Hmi, C.PillarAwardedAt));

    [Fact]
    public void A_pillar_grade_is_awarded_only_once_proposed_and_moderated()
    {
        Then.Refused(Award(Given.Inspection(Cumbria.QuestionsSettled)), 409, "Effectiveness has no proposed grade to award.");
        Then.Refused(Award(Given.Inspection(Cumbria.PillarProposed)), 409,
            "Effectiveness's proposed grade (Good) waits for moderation: a moderator confirms or changes it before it is awarded.");
    }

    [Fact]
    public void A_pillars_text_is_redacted_once_its_grades_stay_and_the_redaction_covers_only_that_pillars_events()
    {
        var moderated = Given.Inspection(Cumbria.PillarModerated.Then(C.PillarSummaryWritten(Cumbria.Effectiveness, "Good.")));
        var redact = (Inspection i, string code) => RedactPillarRules.Decide(i, Cumbria.Framework, code, new RedactText(" Erasure request. ", i.Version), People.Lead, C.PillarAwardedAt);
        var redacted = Then.Decided(redact(moderated, "EFFECTIVENESS"),
            new PillarTextRedacted(C.Id, Cumbria.Effectiveness, "Erasure request.", People.Lead, C.PillarAwardedAt));
        var after = Given.Inspection(Cumbria.PillarModerated.Then(C.PillarSummaryWritten(Cumbria.Effectiveness, "Good."), redacted));
        var pillar = after.Pillars.Single();
        Assert.Equal(("[redacted]", "[redacted]", "[redacted]", Grade.Good, Grade.Good), (pillar.Proposed!.Rationale, pillar.Moderated!.Reason, pillar.Summary,
            pillar.Proposed.Grade, pillar.Moderated.Grade));
        Assert.NotNull(redact(after, Cumbria.Effectiveness).Done); // nothing left to remove
        Assert.NotNull(redact(Given.Inspection(Cumbria.QuestionsSettled), Cumbria.Effectiveness).Done); // nothing written for it yet
        Then.Refused(redact(moderated, "leadership"), 404, "has no pillar 'leadership'");

        IRedaction covering = redacted;
        Assert.True(covering.Covers(C.PillarGradeProposed(Cumbria.Effectiveness, Grade.Good)));
        Assert.True(covering.Covers(C.PillarGradeModerated(Cumbria.Effectiveness, Grade.Good, Grade.Good, "r")));
        Assert.False(covering.Covers(C.PillarGradeProposed("legitimacy", Grade.Good)));
        Assert.False(covering.Covers(C.GradeModerated("E3", Grade.Good, Grade.Good, "r")));
        // A flag dismissed on the pillar's summary names the pillar; a dispute of one of its questions names the question too, and is the question's.
        Assert.True(covering.Covers(new DraftFlagDismissed(C.Id, "", "f1", "the effectiveness pillar summary", "is outstanding", "Good", "r", People.Lead,
            C.PillarAwardedAt, Cumbria.Effectiveness)));
        Assert.False(covering.Covers(new CarriedOverJudgmentDisputed(C.Id, "E1", C.Reference("E1", Grade.Good), Grade.RequiresImprovement, "r", People.Lead,
            C.PillarAwardedAt, Cumbria.Effectiveness)));
    }

    [Theory]
    [InlineData(Grade.Good, null)]
    [InlineData(Grade.RequiresImprovement, null)]
    [InlineData(Grade.Outstanding, "Proposed Outstanding, better than every question it stands on (the best is Good).")]
    [InlineData(Grade.Inadequate, "Proposed Inadequate, worse than every question it stands on (the worst is Requires improvement).")]
    public void The_pillar_queue_flags_a_proposal_outside_its_own_questions_grades(Grade proposed, string? flag)
    {
        PillarQuestionGrade[] questions = [new("E1", Grade.Good, true), new("E2", Grade.RequiresImprovement, false), new("E3", Grade.Good, false)];
        Assert.Equal(flag, PillarModerationQueue.Flag(Cumbria.Framework.Scale, proposed, questions));
        Assert.Null(PillarModerationQueue.Flag(Cumbria.Framework.Scale, proposed, []));
    }

    [Fact]
    public void The_pillar_queue_counts_the_other_forces_of_the_cycle_by_their_awarded_else_moderated_grade()
    {
        var here = Given.Inspection(Cumbria.PillarProposed);
        static Inspection Other(string force, string cycle, params object[] after)
        {
            var other = Given.Inspection(Cumbria.PillarProposed.Then(after));
            (other.Id, other.ForceId, other.Cycle) = (Guid.NewGuid(), force, cycle);
            return other;
        }
        var inCycle = new[]
        {
            here,
            Other("cumbria", "2018/19", C.PillarGradeModerated(Cumbria.Effectiveness, Grade.Good, Grade.Inadequate, "r")), // the same force: not another
            Other("kent", "2018/19", C.PillarGradeModerated(Cumbria.Effectiveness, Grade.Good, Grade.RequiresImprovement, "r")),
            Other("durham", "2018/19", C.PillarGradeModerated(Cumbria.Effectiveness, Grade.Good, Grade.Good), C.PillarGradeAwarded(Cumbria.Effectiveness, Grade.Outstanding)),
            Other("essex", "2018/19"), // proposed only: not counted
            Other("dorset", "2017", C.PillarGradeModerated(Cumbria.Effectiveness, Grade.Good, Grade.Inadequate, "r")), // another cycle
        };
        var counts = PillarModerationQueue.OtherForces(Cumbria.Framework.Scale, here, inCycle, Cumbria.Effectiveness);
        Assert.Equal([1, 0, 1, 0], Cumbria.Framework.Scale.Select(g => counts[g])); // Outstanding, Good, Requires improvement, Inadequate
    }

    [Fact]
    public void The_pillar_queue_reads_its_questions_grades_awarded_or_carried_over_in_the_framework_order()
    {
        var settled = Given.Inspection(Cumbria.PillarProposed);
        Assert.Equal(["E1 Good carried over", "E2 Good carried over", "E3 Good", "E4 Good carried over"],
            PillarModerationQueue.QuestionsOf(settled, Cumbria.Framework, Cumbria.Effectiveness).Select(q => $"{q.Code} {q.Grade}{(q.CarriedOver ? " carried over" : "")}"));
        var h = C.WithQuestions("L1", "L2");
        var mixed = Given.Inspection(h.Scheduled(), h.Scoped("L1", QuestionScope.Detailed), h.Scoped("L2", QuestionScope.CarryOver),
            h.CarriedOver("L2", h.Reference("L2", Grade.Outstanding)));
        Assert.Equal([new PillarQuestionGrade("L2", Grade.Outstanding, true)], PillarModerationQueue.QuestionsOf(mixed, Cumbria.Framework, "legitimacy"));
    }

    [Fact]
    public void A_pillar_grade_is_awarded_once_and_not_proposed_again()
    {
        var awarded = Given.Inspection(Cumbria.ReadyForSignOff);
        Then.Refused(Award(awarded), 409, "Effectiveness is already awarded Good.");
        Then.Refused(Propose(awarded), 409, "Effectiveness is already awarded Good.");
    }

    [Fact]
    public void The_award_follows_the_same_readiness_rules_as_the_proposal()
    {
        Then.Refused(Award(Given.Inspection(Cumbria.InModeration)), 409, "Not yet: E3 (Good proposed).");
        Then.Refused(Award(Given.Inspection(Kent.Planned)), 409, "has no pillars");
    }

    [Fact]
    public void A_pillar_of_several_questions_lists_every_one_still_outstanding()
    {
        var h = C.WithQuestions("L1", "L2", "L3");
        var inspection = Given.Inspection(h.Scheduled(), h.Scoped("L1", QuestionScope.Detailed), h.Scoped("L2", QuestionScope.CarryOver),
            h.CarriedOver("L2", h.Reference("L2", Grade.Good)), h.Scoped("L3", QuestionScope.Detailed));
        Then.Refused(Propose(inspection, "legitimacy"), 409,
            "Legitimacy can be graded once every graded question is settled (awarded or carried over). Not yet: L1 (scoped for detailed inspection, no grade yet); L3 (scoped for detailed inspection, no grade yet).");
    }

    [Fact]
    public void A_pillar_proposal_needs_a_grade_a_rationale_and_the_version_it_was_made_on()
    {
        Then.Valid(ProposePillarGradeRules.Validate(new ProposePillarGrade(Grade.Good, "Rationale.", 30)));
        Then.Invalid(ProposePillarGradeRules.Validate(new ProposePillarGrade(null, null, null)), "grade", "rationale", "expectedVersion");
    }
}
