using PeelCases.Inspections;
using PeelCases.ReferenceData;

namespace PeelCases.UnitTests;

public sealed class ScopeQuestionRulesTests
{
    private static readonly DateTimeOffset Now = new(2018, 7, 2, 9, 0, 0, TimeSpan.Zero);

    private static Inspection Planned(InspectionStage stage = InspectionStage.Planning) => new()
    {
        Id = Guid.NewGuid(), ForceId = "cumbria", Cycle = "2018/19", FrameworkId = "peel-2018-19", Stage = stage, Version = 3,
        Questions = [new("E1", null), new("E3", QuestionScope.Detailed), new("E5", null)],
    };

    private static PeelCases.Infrastructure.Decision<QuestionScoped> Decide(Inspection i, string q, QuestionScope scope, long version = 3) =>
        ScopeQuestionRules.Decide(i, Frameworks.Peel2018, q, new ScopeQuestion(scope, " why ", version), "lena.lead", Now);

    [Fact]
    public void Scoping_records_the_previous_scope_and_trims_the_reason()
    {
        var scoped = Decide(Planned(), "e3", QuestionScope.CarryOver).Value!;
        Assert.Equal(("E3", QuestionScope.CarryOver, QuestionScope.Detailed, "why"), (scoped.QuestionCode, scoped.Scope, scoped.PreviousScope, scoped.Reason));
    }

    [Theory]
    [InlineData("E5", QuestionScope.Detailed, 409)]
    [InlineData("E5", QuestionScope.CarryOver, 409)]
    [InlineData("E1", QuestionScope.Ungraded, 409)]
    [InlineData("E3", QuestionScope.Detailed, 409)]
    [InlineData("E2", QuestionScope.Detailed, 404)]
    public void Refusals(string question, QuestionScope scope, int status) =>
        Assert.Equal(status, Decide(Planned(), question, scope).Refusal!.Status);

    [Theory]
    [InlineData(InspectionStage.Planning, true)]
    [InlineData(InspectionStage.Fieldwork, true)]
    [InlineData(InspectionStage.Reporting, false)]
    [InlineData(InspectionStage.Published, false)]
    public void Scoping_is_a_planning_and_fieldwork_decision(InspectionStage stage, bool allowed) =>
        Assert.Equal(allowed, Decide(Planned(stage), "E1", QuestionScope.CarryOver).Refusal is null);
}
