using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Grading;

/// <summary>Rules every grade decision shares.</summary>
public static class GradeRules
{
    public static string Display(this Grade grade) => grade switch
    {
        Grade.RequiresImprovement => "Requires improvement",
        _ => grade.ToString(),
    };

    public static Refusal? OnScale(AssessmentFramework framework, Grade grade) =>
        framework.Scale.Contains(grade)
            ? null
            : Refusal.Invalid("grade",
                $"{grade.Display()} is not on the {framework.Scale.Count}-point scale of {framework.Name} ({string.Join(", ", framework.Scale.Select(g => g.Display()))}).");

    /// <summary>The question as scoped in this inspection, and as the framework defines it.</summary>
    public static Decision<QuestionInContext> Find(Inspection inspection, AssessmentFramework framework, string code)
    {
        var scoped = inspection.FindQuestion(code);
        var defined = framework.FindQuestion(code);
        if (scoped is null || defined is null)
            return Refusal.NotFound($"Question '{code}' is not in the scope of inspection {inspection.Id}.");
        return new QuestionInContext(scoped, defined);
    }

    /// <summary>A fresh grade needs a graded question inspected in detail and not yet settled.</summary>
    public static Refusal? OpenForGrading(QuestionInContext q, AssessmentFramework framework)
    {
        if (!q.Defined.Graded)
            return Refusal.ProcessRule($"Question {q.Code} is ungraded in {framework.Name}: it has narrative findings only.");
        if (q.Scoped.Settled)
            return Refusal.ProcessRule($"Question {q.Code} is already settled ({Describe(q.Scoped)}).");
        return q.Scoped.Scope switch
        {
            null => Refusal.ProcessRule($"Question {q.Code} has not been scoped yet; scope it as Detailed before grading."),
            QuestionScope.CarryOver when q.Scoped.DisputedCarryOver is not null => null, // the moderator chose the team's grade over it
            QuestionScope.CarryOver => Refusal.ProcessRule(
                $"Question {q.Code} is scoped for carry-over: its earlier judgment stands. Re-scope it as Detailed before proposing a fresh grade."),
            _ => null,
        };
    }

    public static string Describe(InspectionQuestion q) =>
        q.Awarded is { } a ? $"awarded {a.Grade.Display()}"
        : q.CarriedOverFrom is { } r ? $"{r.Grade.Display()} carried over from {r.Cycle}"
        : q.Proposed is { } p ? $"{p.Grade.Display()} proposed"
        : q.Scope is { } s ? $"scoped {RecordWords.ScopedFor(s)}, no grade yet"
        : "not scoped yet";
}

public sealed record QuestionInContext(InspectionQuestion Scoped, FrameworkQuestion Defined)
{
    public string Code => Scoped.Code;
}
