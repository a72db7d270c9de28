using Marten;
using Marten.Exceptions;
using PeelCases.Kernel;

namespace PeelCases.Inspections;

/// <summary>A record with a stream of its own inside an inspection (evidence, a finding).</summary>
public interface IInspectionRecord
{
    Guid Id { get; }
    Guid InspectionId { get; }
    long Version { get; set; }
}

/// <summary>
/// The write paths for records that live in streams of their own, keyed by an id the client
/// chose: starting one exactly once, and changing one at the version the client last saw.
/// </summary>
public static class RecordStreams
{
    /// <summary>
    /// Starts the stream. When the id is already taken (a resend, possibly racing itself) the
    /// stored record is handed to <paramref name="onResend"/>, which answers it or refuses.
    /// </summary>
    public static async Task<IResult> StartOnce<TProjection, TDoc>(
        IDocumentSession session, Guid id, object firstEvent, string location, Func<TDoc, IResult> onResend, CancellationToken ct)
        where TDoc : class, IInspectionRecord
    {
        session.Events.StartStream<TDoc>(id, firstEvent);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (ExistingStreamIdCollisionException)
        {
            session.EjectAllPendingChanges();
            return onResend((await session.LoadAsync<TDoc>(id, ct))!);
        }
        // The document the inline projection stored, without reading it back: the same Create applied to the same event.
        var created = StaticFold<TProjection, TDoc>.Apply(null, firstEvent)!;
        created.Version = 1;
        return Results.Created(location, created);
    }

    /// <summary>Locks the record's stream, checks version and inspection, appends what the decision returns.</summary>
    public static async Task<IResult> Change<TDoc, TEvent>(
        IDocumentSession session, Guid inspectionId, Guid id, long? expectedVersion, string what,
        Func<TDoc, Task<Decision<TEvent>>> decide, CancellationToken ct)
        where TDoc : class, IInspectionRecord where TEvent : class =>
        (await Apply(session, inspectionId, id, expectedVersion, what, decide, ct)).ToResult();

    /// <summary>As <see cref="Change{TDoc,TEvent}"/>, for endpoints that do more once the change is stored.</summary>
    public static async Task<RecordChange<TDoc>> Apply<TDoc, TEvent>(
        IDocumentSession session, Guid inspectionId, Guid id, long? expectedVersion, string what,
        Func<TDoc, Task<Decision<TEvent>>> decide, CancellationToken ct)
        where TDoc : class, IInspectionRecord where TEvent : class
    {
        var stream = await session.Events.FetchForExclusiveWriting<TDoc>(id, ct);
        if (stream.Aggregate is not { } record || record.InspectionId != inspectionId)
            return new(null, Refusal.NotFound($"Inspection {inspectionId} has no {what} {id}."));
        if (expectedVersion is { } expected && expected != record.Version)
            return new(null, Refusal.StaleVersion(what, expected, record.Version));

        var decision = await decide(record);
        if (decision.Refusal is { } refusal) return new(null, refusal);
        if (decision.Value is { } change)
        {
            stream.AppendOne(change);
            await session.SaveChangesAsync(ct);
        }
        return new(await session.LoadAsync<TDoc>(id, ct), null);
    }
}

/// <summary>The record after a change, or why it was not changed.</summary>
public sealed record RecordChange<TDoc>(TDoc? Record, Refusal? Refusal) where TDoc : class
{
    public IResult ToResult() => Refusal is { } refusal ? refusal.ToResult() : Results.Ok(Record);
}
