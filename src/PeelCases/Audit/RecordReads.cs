using Marten;

namespace PeelCases.Audit;

/// <summary>
/// The inspection records one request reads, each loaded once. A console page shows one record as of a point, as a
/// grade trail and as a comparison, and each of those would otherwise read every event of the inspection again.
/// Only for reads: a record loaded here does not see what the same request appends afterwards.
/// </summary>
public sealed class RecordReads(IQuerySession session)
{
    private readonly Dictionary<Guid, InspectionRecord?> _loaded = [];

    public IQuerySession Session { get; } = session;

    public async Task<InspectionRecord?> LoadAsync(Guid inspectionId, CancellationToken ct)
    {
        if (!_loaded.TryGetValue(inspectionId, out var record))
            _loaded[inspectionId] = record = await InspectionRecord.LoadAsync(Session, inspectionId, ct);
        return record;
    }
}
