using PeelCases.ReferenceData;
namespace PeelCases.Inspections;

/// <summary>
/// Where an earlier judgment was actually awarded. A carried-over judgment refers to it
/// instead of restating a grade; a chain of carry-overs resolves to the original award.
/// </summary>
public sealed record JudgmentReference(
    Guid InspectionId, string ForceId, string Cycle, int Year, string FrameworkId, string QuestionCode, string? PillarCode,
    Grade Grade, DateTimeOffset AwardedAt);
