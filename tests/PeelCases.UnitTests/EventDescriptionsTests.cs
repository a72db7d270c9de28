using PeelCases.Audit;
using PeelCases.Fieldwork;
using PeelCases.Findings;
using PeelCases.Inspections;
using PeelCases.Kernel;
using Xunit;

namespace PeelCases.UnitTests;

/// <summary>The audit trail's lines are read by moderators and HMIs: stored values in their words, never an enum name.</summary>
public sealed class EventDescriptionsTests
{
    private static readonly Guid Id = Guid.Parse("5f0c1e2a-8d3b-4c6f-9a1e-2b7d4c9e0f13");
    private static readonly DateTimeOffset At = new(2018, 10, 9, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_scoping_says_what_the_question_is_scoped_for_and_what_it_was()
    {
        Assert.Equal("E3 scoped for carry-over (was for detailed inspection): Graded good in 2017; no new concerns",
            EventDescriptions.Describe(new QuestionScoped(Id, "cumbria", "E3", QuestionScope.CarryOver, QuestionScope.Detailed,
                "Graded good in 2017; no new concerns", "lena.lead", At)));
        Assert.Equal("E5 scoped as ungraded (narrative findings only)",
            EventDescriptions.Describe(new QuestionScoped(Id, "cumbria", "E5", QuestionScope.Ungraded, null, null, "lena.lead", At)));
    }

    [Fact]
    public void Evidence_is_described_by_its_method_in_words()
    {
        var content = new EvidenceContent(EvidenceMethod.CaseFileReview, 10, new DateOnly(2018, 10, 9), "Call handlers used THRIVE.", "Control room logs", ["E3"], false);
        Assert.Equal("Evidence recorded (case file review, 10 files) on 9 Oct 2018: Call handlers used THRIVE.",
            EventDescriptions.Describe(new EvidenceRecorded(Id, Id, content, "ian.inspector", At)));
    }

    [Fact]
    public void Statuses_read_as_words()
    {
        Assert.Equal("Recommendation 2 now no further action needed from 1 Mar 2020",
            EventDescriptions.Describe(new RecommendationStatusChanged(Id, Id, 2, RecommendationStatus.NoFurtherActionNeeded, null,
                new DateOnly(2020, 3, 1), "lena.lead", At)));
        Assert.Equal("E3: finding now in progress from 1 Mar 2020: Plan agreed with the force.",
            EventDescriptions.Describe(new FindingFollowedUp(Id, Id, "E3", null, FollowUpStatus.InProgress, "Plan agreed with the force.", null,
                new DateOnly(2020, 3, 1), "lena.lead", At)));
    }

    [Theory]
    [InlineData(FindingKind.AreaForImprovement, "area for improvement")]
    [InlineData(FindingKind.CauseOfConcern, "cause of concern")]
    [InlineData(FindingKind.Strength, "strength")]
    public void An_enum_value_inside_a_sentence_is_its_words_in_lower_case(FindingKind kind, string words) =>
        Assert.Equal(words, Words.Lower(kind));
}
