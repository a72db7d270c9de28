using PeelCases.Kernel;
namespace PeelCases.Inspections;

/// <summary>Where one question stands in the review stages.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(PeelCases.Kernel.StrictEnumConverter<QuestionStage>))]
public enum QuestionStage
{
    /// <summary>Planning: not scoped yet, or scoped and waiting for fieldwork (or for its carry-over).</summary>
    Scoping,
    Fieldwork,
    Drafting,
    QaReview,
    /// <summary>QA accepted the findings; the team is to propose a grade.</summary>
    AwaitingGrade,
    Moderation,
    /// <summary>Moderated; the grade waits to be awarded.</summary>
    AwaitingAward,
    Awarded,
    CarriedOver,
    /// <summary>Narrative findings accepted by QA; the framework gives no grade.</summary>
    Ungraded,
}
