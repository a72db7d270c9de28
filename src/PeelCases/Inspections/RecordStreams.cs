using System.Security.Claims;
using Marten;
using Marten.Exceptions;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;
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
/// What starting a record reads: the inspection it belongs to (read, not locked: the record has a
/// stream of its own, so a team records at once without queueing) and whatever is already stored
/// under the id the client chose, so a resend is answered from it without a failed insert.
/// </summary>
public sealed record RecordStart<TDoc>(Inspection? Inspection, TDoc? Stored) where TDoc : class, IInspectionRecord;

/// <summary>
/// The record's stream, locked for the change (<c>FetchForExclusiveWriting</c>); an unknown id
/// reaches the endpoint as null so it is answered in our words.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class RecordStreamAttribute : WriteAggregateAttribute
{
    public RecordStreamAttribute(string routeParameter) : base(routeParameter)
    {
        Required = false;
        LoadStyle = ConcurrencyStyle.Exclusive;
    }
}

/// <summary>The steps shared by the endpoints that start or change a record in a stream of its own.</summary>
public static class RecordStreams
{
    public static Task<Inspection?> InspectionAsync(IQuerySession session, Guid inspectionId, CancellationToken ct) =>
        session.LoadAsync<Inspection>(inspectionId, ct);

    /// <summary>The inspection and whatever is stored under the client's id, in one round trip (a batched query).</summary>
    public static async Task<RecordStart<TDoc>> LoadAsync<TDoc>(IQuerySession session, Guid inspectionId, Guid? id, CancellationToken ct)
        where TDoc : class, IInspectionRecord
    {
        var batch = session.CreateBatchQuery();
        var inspection = batch.Load<Inspection>(inspectionId);
        var stored = batch.Load<TDoc>(id ?? Guid.Empty);
        await batch.Execute(ct);
        return new(await inspection, id is null ? null : await stored);
    }

    /// <summary>404 for an unknown inspection; 403 for an inspector not on its team.</summary>
    public static ProblemDetails MayWorkOn(Inspection? inspection, Guid inspectionId, ClaimsPrincipal user) =>
        (inspection is null ? Refusal.NotFound($"There is no inspection {inspectionId}.") : TeamRules.MayWorkOn(user, inspection)) is { } refusal
            ? refusal.ToProblemDetails()
            : WolverineContinue.NoProblems;

    /// <summary>
    /// Starts the stream with the decided event (<see cref="MartenOps.StartStream{T}(Guid, object[])"/>), answering 201 with
    /// the document the inline projection stores: the same Create applied to the same event, without reading it back.
    /// </summary>
    public static (IResult, IMartenOp) Start<TProjection, TDoc, TEvent>(Guid id, Decision<TEvent> decision, string location)
        where TDoc : class, IInspectionRecord where TEvent : class
    {
        if (decision.Value is not { } first) return (decision.Refusal!.ToResult(), MartenOps.Nothing());
        var created = StaticFold<TProjection, TDoc>.Apply(null, first)!;
        created.Version = 1;
        return (Results.Created(location, created), MartenOps.StartStream<TDoc>(id, first));
    }

    /// <summary>
    /// Two sends of one command at the same moment both found the id free; the second insert lost.
    /// Its answer is the stored record when the id is one of this kind's in this inspection, else a 409.
    /// </summary>
    public static async Task<IResult> Collided<TDoc>(ExistingStreamIdCollisionException collision, HttpContext context, string what)
        where TDoc : class, IInspectionRecord
    {
        await using var session = context.RequestServices.GetRequiredService<IDocumentStore>().QuerySession();
        var stored = collision.Id is Guid id ? await session.LoadAsync<TDoc>(id, context.RequestAborted) : null;
        return stored is not null && stored.InspectionId.ToString() == context.Request.RouteValues["inspectionId"] as string
            ? Results.Ok(stored)
            : Refusal.ProcessRule($"Id {collision.Id} is already used by another record. Choose a new id for new {what}.").ToResult();
    }

    /// <summary>
    /// For a change's <c>Before</c> step: the inspection exists and the user may work on it (when
    /// <paramref name="user"/> is given), and the record exists in it at the version the client saw.
    /// </summary>
    public static ProblemDetails MayChange(Inspection? inspection, ClaimsPrincipal? user, IInspectionRecord? record,
        Guid inspectionId, Guid id, long? expectedVersion, string what)
    {
        if (user is not null && MayWorkOn(inspection, inspectionId, user) is var denied && !ReferenceEquals(denied, WolverineContinue.NoProblems))
            return denied;
        return (record is null || record.InspectionId != inspectionId
            ? Refusal.NotFound($"Inspection {inspectionId} has no {what} {id}.")
            : expectedVersion is { } expected && expected != record.Version
                ? Refusal.StaleVersion(what, expected, record.Version)
                : null) is { } refusal
            ? refusal.ToProblemDetails()
            : WolverineContinue.NoProblems;
    }

    /// <summary>What a change comes to: the refusal, or the event to append and the record as stored after the commit.</summary>
    public static (IResult, Events) Changed<TDoc, TEvent>(Guid id, Decision<TEvent> decision)
        where TDoc : class, IInspectionRecord where TEvent : class =>
        decision.Refusal is { } refusal
            ? (refusal.ToResult(), [])
            : (new AfterCommit(async (session, ct) => Results.Ok(await session.LoadAsync<TDoc>(id, ct))),
                decision.Value is { } change ? [change] : []);
}
