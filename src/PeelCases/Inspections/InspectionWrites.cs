using Marten;
using Wolverine;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Inspections;

/// <summary>
/// The one write path for the inspection stream: lock the stream (writers queue rather than
/// race, so the inline document stays exact), check the version the client saw of what it decides on (the question, or the inspection), let a
/// pure decision function see the inspection as it stands, append what it decides, and hand
/// the event to its subscribers through the outbox — in the same transaction.
/// </summary>
public static class InspectionWrites
{
    /// <summary>For endpoints: the updated overview, or the refusal as ProblemDetails.</summary>
    public static async Task<IResult> Decide<TEvent>(
        IDocumentSession session, IMessageBus bus, Guid inspectionId, Expected expected,
        Func<Inspection, AssessmentFramework, Task<Decision<TEvent>>> decide, CancellationToken ct) where TEvent : class
    {
        var refusal = await Append(session, bus, inspectionId, expected, decide, ct);
        if (refusal is not null) return refusal.ToResult();
        var updated = await session.LoadAsync<Inspection>(inspectionId, ct);
        return Results.Ok(await InspectionView.Load(session, updated!, ct));
    }

    public static Task<IResult> Decide<TEvent>(
        IDocumentSession session, IMessageBus bus, Guid inspectionId, Expected expected,
        Func<Inspection, AssessmentFramework, Decision<TEvent>> decide, CancellationToken ct) where TEvent : class =>
        Decide(session, bus, inspectionId, expected, (i, f) => Task.FromResult(decide(i, f)), ct);

    /// <summary>Appends what the decision returns; null when it was appended (or had already happened), else why not.</summary>
    public static async Task<Refusal?> Append<TEvent>(
        IDocumentSession session, IMessageBus bus, Guid inspectionId, Expected expected,
        Func<Inspection, AssessmentFramework, Task<Decision<TEvent>>> decide, CancellationToken ct) where TEvent : class
    {
        var stream = await session.Events.FetchForExclusiveWriting<Inspection>(inspectionId, ct);
        if (stream.Aggregate is not { } inspection) return Refusal.NotFound($"There is no inspection {inspectionId}.");
        if (expected.CheckAgainst(inspection) is { } stale) return stale;

        var framework = await FrameworkVersions.LoadAsync(session, inspection.FrameworkId, inspection.FrameworkVersion, ct)
            ?? throw new InvalidOperationException($"Framework {inspection.FrameworkId} is missing from reference data.");
        var decision = await decide(inspection, framework);
        if (decision.Refusal is { } refusal) return refusal;
        if (decision.Value is null) return null; // already done: nothing to append

        stream.AppendOne(decision.Value);
        // Through the outbox, in this transaction: Wolverine routes it to whichever handlers subscribe
        // to its type (the workflow's), and drops it when none do.
        await bus.PublishAsync(decision.Value!);
        await session.SaveChangesAsync(ct);
        return null;
    }
}
