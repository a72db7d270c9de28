using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Inspections;

/// <summary>
/// How a command on an inspection runs, with Wolverine's aggregate handler workflow carrying the
/// I/O: it locks the inspection's stream (<c>[WriteAggregate(LoadStyle = Exclusive)]</c>: writers
/// queue rather than race, so the inline document stays exact), this middleware answers an unknown
/// inspection and loads its framework version, the endpoint's <c>Before</c> checks the version the
/// client saw of what it decides on (Wolverine checks none under an exclusive lock; ADR 0008), the
/// endpoint's pure decision returns the events, and Wolverine appends them, hands them to their
/// subscribers through the outbox and commits, all in one transaction, before the response is written.
/// </summary>
public static class InspectionCommandMiddleware
{
    public static ProblemDetails Before(Inspection? inspection, HttpContext context) =>
        inspection is null
            ? Refusal.NotFound($"There is no inspection {context.Request.RouteValues["inspectionId"]}.").ToProblemDetails()
            : WolverineContinue.NoProblems;

    public static async Task<AssessmentFramework> LoadAsync(Inspection? inspection, IQuerySession session, CancellationToken ct) =>
        inspection is null
            ? null!
            : await FrameworkVersions.LoadAsync(session, inspection.FrameworkId, inspection.FrameworkVersion, ct)
              ?? throw new InvalidOperationException($"Framework {inspection.FrameworkId} version {inspection.FrameworkVersion} is missing from reference data.");

    /// <summary>Applies to every endpoint that writes an inspection through the aggregate handler workflow.</summary>
    public static bool AppliesTo(HttpChain chain) =>
        chain.Method.Method.GetParameters().Any(p => p.ParameterType == typeof(Inspection) && p.IsDefined(typeof(WriteAggregateAttribute), true));
}

/// <summary>
/// The inspection's stream, locked for the command (<c>FetchForExclusiveWriting</c>); an unknown
/// inspection reaches the middleware as null so it is answered in our words.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class InspectionStreamAttribute : WriteAggregateAttribute
{
    public InspectionStreamAttribute()
    {
        Required = false;
        LoadStyle = ConcurrencyStyle.Exclusive;
    }
}

/// <summary>
/// What a decision on an inspection comes to: the response, the events to append, and the same
/// events handed to their subscribers (the workflow's handlers) through the outbox, with any
/// message the decision sends on (<paramref name="alsoSend"/>: a deadline, an integration event), and
/// any event that follows from it on the same stream (<paramref name="then"/>: a proposal joins the
/// moderation queue in its own transaction, not in a second one the workflow would make stale).
/// <paramref name="handOn"/> says whether the decided event asks the workflow for anything (default: it does);
/// one that does not is stored but not handed on, so no workflow step locks the stream to find nothing to do.
/// </summary>
public static class InspectionOutcome
{
    public static (IResult, Events, OutgoingMessages) Of<TEvent>(Inspection inspection, Decision<TEvent> decision,
        Func<TEvent, object>? alsoSend = null, IResult? response = null, Func<TEvent, object>? then = null,
        Func<TEvent, bool>? handOn = null) where TEvent : class
    {
        if (decision.Refusal is { } refusal) return (refusal.ToResult(), [], []);
        var events = new Events();
        var outgoing = new OutgoingMessages();
        if (decision.Value is { } e)
        {
            events.Add(e);
            if (handOn?.Invoke(e) ?? true) outgoing.Add(e);
            if (then?.Invoke(e) is { } next)
            {
                events.Add(next);
                outgoing.Add(next);
            }
            if (alsoSend?.Invoke(e) is { } message) outgoing.Add(message);
        }
        return (response ?? new InspectionViewResult(inspection.Id), events, outgoing);
    }
}

/// <summary>The inspection overview, composed when the response is written: after the commit, so it shows what was stored.</summary>
public sealed record InspectionViewResult(Guid InspectionId) : IResult
{
    public Task ExecuteAsync(HttpContext context) =>
        new AfterCommit(async (session, ct) => Results.Ok(await InspectionView.Load(session, (await session.LoadAsync<Inspection>(InspectionId, ct))!, ct)))
            .ExecuteAsync(context);
}

/// <summary>A response read from the store once the command's transaction has committed.</summary>
public sealed class AfterCommit(Func<IQuerySession, CancellationToken, Task<IResult>> read) : IResult
{
    public async Task ExecuteAsync(HttpContext context)
    {
        await using var session = context.RequestServices.GetRequiredService<IDocumentStore>().QuerySession();
        await (await read(session, context.RequestAborted)).ExecuteAsync(context);
    }
}
