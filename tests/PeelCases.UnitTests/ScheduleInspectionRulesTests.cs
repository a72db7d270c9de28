using PeelCases.Inspections;
using PeelCases.ReferenceData;
using PeelCases.Tests.Support;

namespace PeelCases.UnitTests;

public sealed class ScheduleInspectionRulesTests
{
    private static readonly Force Cumbria = Forces.All.Single(f => f.Id == "cumbria");
    private static readonly DateTimeOffset Now = new(2018, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Id = Guid.NewGuid();

    private static PeelCases.Infrastructure.Decision<InspectionScheduled> Decide(ScheduleInspection c, Inspection? sameCycle = null) =>
        ScheduleInspectionRules.Decide(c, Forces.All.SingleOrDefault(f => f.Id == c.ForceId),
            Frameworks.All.SingleOrDefault(f => f.Id == c.FrameworkId), sameCycle, Id, "lena.lead", Now);

    [Fact]
    public void A_valid_schedule_keeps_framework_order_and_the_actor()
    {
        var decision = Decide(Commands.Schedule(questions: ["e5", "E1"]));
        var scheduled = Assert.IsType<InspectionScheduled>(decision.Value);
        Assert.Equal(["E1", "E5"], scheduled.QuestionCodes);
        Assert.Equal(("lena.lead", Now, Id, 1), (scheduled.ScheduledBy, scheduled.ScheduledAt, scheduled.InspectionId, scheduled.FrameworkVersion));
    }

    [Theory]
    [InlineData("atlantis", "peel-2018-19", "2018/19", "forceId")]
    [InlineData("cumbria", "peel-1999", "2018/19", "frameworkId")]
    [InlineData("cumbria", "peel-2018-19", "2017", "cycle")]
    public void Unknown_or_mismatched_reference_data_names_the_field(string force, string framework, string cycle, string field)
    {
        var refusal = Decide(Commands.Schedule(force, framework, cycle)).Refusal;
        Assert.Equal(400, refusal!.Status);
        Assert.Equal([field], refusal.Errors!.Keys);
    }

    [Fact]
    public void Fieldwork_must_not_end_before_it_starts_or_run_past_90_days()
    {
        Assert.NotNull(Decide(Commands.Schedule() with { FieldworkEnds = Commands.FieldworkStarts.AddDays(-1) }).Refusal);
        Assert.NotNull(Decide(Commands.Schedule() with { FieldworkEnds = Commands.FieldworkStarts.AddDays(91) }).Refusal);
        Assert.Null(Decide(Commands.Schedule() with { FieldworkEnds = Commands.FieldworkStarts }).Refusal);
    }

    [Fact]
    public void A_second_inspection_in_the_same_cycle_is_a_process_conflict()
    {
        var existing = new Inspection { Id = Guid.NewGuid(), ForceId = "cumbria", Cycle = "2018/19" };
        var refusal = Decide(Commands.Schedule(), existing).Refusal;
        Assert.Equal(409, refusal!.Status);
        Assert.Contains(Cumbria.Name, refusal.Detail);
    }

    [Fact]
    public void Structural_validation_reports_every_missing_field_at_once()
    {
        var errors = ScheduleInspectionRules.Validate(new ScheduleInspection(null, null, null, null, null, null, null, null)).ToRefusal();
        Assert.Equal(["forceId", "cycle", "frameworkId", "questionCodes", "leadInspector", "fieldworkStarts", "fieldworkEnds"],
            errors!.Errors!.Keys);
    }
}
