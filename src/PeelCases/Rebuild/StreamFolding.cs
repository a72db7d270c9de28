using JasperFx.Events;
using PeelCases.Fieldwork;
using PeelCases.Findings;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.Lifecycle;
using PeelCases.Monitoring;

namespace PeelCases.Rebuild;

/// <summary>
/// One stream folded as its events arrive in version order: the inline projection whose static <c>Create</c> takes the
/// stream's first event owns it, and its static <c>Apply</c> methods take the rest (the same methods Marten runs).
/// </summary>
public sealed class StreamFolding(Guid id)
{
    /// <summary>The single-stream documents a rebuild folds, tried in this order on each stream's first event.</summary>
    private static readonly StreamFold[] Folds =
    [
        StreamFold.Of<InspectionProjection, Inspection>((d, v) => d.Version = v),
        StreamFold.Of<EvidenceProjection, Evidence>((d, v) => d.Version = v),
        StreamFold.Of<FindingProjection, Finding>((d, v) => d.Version = v),
        StreamFold.Of<ForceMonitoringProjection, ForceMonitoring>((d, v) => d.Version = v),
    ];

    public static IReadOnlyList<Type> Documents { get; } = Folds.Select(f => f.Document).ToList();

    private StreamFold? _owner;
    private object? _document;
    private long _version;

    public Guid Id => id;

    public void Take(IEvent e)
    {
        if (_owner is null)
        {
            foreach (var fold in Folds)
                if (fold.Create(e.Data) is { } created)
                {
                    (_owner, _document, _version) = (fold, created, e.Version);
                    return;
                }
            return;
        }
        if (!_owner.Applies(e.Data.GetType())) return;
        _owner.Apply(_document!, e.Data);
        _version = e.Version;
    }

    /// <summary>The stream's document, its version that of the last event its projection applied; null when no projection took the first event.</summary>
    public object? Document()
    {
        if (_owner is null) return null;
        _owner.Stamp(_document!, _version);
        return _document;
    }

    /// <summary>One inline projection's fold, typed once so the documents can be treated alike.</summary>
    private sealed record StreamFold(Type Document, Func<object, object?> Create, Func<Type, bool> Applies, Action<object, object> Apply, Action<object, long> Stamp)
    {
        public static StreamFold Of<TProjection, TDoc>(Action<TDoc, long> stamp) where TDoc : class => new(typeof(TDoc),
            e => StaticFold<TProjection, TDoc>.Apply(null, e),
            StaticFold<TProjection, TDoc>.Applies,
            (doc, e) => StaticFold<TProjection, TDoc>.Apply((TDoc)doc, e),
            (doc, version) => stamp((TDoc)doc, version));
    }
}
