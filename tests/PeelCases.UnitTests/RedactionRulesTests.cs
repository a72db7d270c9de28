using PeelCases.FactualAccuracy;
using PeelCases.Inspections;
using PeelCases.UnitTests.Support;

namespace PeelCases.UnitTests;

/// <summary>Redacting what the inspection's own stream holds: one question's deliberation, one challenge.</summary>
public sealed class RedactionRulesTests
{
    private static readonly InspectionHistory C = Cumbria.Inspection;
    private static readonly DateTimeOffset Now = C.SignedOffAt;
    private static readonly Guid ChallengeId = Guid.Parse("c0b1a000-2018-4019-8000-0000000000c9");

    [Fact]
    public void A_question_is_redacted_once_until_something_is_written_again_and_its_grade_stands()
    {
        var history = Cumbria.E3Proposed.Then(C.ReturnedByQa("E3", "Jane Doe's statement is missing."));
        var decided = Then.Decided(RedactQuestionRules.Decide(Given.Inspection(history), "e3", new RedactText(" Erasure request. ", 1), People.Lead, Now));
        Assert.Equal(new QuestionTextRedacted(C.Id, "E3", "Erasure request.", People.Lead, Now), decided);

        var redacted = Given.Inspection(history.Then(decided));
        var e3 = redacted.FindQuestion("E3")!;
        Assert.Equal(("[redacted]", "[redacted]", "E3"), (e3.QaComments, e3.Proposed!.Rationale, e3.Code));
        Assert.Equal(Given.Inspection(history).FindQuestion("E3")!.Proposed!.Grade, e3.Proposed.Grade);
        Assert.Equal("question E3", Assert.Single(redacted.Redactions).What);
        Assert.Equal("Question E3 holds no free text that is not already redacted.",
            RedactQuestionRules.Decide(redacted, "E3", new RedactText("Again.", 1), People.Lead, Now).Done?.Why);
        Then.Refused(RedactQuestionRules.Decide(redacted, "Q9", new RedactText("x", 1), People.Lead, Now), 404, "Question 'Q9' is not in the scope");
        Assert.True(((IRedaction)decided).Covers(C.ReturnedByQa("E3", "x")));
        Assert.False(((IRedaction)decided).Covers(C.ReturnedByQa("E1", "x")));
    }

    [Fact]
    public void A_challenge_is_redacted_with_its_resolution_and_keeps_its_outcome()
    {
        var history = Cumbria.CheckOpen.Then(C.ChallengeRaised(ChallengeId, "Jane Doe's case closed on 3 May."), C.ChallengeResolved(ChallengeId, true, "Date corrected for Jane Doe."));
        var decided = Then.Decided(RedactChallengeRules.Decide(Given.Inspection(history), ChallengeId, new RedactText("Erasure request.", 1), People.Lead, Now));
        var redacted = Given.Inspection(history.Then(decided));
        var challenge = Assert.Single(redacted.FactualAccuracy!.Challenges);
        Assert.Equal(("[redacted]", "[redacted]", true), (challenge.Text, challenge.Reason, challenge.Accepted));
        Assert.Equal($"Challenge {ChallengeId} holds no free text that is not already redacted.", RedactChallengeRules.Decide(redacted, ChallengeId, new RedactText("Again.", 1), People.Lead, Now).Done?.Why);
        Assert.Equal(($"challenge {ChallengeId}", "Erasure request.", People.Lead), (redacted.Redactions[0].What, redacted.Redactions[0].Reason, redacted.LastChangedBy));
        Assert.True(((IRedaction)decided).Covers(C.ChallengeResolved(ChallengeId, true, "x")));
        Assert.False(((IRedaction)decided).Covers(C.ChallengeResolved(Guid.NewGuid(), true, "x")));
        Then.Refused(RedactChallengeRules.Decide(redacted, Guid.NewGuid(), new RedactText("x", 1), People.Lead, Now), 404);
        Assert.True(((IRedaction)decided).Covers(C.ChallengeRaised(ChallengeId, "x")));
        Assert.False(((IRedaction)decided).Covers(C.ChallengeRaised(Guid.NewGuid(), "x")));
        Assert.False(((IRedaction)decided).Covers(C.ReturnedByQa("E3", "x")));
    }

    [Fact]
    public void A_redaction_needs_a_reason_and_the_version_it_redacts()
    {
        Then.Valid(new RedactText("Erasure request.", 1).Validate());
        Then.Invalid(new RedactText(null, null).Validate(), "reason", "expectedVersion");
    }
}
