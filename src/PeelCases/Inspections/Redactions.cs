using JasperFx.Events;
using Marten;
using PeelCases.Kernel;

namespace PeelCases.Inspections;

/// <summary>Who removed personal data from a record, when and why (the latest redaction).</summary>
public sealed record RedactionStamp(string Reason, string By, DateTimeOffset At);

/// <summary>An event that redacts a record: what was recorded before it is masked (Kernel/TextMask); its own reason stays.</summary>
public interface IRedaction
{
    string Reason { get; }
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
        await MaskAsync(context.RequestServices.GetRequiredService<IDocumentStore>(), streamId, context.RequestAborted);
        await then.ExecuteAsync(context);
    }

    public static async Task MaskAsync(IDocumentStore store, Guid streamId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(streamId, token: ct);
        if (events.LastOrDefault(e => e.Data is IRedaction) is not { } latest) return;
        await store.Advanced.ApplyEventDataMasking(m => m.IncludeStream(streamId, e => e.Version < latest.Version && e.Data is not IRedaction), ct);
    }

    /// <summary>
    /// Masks every redacted record of type <typeparamref name="TDoc"/> again with today's register: records redacted before a
    /// field joined it keep that field in their stored events until this runs (correct-records). Idempotent.
    /// </summary>
    public static async Task<int> MaskAllRedactedAsync<TDoc>(IDocumentStore store, Func<TDoc, bool> redacted, CancellationToken ct)
        where TDoc : IInspectionRecord
    {
        await using var session = store.QuerySession();
        var ids = (await session.Query<TDoc>().ToListAsync(ct)).Where(redacted).Select(d => d.Id).ToList();
        foreach (var id in ids) await MaskAsync(store, id, ct);
        return ids.Count;
    }
}
