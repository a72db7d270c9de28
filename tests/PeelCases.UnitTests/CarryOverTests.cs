using PeelCases.UnitTests.Support;
using PeelCases.Demo;
using PeelCases.Fieldwork;
using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.UnitTests;

/// <summary>
/// Carrying an earlier awarded judgment over: GIVEN Cumbria's earlier inspections as stored
/// (2016: E1 awarded Good; 2017: E1 carried over from 2016, E2–E4 awarded Good), WHEN a
/// 2018/19 question scoped for carry-over is carried over, THEN it refers to where the grade
/// was actually awarded, or says why nothing can be carried.
/// </summary>
public sealed class CarryOverTests
{
    private static readonly InspectionHistory C = Cumbria.Inspection;
    private static readonly IReadOnlyDictionary<string, AssessmentFramework> AllFrameworks = Frameworks.All.ToDictionary(f => f.Key);
    private static readonly Inspection[] Earlier = [Given.Inspection(Cumbria.Published2016), Given.Inspection(Cumbria.Published2017)];

    /// <summary>WHEN: the lookup the endpoint and the workflow use, over the given earlier inspections.</summary>
    private static Decision<JudgmentCarriedOver> CarryOver(Inspection inspection, string question, params Inspection[] earlier) =>
        CarryOverJudgmentRules.Decide(inspection, Cumbria.Framework, question,
            q => EarlierJudgments.Resolve(inspection, q, earlier, AllFrameworks, Cumbria.Force.Name), People.Lead, C.CarriedAt);

    private static Inspection ScopedForCarryOver(string question) =>
        Given.Inspection(Cumbria.Scheduled.Then(C.Scoped(question, QuestionScope.CarryOver)));

    [Fact]
    public void A_judgment_awarded_in_2017_is_carried_into_2018_19_by_its_lineage() =>
        Then.Decided(CarryOver(ScopedForCarryOver("e2"), "e2", Earlier),
            new JudgmentCarriedOver(C.Id, "cumbria", "2018/19", 2018, "peel-2018-19", "E2", Frameworks.InvestigatingCrime,
                new JudgmentReference(DemoData.Cumbria2017, "cumbria", "2017", 2017, "peel-2017", "E2", "effectiveness", Grade.Good, Cumbria.Inspection2017.AwardedAt),
                People.Lead, C.CarriedAt));

    [Fact]
    public void A_chain_of_carry_overs_refers_to_where_the_grade_was_awarded()
    {
        var carried = Then.Decided(CarryOver(ScopedForCarryOver("E1"), "E1", Earlier));
        Assert.Equivalent(Cumbria.Inspection2016.Reference("E1", Grade.Good), carried.From, strict: true);
    }

    [Fact]
    public void The_newest_earlier_award_is_the_one_carried_whatever_order_the_inspections_are_read_in()
    {
        var e3Outstanding2016 = Given.Inspection(Cumbria.EarlierInspection(Cumbria.Inspection2016.WithQuestions("E1", "E3"), [], ["E1", "E3"], Grade.Outstanding));
        var e3Good2017 = Given.Inspection(Cumbria.Published2017);
        foreach (var earlier in new[] { new[] { e3Outstanding2016, e3Good2017 }, [e3Good2017, e3Outstanding2016] })
        {
            var carried = Then.Decided(CarryOver(ScopedForCarryOver("E3"), "E3", earlier));
            Assert.Equal((2017, Grade.Good), (carried.From.Year, carried.From.Grade));
        }
    }

    [Fact]
    public void An_earlier_inspection_still_in_progress_is_passed_over_for_an_older_award()
    {
        var inProgress2017 = Given.Inspection(Cumbria.Inspection2017.Scheduled(), Cumbria.Inspection2017.Scoped("E1", QuestionScope.Detailed),
            Cumbria.Inspection2017.FieldworkStarted());
        var carried = Then.Decided(CarryOver(ScopedForCarryOver("E1"), "E1", Given.Inspection(Cumbria.Published2016), inProgress2017));
        Assert.Equal(DemoData.Cumbria2016, carried.From.InspectionId);
    }

    [Fact]
    public void When_earlier_inspections_assessed_the_question_but_none_awarded_it_the_lead_is_told_so()
    {
        var inProgress2017 = Given.Inspection(Cumbria.Inspection2017.Scheduled(), Cumbria.Inspection2017.Scoped("E2", QuestionScope.Detailed));
        Then.Refused(CarryOver(ScopedForCarryOver("E2"), "E2", Given.Inspection(Cumbria.Published2016), inProgress2017), 409,
            "Cumbria Constabulary's earlier inspections assessed this question (effectiveness/investigating-crime) but none awarded a grade that could be carried over.");
    }

    [Fact]
    public void With_no_earlier_inspection_of_the_same_lineage_there_is_nothing_to_carry() =>
        Then.Refused(CarryOver(ScopedForCarryOver("E4"), "E4", Given.Inspection(Cumbria.Published2016)), 409,
            "No earlier inspection of Cumbria Constabulary assessed a question of the same lineage (effectiveness/serious-organised-crime). Grades from different frameworks are not comparable, so there is nothing to carry over.");

    [Fact]
    public void Only_inspections_of_earlier_years_count()
    {
        var inspection = ScopedForCarryOver("E2");
        // Another 2018/19 inspection of the force that awarded E2 (the query reads only earlier years; the rule holds regardless).
        var sameYear = new InspectionHistory(Guid.Parse("c0b1a000-2018-4019-8000-0000000000aa"), Cumbria.Force, Cumbria.Framework,
            C.FieldworkStarts, C.FieldworkEnds) { Questions = ["E2"] };
        Then.Refused(CarryOver(inspection, "E2", Given.Inspection(Cumbria.EarlierInspection(sameYear, [], ["E2"]))), 409, "No earlier inspection");
        Then.Refused(CarryOver(inspection, "E2", inspection), 409, "No earlier inspection");
    }

    [Fact]
    public void An_earlier_inspection_against_a_framework_no_longer_known_is_passed_over()
    {
        var inspection = ScopedForCarryOver("E2");
        var known = new Dictionary<string, AssessmentFramework> { [Frameworks.Peel2016.Key] = Frameworks.Peel2016 };
        Assert.Null(EarlierJudgments.Resolve(inspection, Cumbria.Framework.FindQuestion("E2")!, Earlier, known, "Cumbria Constabulary").Found);
    }

    [Fact]
    public void The_workflow_takes_the_inspections_own_framework_version_from_the_versions_it_read()
    {
        var (framework, lookup) = EarlierJudgments.ResolveFor(ScopedForCarryOver("E2"), "E2", Earlier, AllFrameworks, Cumbria.Force.Name);
        Assert.Same(AllFrameworks[Cumbria.Framework.Key], framework);
        Assert.Equal(Grade.Good, lookup!.Found!.Grade);
        Assert.Equal((null, null), EarlierJudgments.ResolveFor(ScopedForCarryOver("E2"), "X9", Earlier, AllFrameworks, Cumbria.Force.Name));
        var without = AllFrameworks.Where(f => f.Key != Cumbria.Framework.Key).ToDictionary();
        Assert.Equal((null, null), EarlierJudgments.ResolveFor(ScopedForCarryOver("E2"), "E2", Earlier, without, Cumbria.Force.Name));
    }

    [Fact]
    public void A_question_without_lineage_has_nothing_to_carry_over()
    {
        var noLineage = Cumbria.Framework.FindQuestion("E2")! with { LineageKey = null };
        var lookup = EarlierJudgments.Resolve(ScopedForCarryOver("E2"), noLineage, Earlier, AllFrameworks, "Cumbria Constabulary");
        Assert.Equal((null, "Question E2 has no lineage to earlier cycles, so no earlier judgment can be carried over."), (lookup.Found, lookup.WhyNone));
    }

    [Fact]
    public void The_2021_22_framework_shares_no_lineage_with_the_pillar_based_cycles()
    {
        var kent = Given.Inspection(Kent.Inspection.Scheduled("Q5"), Kent.Inspection.Scoped("Q5", QuestionScope.CarryOver));
        var lookup = EarlierJudgments.Resolve(kent, Kent.Framework.FindQuestion("Q5")!, Earlier, AllFrameworks, Kent.Force.Name);
        Assert.StartsWith("No earlier inspection of Kent Police assessed a question of the same lineage (peel-2021/q5).", lookup.WhyNone);
    }

    [Fact]
    public void Only_a_question_scoped_for_carry_over_keeps_its_earlier_judgment()
    {
        Then.Refused(CarryOver(Given.Inspection(Cumbria.Planned), "E3", Earlier), 409,
            "Question E3 is scoped for detailed inspection, no grade yet; only a question scoped for carry-over keeps its earlier judgment.");
        Then.Refused(CarryOver(Given.Inspection(Cumbria.Scheduled), "E3", Earlier), 409, "Question E3 is not scoped yet;");
    }

    [Fact]
    public void A_judgment_is_carried_over_once() =>
        Then.Refused(CarryOver(Given.Inspection(Cumbria.Planned), "E1", Earlier), 409, "Question E1 is already settled (Good carried over from 2016).");

    [Fact]
    public void Only_a_question_of_the_inspection_is_carried_over() =>
        Then.Refused(CarryOver(Given.Inspection(Cumbria.Planned), "F1", Earlier), 404, "Question 'F1' is not in the scope");

    [Fact]
    public void A_carry_over_flagged_for_a_decision_can_still_be_carried_once_an_earlier_award_exists()
    {
        var flagged = Given.Inspection(Cumbria.Scheduled.Then(C.Scoped("E2", QuestionScope.CarryOver),
            C.CarryOverNeedsDecision("E2", "No earlier inspection of Cumbria Constabulary assessed it.")));
        Then.Decided(CarryOver(flagged, "E2", Earlier));
    }
}
