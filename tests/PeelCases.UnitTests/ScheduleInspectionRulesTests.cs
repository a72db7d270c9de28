using PeelCases.UnitTests.Support;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.UnitTests;

/// <summary>Scheduling an inspection: GIVEN the reference data and the force's inspections so far, WHEN the lead schedules, THEN InspectionScheduled or why not.</summary>
public sealed class ScheduleInspectionRulesTests
{
    private static readonly DateTimeOffset Now = Cumbria.Inspection.ScheduledAt;
    private static readonly Guid NewId = Cumbria.Inspection.Id;

    private static ScheduleInspection Schedule(string force = "cumbria", string framework = "peel-2018-19", string cycle = "2018/19",
        Guid? id = null, params string[] questions)
    {
        // The same days of the framework's own year, inside its cycle's window.
        var years = (Frameworks.All.FirstOrDefault(f => f.Id == framework)?.Year ?? 2018) - 2018;
        return new(id, force, cycle, framework, questions.Length > 0 ? questions : ["E1", "E2", "E3", "E4", "E5"], People.Lead,
            Cumbria.Inspection.FieldworkStarts.AddYears(years), Cumbria.Inspection.FieldworkEnds.AddYears(years), People.Team);
    }

    /// <summary>WHEN: the endpoint looks the force and framework up by the codes the command names.</summary>
    private static Decision<InspectionScheduled> Decide(ScheduleInspection c, params Inspection[] sameCycle) =>
        ScheduleInspectionRules.Decide(c, Forces.All.SingleOrDefault(f => f.Id == c.ForceId),
            FrameworkVersions.Applicable(Frameworks.All.Where(f => f.Id == c.FrameworkId), c.FieldworkStarts!.Value), sameCycle, NewId, People.Lead, Now);

    [Fact]
    public void Scheduling_Cumbria_for_PEEL_2018_19_records_the_inspection_against_that_framework_version()
    {
        var command = Schedule() with { LeadInspector = "  lena.lead ", Team = [" ian.inspector", "sara.inspector", "ian.inspector "] };
        Then.Decided(Decide(command), new InspectionScheduled(NewId, "cumbria", "2018/19", 2018, "peel-2018-19", 2,
            ["E1", "E2", "E3", "E4", "E5"], People.Lead, new DateOnly(2018, 10, 8), new DateOnly(2018, 10, 19),
            [People.Lead, People.Ian, People.Sara], People.Lead, Now, ["effectiveness"]));
    }

    [Fact]
    public void Questions_keep_the_framework_order_and_its_spelling_whatever_order_the_lead_listed_them_in()
    {
        var scheduled = Then.Decided(Decide(Schedule(questions: ["l1", "e5", "E1"])));
        Assert.Equal(["E1", "E5", "L1"], scheduled.QuestionCodes);
    }

    [Fact]
    public void The_lead_inspector_is_on_the_team_even_when_no_team_is_named() =>
        Assert.Equal([People.Lead], Then.Decided(Decide(Schedule() with { Team = null })).Team);

    [Theory]
    [InlineData("2013-12-02", "2013-12-13", "fieldworkStarts", "2013-12-02 is outside the fieldwork window of cycle 2018/19 (2018-01-01 to 2020-03-31).")]
    [InlineData("2020-03-16", "2020-04-03", "fieldworkEnds", "2020-04-03 is outside the fieldwork window of cycle 2018/19 (2018-01-01 to 2020-03-31).")]
    public void Fieldwork_lies_inside_the_cycle_window(string starts, string ends, string field, string message) =>
        Then.Invalid(Decide(Schedule() with { FieldworkStarts = DateOnly.Parse(starts), FieldworkEnds = DateOnly.Parse(ends) }), field, message);

    [Fact]
    public void An_unknown_force_is_named_back_to_the_lead() =>
        Then.Invalid(Decide(Schedule(force: "atlantis")), "forceId", "There is no force with code 'atlantis'", "GET /forces");

    [Fact]
    public void An_unknown_framework_is_named_back_to_the_lead() =>
        Then.Invalid(Decide(Schedule(framework: "peel-1999")), "frameworkId", "There is no framework 'peel-1999'", "GET /frameworks");

    [Fact]
    public void A_framework_is_used_only_for_its_own_cycle() =>
        Then.Invalid(Decide(Schedule(cycle: "2017")), "cycle", "Framework peel-2018-19 is for cycle 2018/19, not 2017.");

    [Fact]
    public void Fieldwork_cannot_end_before_it_starts() =>
        Then.Invalid(Decide(Schedule() with { FieldworkEnds = new DateOnly(2018, 10, 7) }), "fieldworkEnds",
            "Fieldwork cannot end (2018-10-07) before it starts (2018-10-08).");

    [Fact]
    public void Fieldwork_may_start_and_end_on_the_same_day() =>
        Then.Decided(Decide(Schedule() with { FieldworkEnds = Cumbria.Inspection.FieldworkStarts }));

    [Fact]
    public void A_fieldwork_window_may_run_90_days_but_no_longer()
    {
        var starts = Cumbria.Inspection.FieldworkStarts;
        Then.Decided(Decide(Schedule() with { FieldworkEnds = starts.AddDays(90) }));
        Then.Invalid(Decide(Schedule() with { FieldworkEnds = starts.AddDays(91) }), "fieldworkEnds", "at most 90 days");
    }

    [Fact]
    public void A_question_the_framework_does_not_have_is_refused() =>
        Then.Invalid(Decide(Schedule(questions: ["E1", "Q7"])), "questionCodes", "Framework peel-2018-19 has no question 'Q7'.");

    [Fact]
    public void A_question_listed_twice_is_refused_even_in_another_case() =>
        Then.Invalid(Decide(Schedule(questions: ["E1", "E3", "e1"])), "questionCodes", "Question E1 is listed twice.");

    [Fact]
    public void A_force_has_one_inspection_of_a_pillar_per_cycle()
    {
        var existing = Given.Inspection(Cumbria.Planned);
        Then.Refused(Decide(Schedule(id: Guid.NewGuid()), existing), 409,
            "Cumbria Constabulary already has an inspection of effectiveness for cycle 2018/19", existing.Id.ToString());
        Then.Refused(Decide(Schedule(id: null, questions: ["E2", "F1"]), existing), 409, "already has an inspection of effectiveness");
    }

    [Fact]
    public void Pillars_inspected_separately_in_one_cycle_are_inspections_of_their_own()
    {
        var effectiveness2017 = Given.Inspection(new InspectionHistory(Guid.NewGuid(), Cumbria.Force, Frameworks.Peel2017Pillars,
            new DateOnly(2017, 9, 11), new DateOnly(2017, 9, 22)) { Questions = ["E1", "E2"] }.Scheduled());
        var efficiency = Then.Decided(Decide(Schedule(framework: "peel-2017", cycle: "2017", questions: ["F1", "F2", "F3"]), effectiveness2017));
        Assert.Equal(["efficiency"], efficiency.Pillars!);
        Assert.Equal(2, efficiency.FrameworkVersion);
        Then.Refused(Decide(Schedule(framework: "peel-2017", cycle: "2017", questions: ["E3", "L1"]), effectiveness2017), 409,
            "already has an inspection of effectiveness for cycle 2017");
    }

    [Fact]
    public void An_inspection_scheduled_before_coverage_was_recorded_covers_the_pillars_of_its_questions()
    {
        var legacy = Given.Inspection(Cumbria.Inspection2017.Scheduled());
        Assert.Null(legacy.Covers); // scheduled before coverage was recorded: derived from its questions
        Then.Refused(Decide(Schedule(framework: "peel-2017", cycle: "2017", questions: ["E5"]), legacy), 409, "already has an inspection of effectiveness for cycle 2017");
        Then.Decided(Decide(Schedule(framework: "peel-2017", cycle: "2017", questions: ["L1"]), legacy));
        Assert.Equal("whole", legacy.Coverage);
        // An integrated framework has no pillars: its inspection covers the whole cycle.
        Assert.Empty(Then.Decided(Decide(Schedule(framework: "peel-2021-22", cycle: "2021/22", questions: ["Q1"]))).Pillars!);
    }

    [Fact]
    public void Resending_the_same_schedule_with_its_id_is_not_a_second_inspection()
    {
        var existing = Given.Inspection(Cumbria.Scheduled);
        Then.Decided(Decide(Schedule(id: existing.Id), existing));
    }

    [Fact]
    public void A_2021_22_inspection_is_scheduled_against_the_five_point_framework()
    {
        var command = new ScheduleInspection(null, "kent", "2021/22", "peel-2021-22", ["Q6", "Q3", "Q4"], People.Lead,
            Kent.Inspection.FieldworkStarts, Kent.Inspection.FieldworkEnds);
        var scheduled = Then.Decided(Decide(command));
        Assert.Equal(("kent", 2021, "peel-2021-22"), (scheduled.ForceId, scheduled.Year, scheduled.FrameworkId));
        Assert.Equal(["Q3", "Q4", "Q6"], scheduled.QuestionCodes);
    }

    [Fact]
    public void A_schedule_must_name_force_cycle_framework_questions_lead_and_fieldwork_window()
    {
        Then.Invalid(ScheduleInspectionRules.Validate(new ScheduleInspection(null, null, null, null, null, null, null, null)),
            "forceId", "cycle", "frameworkId", "questionCodes", "leadInspector", "fieldworkStarts", "fieldworkEnds");
        Then.Valid(ScheduleInspectionRules.Validate(Schedule()));
        Then.Valid(ScheduleInspectionRules.Validate(Schedule() with { Team = null }));
    }

    [Fact]
    public void A_schedule_may_not_use_the_empty_id_nor_list_a_blank_team_member()
    {
        Then.Invalid(ScheduleInspectionRules.Validate(Schedule(id: Guid.Empty)), "inspectionId");
        Then.Invalid(ScheduleInspectionRules.Validate(Schedule() with { Team = [People.Ian, " "] }), "team[1]");
        Then.Invalid(ScheduleInspectionRules.Validate(Schedule() with { Team = Enumerable.Range(1, 51).Select(i => $"inspector.{i}").ToList() }), "team");
    }
}
