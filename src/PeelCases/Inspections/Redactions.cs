using JasperFx.Events;
using Marten;
using PeelCases.Kernel;

namespace PeelCases.Inspections;

/// <summary>Who removed personal data from a record, when and why (the latest redaction).</summary>
public sealed record RedactionStamp(string Reason, string By, DateTimeOffset At);

/// <summary>
/// An event that redacts: the events of its stream recorded before it that it <see cref="Covers"/> are masked (Kernel/TextMask);
/// its own reason stays. A record's redaction covers its whole stream; one on the inspection's stream covers a part of it.
/// </summary>
public interface IRedaction
{
    string Reason { get; }

    bool Covers(object data) => true;
}

/// <summary>
/// Masks a record's stored events once its redaction is committed — those recorded before the latest redaction, with
/// the register of free text, as the record's document shows them — then answers. Masking is idempotent: a redaction
/// sent again masks again.
/// </summary>
public sealed class MaskedAfterCommit(Guid streamId, IResult then) : IResult
{
    public async Task ExecuteAsync(HttpContext context)
    {
        // The redaction is committed: the stored events are masked to the end, even if the caller has gone.
        await MaskAsync(context.RequestServices.GetRequiredService<IDocumentStore>(), streamId, CancellationToken.None);
        await then.ExecuteAsync(context);
    }

    public static async Task MaskAsync(IDocumentStore store, Guid streamId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(streamId, token: ct);
        var redactions = events.Where(e => e.Data is IRedaction).Select(e => (e.Version, Redaction: (IRedaction)e.Data)).ToList();
        if (redactions.Count == 0) return;
        await store.Advanced.ApplyEventDataMasking(m => m.IncludeStream(streamId, e =>
            e.Data is not IRedaction && redactions.Any(r => r.Version > e.Version && r.Redaction.Covers(e.Data))), ct);
    }

    /// <summary>
    /// Masks every redacted stream again with today's register: a stream redacted before a field joined the register keeps
    /// that field in its stored events until this runs (correct-records). <paramref name="redacted"/> gives the stream id of a
    /// redacted document, else null. Idempotent.
    /// </summary>
    public static async Task<int> MaskAllRedactedAsync<TDoc>(IDocumentStore store, Func<TDoc, Guid?> redacted, CancellationToken ct) where TDoc : notnull
    {
        await using var session = store.QuerySession();
        var ids = (await session.Query<TDoc>().ToListAsync(ct)).Select(redacted).OfType<Guid>().ToList();
        foreach (var id in ids) await MaskAsync(store, id, ct);
        return ids.Count;
    }
}
