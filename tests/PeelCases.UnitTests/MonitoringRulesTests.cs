using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.Findings;
using PeelCases.Monitoring;
using PeelCases.UnitTests.Support;

namespace PeelCases.UnitTests;

/// <summary>Moving a force between Scan and Engage.</summary>
public sealed class MonitoringRulesTests
{
    private static readonly InspectionHistory C = Cumbria.Inspection;
    private static readonly DateTimeOffset Now = new(2019, 6, 3, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid ConcernId = Guid.Parse("c0b1a000-2018-4019-8000-00000000f0c1");
    private static readonly Finding Concern = Given.Finding(C.FindingDrafted(ConcernId, "E3", C.CauseOfConcern([Cumbria.IncidentLogs])));
    private static readonly NamedConcern[] Named = [new(Concern, "cumbria")];

    private static ChangeMonitoringStage Engage(DateOnly? due = null, params Guid[] causes) =>
        new(MonitoringStage.Engage, " Not responding to the cause of concern. ", causes.Length == 0 ? [ConcernId] : causes, due ?? new DateOnly(2019, 9, 1), 0);

    [Fact]
    public void Engage_names_its_causes_of_concern_and_asks_for_an_improvement_plan()
    {
        Assert.Equal(new ForceMonitoringStageChanged("cumbria", MonitoringStage.Engage, MonitoringStage.Scan, "Not responding to the cause of concern.", [ConcernId],
            new DateOnly(2019, 9, 1), People.Hmi, Now), Then.Decided(MonitoringRules.Decide("cumbria", null, Engage(), Named, People.Hmi, Now)), new MovedComparer());
        Then.Refused(MonitoringRules.Decide("cumbria", null, Engage() with { CausesOfConcern = [] }, Named, People.Hmi, Now), 400, "names the causes of concern");
        Then.Refused(MonitoringRules.Decide("cumbria", null, Engage() with { ImprovementPlanDue = null }, Named, People.Hmi, Now), 400, "improvement plan by a date");
        Then.Refused(MonitoringRules.Decide("cumbria", null, Engage(new DateOnly(2019, 6, 3)), Named, People.Hmi, Now), 400, "due after today");
        Then.Refused(MonitoringRules.Decide("kent", null, Engage(), Named, People.Hmi, Now), 404, "kent has no finding");
        Then.Refused(MonitoringRules.Decide("cumbria", null, Engage(causes: Guid.NewGuid()), Named, People.Hmi, Now), 404);
        var strength = new NamedConcern(Given.Finding(Cumbria.HelpDeskDrafted), "cumbria");
        Then.Refused(MonitoringRules.Decide("cumbria", null, Engage(causes: Cumbria.HelpDeskFinding), [strength], People.Hmi, Now), 400, "not a standing cause of concern");
    }

    [Fact]
    public void Every_force_starts_at_Scan_and_a_move_to_where_it_is_is_refused()
    {
        Then.Refused(MonitoringRules.Decide("cumbria", null, new ChangeMonitoringStage(MonitoringStage.Scan, "r", null, null, 0), [], People.Hmi, Now), 409,
            "already at Scan (every force starts there)");
        var engaged = new ForceMonitoring { ForceId = "cumbria", Stage = MonitoringStage.Engage, Since = Now };
        Then.Refused(MonitoringRules.Decide("cumbria", engaged, Engage(), Named, People.Hmi, Now), 409, "already at Engage, since 3 June 2019");
        var back = Then.Decided(MonitoringRules.Decide("cumbria", engaged, new ChangeMonitoringStage(MonitoringStage.Scan, "Plan delivered.", null, null, 1), [], People.Hmi, Now));
        Assert.Equal((MonitoringStage.Scan, MonitoringStage.Engage, "Plan delivered."), (back.Stage, back.From, back.Reason));
        Then.Refused(MonitoringRules.Decide("cumbria", engaged, new ChangeMonitoringStage(MonitoringStage.Scan, "r", [ConcernId], null, 1), Named, People.Hmi, Now), 400);
    }

    [Fact]
    public void Each_refusal_names_its_field()
    {
        string[] Fields(ChangeMonitoringStage c, ForceMonitoring? current = null) =>
            MonitoringRules.Decide("cumbria", current, c, Named, People.Hmi, Now).Refusal!.Errors!.Keys.ToArray();
        Assert.Equal(["causesOfConcern"], Fields(Engage() with { CausesOfConcern = [] }));
        Assert.Equal(["improvementPlanDue"], Fields(Engage() with { ImprovementPlanDue = null }));
        Assert.Equal(["improvementPlanDue"], Fields(Engage(new DateOnly(2019, 6, 3))));
        var strength = new NamedConcern(Given.Finding(Cumbria.HelpDeskDrafted), "cumbria");
        Assert.Equal(["causesOfConcern"], MonitoringRules.Decide("cumbria", null, Engage(causes: Cumbria.HelpDeskFinding), [strength], People.Hmi, Now).Refusal!.Errors!.Keys);
        var engaged = new ForceMonitoring { ForceId = "cumbria", Stage = MonitoringStage.Engage, Since = Now };
        Assert.Equal(["causesOfConcern"], Fields(new ChangeMonitoringStage(MonitoringStage.Scan, "r", null, new DateOnly(2019, 9, 1), 1), engaged));
        Assert.Contains("A move back to Scan names no causes of concern", MonitoringRules.Decide("cumbria", engaged, new ChangeMonitoringStage(MonitoringStage.Scan, "r", [ConcernId], null, 1), Named, People.Hmi, Now).Refusal!.Detail);
        Then.Valid(MonitoringRules.Validate(Engage()));
        Then.Invalid(MonitoringRules.Validate(new ChangeMonitoringStage(null, null, Enumerable.Repeat(ConcernId, 101).ToList(), null, null)), "stage", "reason", "causesOfConcern", "expectedVersion");
        Then.Valid(MonitoringRules.Validate(new ChangeMonitoringStage(MonitoringStage.Scan, "r", null, null, 1)));
    }

    [Fact]
    public void A_forces_monitoring_stream_is_found_from_its_code() =>
        Assert.Equal(MonitoringStreams.For("cumbria"), MonitoringStreams.For("Cumbria"));

    private sealed class MovedComparer : IEqualityComparer<ForceMonitoringStageChanged>
    {
        public bool Equals(ForceMonitoringStageChanged? x, ForceMonitoringStageChanged? y) =>
            x! with { CausesOfConcern = [] } == y! with { CausesOfConcern = [] } && x.CausesOfConcern.SequenceEqual(y.CausesOfConcern);

        public int GetHashCode(ForceMonitoringStageChanged obj) => 0;
    }
}

/// <summary>The improvement plan a force at Engage sends, recorded by an HMI.</summary>
public sealed class ImprovementPlanRulesTests
{
    private static readonly DateTimeOffset MovedAt = new(2019, 6, 3, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2019, 8, 20, 15, 0, 0, TimeSpan.Zero);
    private static ForceMonitoring Engaged() => new() { ForceId = "cumbria", Stage = MonitoringStage.Engage, Since = MovedAt, ImprovementPlanDue = new DateOnly(2019, 9, 1) };
    private static RecordImprovementPlan Plan(DateOnly? on = null, string? reference = " Cumbria improvement plan v1 ") =>
        new(on ?? new DateOnly(2019, 8, 19), " Forty more call handlers by June. ", reference, 1);

    [Fact]
    public void A_force_at_Engage_sends_its_plan_on_or_after_the_move_and_not_after_today()
    {
        Then.Decided(ImprovementPlanRules.Decide("cumbria", Engaged(), Plan(), People.Hmi, Now),
            new ImprovementPlanReceived("cumbria", new DateOnly(2019, 8, 19), "Forty more call handlers by June.", "Cumbria improvement plan v1", People.Hmi, Now));
        Assert.Null(Then.Decided(ImprovementPlanRules.Decide("cumbria", Engaged(), Plan(reference: "  "), People.Hmi, Now)).Reference);
        Then.Decided(ImprovementPlanRules.Decide("cumbria", Engaged(), Plan(new DateOnly(2019, 6, 3)), People.Hmi, Now)); // the day of the move
        Then.Decided(ImprovementPlanRules.Decide("cumbria", Engaged(), Plan(new DateOnly(2019, 8, 20)), People.Hmi, Now)); // today
        Then.Refused(ImprovementPlanRules.Decide("cumbria", Engaged(), Plan(new DateOnly(2019, 6, 2)), People.Hmi, Now), 400, "on or after that day", "3 June 2019");
        Then.Refused(ImprovementPlanRules.Decide("cumbria", Engaged(), Plan(new DateOnly(2019, 8, 21)), People.Hmi, Now), 400, "today or on an earlier day");
        Then.Refused(ImprovementPlanRules.Decide("cumbria", null, Plan(), People.Hmi, Now), 409, "cumbria is at Scan");
        Then.Refused(ImprovementPlanRules.Decide("cumbria", new ForceMonitoring { ForceId = "cumbria", Stage = MonitoringStage.Scan, Since = MovedAt }, Plan(), People.Hmi, Now), 409);
        // Days are UK days: a move at 23:30 UTC on 2 June 2019 (BST) was made on 3 June, and 23:30 UTC on 20 August is 21 August.
        var lateMove = Engaged(); lateMove.Since = new DateTimeOffset(2019, 6, 2, 23, 30, 0, TimeSpan.Zero);
        Then.Refused(ImprovementPlanRules.Decide("cumbria", lateMove, Plan(new DateOnly(2019, 6, 2)), People.Hmi, Now), 400, "3 June 2019");
        Then.Decided(ImprovementPlanRules.Decide("cumbria", lateMove, Plan(new DateOnly(2019, 6, 3)), People.Hmi, Now));
        Then.Decided(ImprovementPlanRules.Decide("cumbria", Engaged(), Plan(new DateOnly(2019, 8, 21)), People.Hmi, new DateTimeOffset(2019, 8, 20, 23, 30, 0, TimeSpan.Zero)));
        Then.Invalid(ImprovementPlanRules.Validate(new RecordImprovementPlan(null, " ", new string('r', 201), null)), "receivedOn", "summary", "reference", "expectedVersion");
        Then.Valid(ImprovementPlanRules.Validate(new RecordImprovementPlan(new DateOnly(2019, 8, 19), "s", null, 1)));
    }

    [Fact]
    public void The_same_plan_sent_again_is_done_a_revised_one_is_recorded_and_the_next_move_clears_it()
    {
        var engaged = Engaged();
        var received = Then.Decided(ImprovementPlanRules.Decide("cumbria", engaged, Plan(), People.Hmi, Now));
        ForceMonitoringProjection.Apply(received, engaged);
        Assert.Equal((new DateOnly(2019, 8, 19), MovedAt), (engaged.ImprovementPlan!.ReceivedOn, engaged.ImprovementPlan.Answers));
        Assert.False(MonitoringView.Of("cumbria", engaged).PlanOverdue(new DateOnly(2019, 9, 2))); // received: not overdue after its day

        Assert.NotNull(ImprovementPlanRules.Decide("cumbria", engaged, Plan(), People.Hmi, Now.AddHours(1)).Done);
        var revised = Then.Decided(ImprovementPlanRules.Decide("cumbria", engaged, Plan() with { Summary = "Sixty more call handlers by June." }, People.Hmi, Now));
        ForceMonitoringProjection.Apply(revised, engaged);
        Assert.Equal(("Sixty more call handlers by June.", 2), (engaged.ImprovementPlan!.Summary, engaged.ImprovementPlans.Count));

        // Back to Scan: no plan is open, and every plan recorded stays in the list.
        ForceMonitoringProjection.Apply(new ForceMonitoringStageChanged("cumbria", MonitoringStage.Scan, MonitoringStage.Engage, "Plan delivered.", [], null, People.Hmi, Now.AddDays(30)), engaged);
        Assert.Null(engaged.ImprovementPlan);
        Assert.Equal(2, engaged.ImprovementPlans.Count);
        Then.Refused(ImprovementPlanRules.Decide("cumbria", engaged, Plan(), People.Hmi, Now.AddDays(31)), 409, "at Scan");
    }

    [Fact]
    public void A_force_at_Engage_is_overdue_the_day_after_its_plan_was_due_until_one_arrives()
    {
        var view = MonitoringView.Of("cumbria", Engaged());
        Assert.False(view.PlanOverdue(new DateOnly(2019, 9, 1)));
        Assert.True(view.PlanOverdue(new DateOnly(2019, 9, 2)));
        Assert.False((view with { Stage = MonitoringStage.Scan }).PlanOverdue(new DateOnly(2019, 9, 2))); // back at Scan
        Assert.False((view with { ImprovementPlan = new ImprovementPlan(new DateOnly(2019, 9, 3), "s", null, MovedAt, People.Hmi, Now) }).PlanOverdue(new DateOnly(2019, 9, 4)));
    }
}

/// <summary>Personal data removed from a force's monitoring record.</summary>
public sealed class RedactMonitoringRulesTests
{
    private static readonly DateTimeOffset Now = new(2019, 8, 20, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_reasons_and_the_plans_words_are_masked_and_the_stages_days_people_and_concerns_stay()
    {
        var concern = Guid.NewGuid();
        var m = new ForceMonitoring { ForceId = "cumbria" };
        ForceMonitoringProjection.Apply(new ForceMonitoringStageChanged("cumbria", MonitoringStage.Engage, MonitoringStage.Scan, "Jane Doe's complaint.", [concern],
            new DateOnly(2019, 9, 1), People.Hmi, Now.AddDays(-30)), m);
        ForceMonitoringProjection.Apply(new ImprovementPlanReceived("cumbria", new DateOnly(2019, 8, 19), "Call Jane Doe weekly.", "Held by Jane Doe", People.Hmi, Now), m);
        Then.Refused(RedactMonitoringRules.Decide("cumbria", null, new RedactText("r", 0), People.Lead, Now), 404, "never moved");

        var redacted = Then.Decided(RedactMonitoringRules.Decide("cumbria", m, new RedactText(" Erasure request. ", 2), People.Lead, Now));
        Assert.Equal(new MonitoringRedacted("cumbria", "Erasure request.", People.Lead, Now), redacted);
        ForceMonitoringProjection.Apply(redacted, m);
        Assert.Equal((TextMask.Marker, TextMask.Marker, TextMask.Marker, TextMask.Marker),
            (m.Reason, m.Moves[0].Reason, m.ImprovementPlan!.Summary, m.ImprovementPlan.Reference));
        Assert.Same(m.ImprovementPlans[^1], m.ImprovementPlan); // the current plan is the list's last, masked once
        Assert.Equal((MonitoringStage.Engage, concern, People.Hmi, new DateOnly(2019, 8, 19)), (m.Stage, m.CausesOfConcern[0], m.Moves[0].By, m.ImprovementPlans[0].ReceivedOn));
        Assert.Equal(("Erasure request.", People.Lead), (m.Redactions[0].Reason, m.Redactions[0].By));
        Assert.NotNull(RedactMonitoringRules.Decide("cumbria", m, new RedactText("again", 3), People.Lead, Now).Done); // nothing left
        Assert.False(RedactMonitoringRules.HoldsText(m.Moves, m.ImprovementPlans));
        // A move after the redaction holds words again: they can be removed in turn.
        ForceMonitoringProjection.Apply(new ForceMonitoringStageChanged("cumbria", MonitoringStage.Scan, MonitoringStage.Engage, "Plan delivered by Jane Doe.", [],
            null, People.Hmi, Now.AddDays(1)), m);
        Assert.True(RedactMonitoringRules.HoldsText(m.Moves, m.ImprovementPlans));
        Then.Decided(RedactMonitoringRules.Decide("cumbria", m, new RedactText("again", 4), People.Lead, Now.AddDays(2)));
    }
}
