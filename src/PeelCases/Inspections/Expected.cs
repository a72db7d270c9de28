using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using PeelCases.Kernel;
namespace PeelCases.Inspections;

/// <summary>
/// What a command decided on and the version of it the client saw: the question for
/// question-level commands, the whole inspection for inspection-wide ones. The stream stays the
/// unit of consistency (writes are serialised under its lock); this is only the staleness check,
/// at the grain people work on.
/// </summary>
public sealed record Expected(long? Version, string? QuestionCode)
{
    public static Expected Inspection(long? version) => new(version, null);

    public static Expected Question(string questionCode, long? version) => new(version, questionCode);

    /// <summary>Null when the client's version is current (or when there is nothing to compare: an unknown question is the decision's to refuse).</summary>
    public Refusal? CheckAgainst(Inspection inspection)
    {
        if (Version is not { } sent) return null;
        if (QuestionCode is null)
            return sent == inspection.Version ? null : Refusal.StaleVersion("inspection", sent, inspection.Version);
        return inspection.FindQuestion(QuestionCode) is { } question && question.Version != sent
            ? Refusal.StaleVersion($"question {question.Code}", sent, question.Version)
            : null;
    }

    public static readonly Expected Nothing = new(null, null);

    /// <summary>For an endpoint's <c>Before</c> step; an unknown inspection is answered by the middleware.</summary>
    public ProblemDetails Check(Inspection? inspection) =>
        inspection is not null && CheckAgainst(inspection) is { } stale ? stale.ToProblemDetails() : WolverineContinue.NoProblems;
}
