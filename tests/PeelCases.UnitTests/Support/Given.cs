using System.Reflection;
using PeelCases.Fieldwork;
using PeelCases.Findings;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.Lifecycle;

namespace PeelCases.UnitTests.Support;

/// <summary>
/// GIVEN: the state a decision reads, folded from real events with the projections' own
/// Create/Apply methods (<see cref="StaticFold{TProjection,TDoc}"/>), exactly as the inline
/// projections build the documents. Marten sets <c>Version</c> from the stream version, which
/// the projections do not touch, so it is set here to the number of events folded.
/// </summary>
public static class Given
{
    public static Inspection Inspection(params object[] events) =>
        Fold<InspectionProjection, Inspection>(events, (doc, version) => doc.Version = version);

    public static Evidence Evidence(params object[] events) =>
        Fold<EvidenceProjection, Evidence>(events, (doc, version) => doc.Version = version);

    public static Finding Finding(params object[] events) =>
        Fold<FindingProjection, Finding>(events, (doc, version) => doc.Version = version);

    private static TDoc Fold<TProjection, TDoc>(object[] events, Action<TDoc, long> setVersion) where TDoc : class
    {
        if (events.Length == 0) throw new ArgumentException("A stream starts with at least one event.", nameof(events));
        TDoc? doc = null;
        for (var i = 0; i < events.Length; i++)
        {
            var e = events[i];
            // StaticFold quietly skips an event its projection has no method for: here that is a mistake in the test.
            var handled = i == 0
                ? Method<TProjection>("Create", e.GetType())
                : Method<TProjection>("Apply", e.GetType(), typeof(TDoc));
            if (handled is null)
                throw new ArgumentException($"{typeof(TProjection).Name} has no {(i == 0 ? "Create" : "Apply")} for {e.GetType().Name} (event {i + 1}).");
            doc = StaticFold<TProjection, TDoc>.Apply(doc, e);
        }
        setVersion(doc!, events.Length);
        return doc!;
    }

    private static MethodInfo? Method<TProjection>(string name, params Type[] parameters) =>
        typeof(TProjection).GetMethod(name, BindingFlags.Public | BindingFlags.Static, parameters);
}

/// <summary>Histories read as a sequence: <c>Story.InReporting.Then(Cumbria.SubmittedForQa("E3"))</c>.</summary>
public static class HistoryExtensions
{
    public static object[] Then(this object[] history, params object[] more) => [.. history, .. more];
}
