using Marten;

namespace PeelCases.Kernel;

/// <summary>
/// An event type and the names its rows are stored under: the alias (<c>mt_events.type</c>) and
/// every CLR name it was ever written with (<c>mt_events.mt_dotnet_type</c>), the current one
/// first. Each capability lists its own; Host/StoredNames puts the lists together. A stored name
/// is never changed or removed (docs/events.md): a type that moves keeps its alias and lists its
/// former CLR name.
/// </summary>
public sealed record StoredEvent(Type Type, string Alias, IReadOnlyList<string> ClrNames)
{
    public static StoredEvent Of<T>(string alias, params string[] formerClrNames) =>
        new(typeof(T), alias, [typeof(T).FullName!, .. formerClrNames]);
}

public static class StoredEventRegistration
{
    /// <summary>Pins each event's alias, so Marten reads stored rows by it and never by CLR name.</summary>
    public static StoreOptions MapEvents(this StoreOptions opts, IEnumerable<StoredEvent> events)
    {
        foreach (var e in events) opts.Events.MapEventType(e.Type, e.Alias);
        return opts;
    }
}
