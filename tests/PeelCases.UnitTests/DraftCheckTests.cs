using PeelCases.Grading;
using PeelCases.HmiSignOff;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;
using PeelCases.UnitTests.Support;

namespace PeelCases.UnitTests;

/// <summary>
/// Draft checks: GIVEN Cumbria 2018/19 ready for sign-off (E1 carried over from the 2016 award, E2 and
/// E4 from 2017, E3 awarded Good, the pillar Good), WHEN the hand-written summaries say otherwise,
/// THEN each disagreement is flagged with what the record says, and sign-off waits for it.
/// </summary>
public sealed class DraftCheckTests
{
    private static readonly InspectionHistory C = Cumbria.Inspection;

    private static Inspection With(string pillarSummary, string? e3Summary = null) =>
        Given.Inspection(Cumbria.ReadyForSignOff.Then(
            C.PillarSummaryWritten(Cumbria.Effectiveness, pillarSummary),
            C.SummaryWritten("E3", e3Summary ?? "Cumbria Constabulary is good at protecting vulnerable people.")));

    private static IReadOnlyList<DraftFlag> Flags(Inspection inspection, params StandingJudgment[] others) =>
        DraftChecks.Flags(inspection, Cumbria.Framework, others);

    [Fact]
    public void The_published_summary_agrees_with_the_record_and_raises_no_flag() =>
        Assert.Empty(Flags(With("Cumbria Constabulary is good at reducing crime and keeping people safe. " +
            "In 2016 we judged the constabulary as being good at preventing crime and tackling anti-social behaviour. " +
            "In 2017 we judged the constabulary to be good at investigating crime and tackling serious and organised crime.")));

    [Fact]
    public void A_year_the_judgment_was_not_awarded_in_is_flagged_with_the_year_the_record_holds()
    {
        var flag = Assert.Single(Flags(With("Cumbria Constabulary is good at reducing crime. In 2016 we judged the constabulary to be good at investigating crime.")));
        Assert.Equal(("the effectiveness pillar summary", "In 2016 we judged the constabulary to be good at investigating crime"), (flag.Element, flag.Said));
        Assert.StartsWith("Question E2 stands on the Good awarded in 2017", flag.RecordSays);
    }

    [Fact]
    public void A_grade_word_that_disagrees_with_the_grade_is_flagged()
    {
        var flags = Flags(With("Cumbria Constabulary is outstanding at reducing crime.", "The constabulary requires improvement in protecting vulnerable people."));
        Assert.Equal(["is outstanding", "requires improvement"], flags.Select(f => f.Said.Replace("The constabulary ", "")));
        Assert.Equal(["The effectiveness pillar is graded Good.", "Question E3 is graded Good."], flags.Select(f => f.RecordSays));
        // Each flag names whose text it is, so that a redaction of that pillar or question reaches its dismissal.
        Assert.Equal([("", "effectiveness"), ("E3", "")], flags.Select(f => (f.QuestionCode, f.PillarCode)));
    }

    [Fact]
    public void A_movement_the_record_does_not_show_is_flagged_with_the_movement_it_does()
    {
        var inspection = With("Cumbria Constabulary is good at reducing crime.", "Cumbria Constabulary is good at protecting vulnerable people; it has dropped two grades.");
        var earlier = new StandingJudgment(2017, "2017", Frameworks.ProtectingVulnerable, Grade.RequiresImprovement, GradeScales.FourPoint);
        var flag = Assert.Single(Flags(inspection, earlier));
        Assert.Equal(("dropped two grades", "Up one grade from Requires improvement in 2017."), (flag.Said, flag.RecordSays));
        Assert.Empty(Flags(With("Cumbria Constabulary is good at reducing crime.", "Cumbria Constabulary is good; it has improved by one grade."), earlier));
    }

    [Fact]
    public void The_same_wrong_words_twice_in_one_text_are_one_flag_to_correct_or_dismiss()
    {
        const string wrong = "In 2016 we judged the constabulary to be good at investigating crime.";
        var flag = Assert.Single(Flags(With($"Cumbria Constabulary is good at reducing crime. {wrong} As we said, {wrong}")));
        Assert.Equal("In 2016 we judged the constabulary to be good at investigating crime", flag.Said);
    }

    [Fact]
    public void Sign_off_waits_until_each_flag_is_corrected_or_dismissed_with_a_reason()
    {
        var inspection = With("Cumbria Constabulary is outstanding at reducing crime.");
        var refusal = Then.Refused(DraftCheckRules.Require(Flags(inspection)), 409,
            "waits for the draft checks", "the effectiveness pillar summary says \"is outstanding\" (The effectiveness pillar is graded Good.)");
        Assert.Contains("dismiss each flag with a reason", refusal.Detail);

        var flag = Assert.Single(Flags(inspection));
        var dismissed = Then.Decided(DraftCheckRules.Dismiss(inspection, Flags(inspection), flag.Id, new DismissDraftFlag("The HMI's wording: outstanding in part.", 1),
            "mo.moderator", C.SignedOffAt.AddMinutes(-5)));
        Assert.Equal(("", "effectiveness", flag.Id, "The HMI's wording: outstanding in part."),
            (dismissed.QuestionCode, dismissed.PillarCode, dismissed.FlagId, dismissed.Reason));
        var after = Given.Inspection(Cumbria.ReadyForSignOff.Then(C.PillarSummaryWritten(Cumbria.Effectiveness, "Cumbria Constabulary is outstanding at reducing crime."),
            C.SummaryWritten("E3", "Cumbria Constabulary is good at protecting vulnerable people."), dismissed));
        Assert.Equal("effectiveness", Assert.Single(Flags(after)).Dismissed!.PillarCode);
        Assert.Null(DraftCheckRules.Require(Flags(after)));
        Then.Refused(DraftCheckRules.Dismiss(after, Flags(after), "000000000000", new DismissDraftFlag("x", 1), "mo.moderator", C.SignedOffAt), 404);
    }
}
