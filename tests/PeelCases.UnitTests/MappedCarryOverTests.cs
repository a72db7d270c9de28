using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.ReferenceData;
using PeelCases.UnitTests.Support;

namespace PeelCases.UnitTests;

/// <summary>
/// Carry-over through a lineage mapping: GIVEN Durham's 2017 efficiency inspection (framework
/// 2017 version 2, three questions awarded), WHEN a 2018/19 question that replaced 2017 questions
/// is carried over, THEN it refers to the award of the question it replaced, with the mapping's
/// reason; where two 2017 judgments could stand, the lead inspector must choose.
/// </summary>
public sealed class MappedCarryOverTests
{
    private static readonly Force Durham = Forces.All.Single(f => f.Id == "durham");
    private static readonly IReadOnlyDictionary<string, AssessmentFramework> AllFrameworks = Frameworks.All.ToDictionary(f => f.Key);

    private static readonly InspectionHistory Efficiency2017 =
        new(Guid.NewGuid(), Durham, Frameworks.Peel2017Pillars, new DateOnly(2017, 5, 8), new DateOnly(2017, 5, 19)) { Questions = ["F1", "F2", "F3"] };

    private static readonly InspectionHistory Inspection2018 =
        new(Guid.NewGuid(), Durham, Frameworks.Peel2018, new DateOnly(2018, 10, 8), new DateOnly(2018, 10, 19)) { Questions = ["F1", "F2"] };

    private static readonly Inspection[] Earlier =
    [
        Given.Inspection(Efficiency2017.Scheduled(), Efficiency2017.GradeAwarded("F1", Grade.Good),
            Efficiency2017.GradeAwarded("F2", Grade.Outstanding), Efficiency2017.GradeAwarded("F3", Grade.Good)),
    ];

    private static readonly Inspection Scoped = Given.Inspection(Inspection2018.Scheduled(),
        Inspection2018.Scoped("F1", QuestionScope.CarryOver), Inspection2018.Scoped("F2", QuestionScope.CarryOver));

    private static JudgmentLookup Lookup(string question, string? chosen = null) =>
        EarlierJudgments.Resolve(Scoped, Frameworks.Peel2018.FindQuestion(question)!, Earlier, AllFrameworks, Durham.Name, chosen);

    [Fact]
    public void A_question_that_replaced_one_earlier_question_carries_its_award_with_the_mappings_reason()
    {
        var lookup = Lookup("F2");
        Assert.Equal((Efficiency2017.Id, "F3", Grade.Good, "2017"), (lookup.Found!.InspectionId, lookup.Found.QuestionCode, lookup.Found.Grade, lookup.Found.Cycle));
        Assert.StartsWith("The same question under a new wording", lookup.Via);
    }

    [Fact]
    public void Where_two_earlier_questions_were_merged_into_one_the_lead_inspector_must_choose()
    {
        var lookup = Lookup("F1");
        Assert.Null(lookup.Found);
        Assert.StartsWith("Several earlier judgments could stand for F1: F1 (Good, 2017); F2 (Outstanding, 2017). 2018/19 asks one question", lookup.WhyNone);
        Assert.EndsWith("Carry one over by hand, naming it (\"from\": \"F1\").", lookup.WhyNone);
    }

    [Fact]
    public void The_lead_inspectors_choice_decides_which_judgment_stands()
    {
        var carried = Then.Decided(CarryOverJudgmentRules.Decide(Scoped, Frameworks.Peel2018, "F1", q => Lookup(q.Code, "f2"), People.Lead, Inspection2018.CarriedAt));
        Assert.Equal(("F2", Grade.Outstanding), (carried.From.QuestionCode, carried.From.Grade));
        Assert.StartsWith("2018/19 asks one question", carried.Via);
    }

    [Fact]
    public void A_choice_that_names_no_standing_judgment_is_refused_with_what_was_asked()
    {
        Then.Refused(CarryOverJudgmentRules.Decide(Scoped, Frameworks.Peel2018, "F1", q => Lookup(q.Code, "F3"), People.Lead, Inspection2018.CarriedAt),
            409, "No earlier inspection of Durham Constabulary holds a judgment on question F3 that could stand for F1.");
    }

    [Fact]
    public void A_question_matched_by_its_own_lineage_carries_no_mapping_reason()
    {
        var lookup = EarlierJudgments.Resolve(Given.Inspection(Cumbria.Scheduled.Then(Cumbria.Inspection.Scoped("E2", QuestionScope.CarryOver))),
            Cumbria.Framework.FindQuestion("E2")!, [Given.Inspection(Cumbria.Published2017)], AllFrameworks, Cumbria.Force.Name);
        Assert.NotNull(lookup.Found);
        Assert.Null(lookup.Via);
    }

    [Fact]
    public void Every_mapping_joins_lineages_that_exist_and_says_why()
    {
        var lineages = Frameworks.All.SelectMany(f => f.Questions).Select(q => q.LineageKey).ToHashSet();
        Assert.All(LineageMappings.All, m =>
        {
            Assert.Contains(m.From, lineages);
            Assert.Contains(m.To, lineages);
            Assert.False(string.IsNullOrWhiteSpace(m.Reason));
            Assert.DoesNotContain("../", m.Reason); // the console prints it beside an earlier finding: no path into the repository
        });
        Assert.All(LineageMappings.All.Where(m => m.Change == LineageChange.ManyToOne).GroupBy(m => m.To), g => Assert.True(g.Count() > 1));
        Assert.All(LineageMappings.All.Where(m => m.Change == LineageChange.OneToMany).GroupBy(m => m.From), g => Assert.True(g.Count() > 1));
    }

    [Fact]
    public void Every_mapping_across_cycles_joins_lineages_that_exist_once_each_and_says_why_in_words_for_the_team()
    {
        var lineages = Frameworks.All.SelectMany(f => f.Questions).Select(q => q.LineageKey).ToHashSet();
        Assert.All(LineageMappings.FollowedUpAcrossCycles, m =>
        {
            Assert.Contains(m.From, lineages);
            Assert.Contains(m.To, lineages);
            Assert.DoesNotContain("../", m.Reason); // the console prints it: no path into the repository
            Assert.Contains("progress against causes of concern and areas for improvement", m.Reason);
        });
        Assert.Equal(LineageMappings.FollowedUpAcrossCycles.Count, LineageMappings.FollowedUpAcrossCycles.Select(m => (m.From, m.To)).Distinct().Count());
        // None joins lineages a judgment already stands across: those are carry-over's, not a follow-up's.
        Assert.DoesNotContain(LineageMappings.FollowedUpAcrossCycles, m => LineageMappings.SourcesOf(m.To).Any(s => s.Lineage == m.From));
        // Each marked from the whole list: its later lineage taking up several, else its earlier one taken up by several.
        var all = LineageMappings.FollowedUpAcrossCycles;
        Assert.All(all, m => Assert.Equal(
            all.Count(x => x.To == m.To) > 1 ? LineageChange.ManyToOne : all.Count(x => x.From == m.From) > 1 ? LineageChange.OneToMany : LineageChange.OneToOne, m.Change));
        Assert.Contains(all, m => m.Change == LineageChange.OneToOne);
        Assert.Equal(LineageChange.ManyToOne, all.Single(m => m.From == "peel-2021/area/positive-workplace").Change); // with the core question on the workforce
        Assert.Equal(LineageChange.OneToMany, all.Single(m => m.To == "peel-2021/area/managing-offenders").Change); // investigating crime and reducing re-offending
    }

    [Theory]
    [InlineData("F1")]
    [InlineData("F2")]
    public void Where_one_earlier_question_was_split_in_two_its_judgment_can_stand_for_either(string question)
    {
        var in2015 = new InspectionHistory(Guid.NewGuid(), Durham, Frameworks.Peel2015, new DateOnly(2015, 5, 11), new DateOnly(2015, 5, 22)) { Questions = ["F1"] };
        var in2016 = new InspectionHistory(Guid.NewGuid(), Durham, Frameworks.Peel2016Pillars, new DateOnly(2016, 5, 9), new DateOnly(2016, 5, 20))
            { Questions = ["F1", "F2"] };
        var scoped = Given.Inspection(in2016.Scheduled(), in2016.Scoped("F1", QuestionScope.CarryOver), in2016.Scoped("F2", QuestionScope.CarryOver));

        var lookup = EarlierJudgments.Resolve(scoped, Frameworks.Peel2016Pillars.FindQuestion(question)!,
            [Given.Inspection(in2015.Scheduled(), in2015.GradeAwarded("F1", Grade.RequiresImprovement))], AllFrameworks, Durham.Name);

        Assert.Equal((in2015.Id, "F1", Grade.RequiresImprovement), (lookup.Found!.InspectionId, lookup.Found.QuestionCode, lookup.Found.Grade));
        Assert.StartsWith("2015 asked one efficiency question", lookup.Via);
    }
}
