namespace PeelCases.Inspections;

/// <summary>How much evidence an inspection holds, per question (<see cref="RecordCounts"/>).</summary>
public sealed record EvidenceCounts(int Total, IReadOnlyDictionary<string, int> ByQuestion);
