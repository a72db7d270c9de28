using Marten;
using PeelCases.Findings;
using PeelCases.Inspections;
using PeelCases.ReferenceData;

namespace PeelCases.Audit;

/// <summary>
/// The inspection records one request reads, each loaded once. A console page shows one record as of a point, as a
/// grade trail and as a comparison, and each of those would otherwise read every event of the inspection again.
/// So is a force's register, which the trail and the point both read for what a question looks at again.
/// Only for reads: a record loaded here does not see what the same request appends afterwards.
/// </summary>
public sealed class RecordReads(IQuerySession session)
{
    private readonly Dictionary<Guid, InspectionRecord?> _loaded = [];
    private readonly Dictionary<string, IReadOnlyList<RegisterSource>> _registers = [];

    public IQuerySession Session { get; } = session;

    public async Task<InspectionRecord?> LoadAsync(Guid inspectionId, CancellationToken ct)
    {
        if (!_loaded.TryGetValue(inspectionId, out var record))
            _loaded[inspectionId] = record = await InspectionRecord.LoadAsync(Session, inspectionId, ct);
        return record;
    }

    /// <summary>
    /// What <paramref name="later"/> (as it stood) looks at again, from the force's register as recorded at
    /// <paramref name="recordedBy"/> or as it stood on <paramref name="on"/>; now when both are null.
    /// </summary>
    public async Task<IReadOnlyList<EarlierFinding>> EarlierAsync(Inspection later, AssessmentFramework framework, DateOnly? on,
        DateTimeOffset? recordedBy, CancellationToken ct)
    {
        if (!_registers.TryGetValue(later.ForceId, out var sources))
            _registers[later.ForceId] = sources = await RegisterStore.SourcesAsync(Session, later.ForceId, ct);
        return Register.For(later, framework, RegisterStore.Of(sources, on, recordedBy));
    }
}
