using System.Collections.Concurrent;
using System.Reflection;

namespace PeelCases.Kernel;

/// <summary>
/// Folds events into a document in memory with a projection's own public static Create and
/// Apply methods, so time travel uses exactly the logic of the live read model.
/// </summary>
public static class StaticFold<TProjection, TDoc> where TDoc : class
{
    private static readonly ConcurrentDictionary<Type, MethodInfo?> Creates = new();
    private static readonly ConcurrentDictionary<Type, MethodInfo?> Appliers = new();

    public static TDoc? Apply(TDoc? doc, object e)
    {
        if (doc is null)
            return Creates.GetOrAdd(e.GetType(), t => Find("Create", t, 1))?.Invoke(null, [e]) as TDoc;
        Applier(e.GetType())?.Invoke(null, [e, doc]);
        return doc;
    }

    /// <summary>Whether the projection changes a document on this event (so the document's version moves with it).</summary>
    public static bool Applies(Type eventType) => Applier(eventType) is not null;

    private static MethodInfo? Applier(Type eventType) => Appliers.GetOrAdd(eventType, t => Find("Apply", t, 2));

    private static MethodInfo? Find(string name, Type eventType, int parameters) =>
        typeof(TProjection).GetMethods(BindingFlags.Public | BindingFlags.Static).FirstOrDefault(m =>
            m.Name == name && m.GetParameters().Length == parameters && m.GetParameters()[0].ParameterType == eventType);
}
