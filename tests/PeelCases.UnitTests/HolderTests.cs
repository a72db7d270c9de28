using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;
using PeelCases.UnitTests.Support;

namespace PeelCases.UnitTests;

/// <summary>Who holds a question at its stage: taken by someone whose role does the work, handed on by the lead inspector, let go when it moves on.</summary>
public sealed class HolderTests
{
    private static readonly InspectionHistory C = Cumbria.Inspection;
    private static readonly DateTimeOffset At = C.SubmittedAt.AddHours(1);
    private static readonly Inspection InQa = Given.Inspection(Cumbria.E3InQaReview);

    private static Decision<QuestionHandedTo> Hand(Inspection i, string? holder, string actor, params string[] roles) =>
        HandQuestionRules.Decide(i, "e3", new HandQuestion(holder, 1), actor, roles, At);

    [Fact]
    public void A_QA_reviewer_takes_the_review_and_the_lead_inspector_hands_it_to_one()
    {
        Then.Decided(Hand(InQa, null, People.Qa, Roles.QaReviewer), new QuestionHandedTo(C.Id, "E3", QuestionStage.QaReview, People.Qa, People.Qa, At));
        Then.Decided(Hand(InQa, " quinn.qa ", People.Lead, Roles.LeadInspector),
            new QuestionHandedTo(C.Id, "E3", QuestionStage.QaReview, People.Qa, People.Lead, At));
    }

    [Fact]
    public void Only_a_role_that_does_the_stages_work_takes_it_and_only_the_lead_hands_it_on()
    {
        Then.Refused(Hand(InQa, null, People.Ian, Roles.Inspector), 403, "work for a QA reviewer", "ian.inspector cannot take it");
        Then.Refused(Hand(InQa, People.Qa, People.Ian, Roles.Inspector), 403, "Only the inspection's lead inspector (lena.lead)");
        Then.Refused(Hand(InQa, People.Qa, People.Moderator, Roles.Moderator), 403);
        // A QA reviewer hands the review to a colleague; not to the team, whose findings it reviews.
        Then.Decided(Hand(InQa, "quentin.qa", People.Qa, Roles.QaReviewer));
        Then.Invalid(Hand(InQa, People.Ian, People.Lead, Roles.LeadInspector), "holder", "ian.inspector is on this inspection's team");
        Then.Invalid(Hand(Given.Inspection(Cumbria.InModeration), People.Lead, People.Moderator, Roles.Moderator), "holder", "on this inspection's team");
        Then.Refused(Hand(Given.Inspection(Cumbria.Planned), null, People.Lead, Roles.LeadInspector), 409, "no one holds it there");
        // Drafting stays within the team.
        var drafting = Given.Inspection(Cumbria.InReporting);
        Then.Invalid(Hand(drafting, People.Olu, People.Lead, Roles.LeadInspector), "holder", "olu.inspector is not on the team");
        Then.Decided(Hand(drafting, null, People.Sara, Roles.Inspector));
    }

    [Fact]
    public void The_holder_is_kept_at_the_stage_and_let_go_when_the_question_moves_on()
    {
        var taken = Cumbria.E3InQaReview.Then(new QuestionHandedTo(C.Id, "E3", QuestionStage.QaReview, People.Qa, People.Lead, At));
        Assert.Equal(new StageHolder(People.Qa, People.Lead, At), Given.Inspection(taken).FindQuestion("E3")!.Holder);
        Assert.NotNull(Hand(Given.Inspection(taken), null, People.Qa, Roles.QaReviewer).Done); // taken already
        Assert.Null(Given.Inspection(taken.Then(C.AcceptedByQa("E3"))).FindQuestion("E3")!.Holder);
        Assert.Null(Given.Inspection(taken.Then(C.ReturnedByQa("E3", "Cite the dip sample."))).FindQuestion("E3")!.Holder);
        // Drafting: a holder who leaves the team lets go.
        var drafting = Cumbria.InReporting.Then(new QuestionHandedTo(C.Id, "E3", QuestionStage.Drafting, People.Sara, People.Lead, At));
        Assert.Null(Given.Inspection(drafting.Then(new InspectionTeamChanged(C.Id, [], [People.Sara], People.Lead, At))).FindQuestion("E3")!.Holder);
    }

    private static Decision<InspectionHandedTo> HandInspection(object[] history, string? holder, string actor, params string[] roles) =>
        HandInspectionRules.Decide(Given.Inspection(history), new HandInspection(holder, 1), actor, roles, At);

    [Fact]
    public void The_HMI_takes_the_sign_off_and_lets_go_once_signed_off_and_a_moderator_takes_the_inspections_moderation()
    {
        Then.Decided(HandInspection(Cumbria.ReadyForSignOff, null, People.Hmi, Roles.Hmi),
            new InspectionHandedTo(C.Id, InspectionStage.SignOff, People.Hmi, People.Hmi, At));
        Then.Decided(HandInspection(Cumbria.ReadyForSignOff, "harriet.hmi", People.Lead, Roles.LeadInspector));
        Then.Refused(HandInspection(Cumbria.ReadyForSignOff, null, People.Moderator, Roles.Moderator), 403, "The inspection at “HMI sign-off” is work for an HM Inspector");
        Then.Refused(HandInspection(Cumbria.ReadyForSignOff, People.Hmi, People.Ian, Roles.Inspector), 403, "Only the inspection's lead inspector (lena.lead) or an HM Inspector hands the inspection on");
        Then.Invalid(HandInspection(Cumbria.ReadyForSignOff, People.Sara, People.Lead, Roles.LeadInspector), "holder", "sara.inspector is on this inspection's team");
        Then.Decided(HandInspection(Cumbria.InModeration, null, People.Moderator, Roles.Moderator));
        Then.Refused(HandInspection(Cumbria.InFieldwork, null, People.Lead, Roles.LeadInspector), 409, "no one holds it there but its lead inspector");
        Then.Refused(HandInspection(Cumbria.SignedOff, null, People.Hmi, Roles.Hmi), 409, "signed off");

        var taken = Cumbria.ReadyForSignOff.Then(new InspectionHandedTo(C.Id, InspectionStage.SignOff, People.Hmi, People.Lead, At));
        Assert.Equal(new StageHolder(People.Hmi, People.Lead, At), Given.Inspection(taken).Holder);
        Assert.NotNull(HandInspection(taken, null, People.Hmi, Roles.Hmi).Done);
        Assert.Null(Given.Inspection(taken.Then(C.SignedOff())).Holder);
        // Moving on lets go: moderation's holder is gone once the inspection is ready for sign-off.
        var moderating = Cumbria.InModeration.Then(new InspectionHandedTo(C.Id, InspectionStage.Moderation, People.Moderator, People.Moderator, At));
        Assert.Equal(People.Moderator, Given.Inspection(moderating).Holder!.Person);
        Assert.Null(Given.Inspection(Cumbria.Summarised(moderating.Then(C.GradeModerated("E3", Grade.Good, Grade.Good), C.GradeAwarded("E3", Grade.Good),
            C.PillarGradeProposed(Cumbria.Effectiveness, Grade.Good), C.PillarGradeAwarded(Cumbria.Effectiveness, Grade.Good), C.ReadyForSignOff()))).Holder);
    }

    [Fact]
    public void A_holder_of_a_check_on_the_teams_work_lets_go_on_joining_the_team()
    {
        var qa = Cumbria.E3InQaReview.Then(new QuestionHandedTo(C.Id, "E3", QuestionStage.QaReview, People.Qa, People.Lead, At));
        Assert.Null(Given.Inspection(qa.Then(new InspectionTeamChanged(C.Id, [People.Qa], [], People.Lead, At))).FindQuestion("E3")!.Holder);
        var signOff = Cumbria.ReadyForSignOff.Then(new InspectionHandedTo(C.Id, InspectionStage.SignOff, People.Hmi, People.Hmi, At));
        Assert.Null(Given.Inspection(signOff.Then(new InspectionTeamChanged(C.Id, [People.Hmi], [], People.Lead, At))).Holder);
        // Drafting is the team's own work: a holder there stays when someone else joins.
        var drafting = Cumbria.InReporting.Then(new QuestionHandedTo(C.Id, "E3", QuestionStage.Drafting, People.Sara, People.Lead, At));
        Assert.NotNull(Given.Inspection(drafting.Then(new InspectionTeamChanged(C.Id, [People.Olu], [], People.Lead, At))).FindQuestion("E3")!.Holder);
    }
}
