using Marten;

namespace PeelCases.ReferenceData;

/// <summary>Finding a framework version: the exact one an inspection was scheduled against, or the newest of a framework.</summary>
public static class FrameworkVersions
{
    public static Task<AssessmentFramework?> LoadAsync(IQuerySession session, string id, int version, CancellationToken ct) =>
        session.LoadAsync<AssessmentFramework>(AssessmentFramework.KeyOf(id, version), ct);

    /// <summary>The same, queued in a batch with the rest of a read (one round trip).</summary>
    public static Task<AssessmentFramework?> Load(Marten.Services.BatchQuerying.IBatchedQuery batch, string id, int version) =>
        batch.Load<AssessmentFramework>(AssessmentFramework.KeyOf(id, version));

    /// <summary>
    /// The version an inspection is scheduled on: the one asked for, else the newest that applies to
    /// fieldwork starting on that date.
    /// </summary>
    public static async Task<AssessmentFramework?> ApplicableAsync(IQuerySession session, string id, DateOnly fieldworkStarts, int? version,
        CancellationToken ct) =>
        version is { } exact ? await LoadAsync(session, id, exact, ct) : Applicable(await VersionsAsync(session, id, ct), fieldworkStarts);

    /// <summary>As <see cref="ApplicableAsync"/>, among versions already read: the one asked for, else the newest that applies.</summary>
    public static AssessmentFramework? Applicable(IEnumerable<AssessmentFramework> versions, DateOnly fieldworkStarts, int? version) =>
        version is { } exact ? versions.FirstOrDefault(f => f.Version == exact) : Applicable(versions, fieldworkStarts);

    /// <summary>Every stored version, by <see cref="AssessmentFramework.Key"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, AssessmentFramework>> AllByKeyAsync(IQuerySession session, CancellationToken ct) =>
        ByKey(await session.Query<AssessmentFramework>().ToListAsync(ct));

    /// <summary>The same, queued in a batch with the rest of a read (one round trip).</summary>
    public static async Task<IReadOnlyDictionary<string, AssessmentFramework>> AllByKey(Marten.Services.BatchQuerying.IBatchedQuery batch) =>
        ByKey(await batch.Query<AssessmentFramework>().ToList());

    private static Dictionary<string, AssessmentFramework> ByKey(IEnumerable<AssessmentFramework> versions) => versions.ToDictionary(f => f.Key);

    /// <summary>Of a framework's versions, the newest that applies to fieldwork starting on that date.</summary>
    public static AssessmentFramework? Applicable(IEnumerable<AssessmentFramework> versions, DateOnly fieldworkStarts) =>
        versions.Where(f => f.AppliesFrom is null || f.AppliesFrom <= fieldworkStarts).MaxBy(f => f.Version);

    public static async Task<AssessmentFramework?> LatestAsync(IQuerySession session, string id, CancellationToken ct) =>
        (await VersionsAsync(session, id, ct)).MaxBy(f => f.Version);

    private static async Task<IReadOnlyList<AssessmentFramework>> VersionsAsync(IQuerySession session, string id, CancellationToken ct) =>
        await session.Query<AssessmentFramework>().Where(f => f.Id == id).ToListAsync(ct);

    /// <summary>The newest version of each framework, by id (for views that name questions and pillars).</summary>
    public static async Task<IReadOnlyDictionary<string, AssessmentFramework>> LatestOfEachAsync(IQuerySession session, CancellationToken ct) =>
        (await session.Query<AssessmentFramework>().ToListAsync(ct)).GroupBy(f => f.Id).ToDictionary(g => g.Key, g => g.MaxBy(f => f.Version)!);
}
