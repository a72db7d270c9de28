using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Weasel.Postgresql.Tables;
using PeelCases.Fieldwork;
using PeelCases.Findings;

namespace PeelCases.Lifecycle;

/// <summary>
/// One narrow row per evidence and finding event, keyed like the event by its stream and version: which inspection, which
/// item, when it was recorded, the questions it bears on, the finding's kind, whether it withdraws. "How
/// many pieces of evidence and findings did the inspection have at T?" is then one index range of this
/// table with no JSON (<see cref="Audit"/>'s as-of overview), instead of the latest event of every item
/// read from <c>mt_events</c>. No free text is kept, so redaction has nothing to mask here.
/// <para>
/// Every row is derived from the stored event by one SQL mapping (<see cref="Fill"/>): run by the inline projection
/// for each new event in the event's own transaction, by the historical import after Marten's bulk path (which runs
/// no projections), and at start to fill the table on a database written before it existed. Rows are never updated;
/// a second fill of the same event adds nothing, so a rebuild is harmless.
/// </para>
/// </summary>
public sealed class RecordTimelineProjection : EventProjection
{
    public const string Schema = "peelcases";
    public const string Table = "record_timeline";

    public RecordTimelineProjection()
    {
        Name = "RecordTimeline";
        IncludeType<EvidenceRecorded>();
        IncludeType<EvidenceAmended>();
        IncludeType<FindingDrafted>();
        IncludeType<FindingRevised>();
        IncludeType<FindingWithdrawn>();
        SchemaObjects.Add(Definition());
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        // Inline projections see every event of the session. The row is read from the event as stored, by its stream and
        // version (which Rich appends know before the projections run, ADR 0002; a new stream's sequence they do not).
        if (e.Data is EvidenceRecorded or EvidenceAmended or FindingDrafted or FindingRevised or FindingWithdrawn)
            operations.QueueSqlCommand(Fill("e.stream_id = ? and e.version = ?"), e.StreamId, e.Version);
        return ValueTask.CompletedTask;
    }

    /// <summary>The timeline rows of the stored events matching <paramref name="where"/> (over <c>mt_events e</c>).</summary>
    public static string Fill(string where) => $"""
        insert into {Schema}.{Table} (item_id, version, seq_id, inspection_id, item, recorded_at, question_codes, finding_kind, withdrawn)
        select e.stream_id, e.version, e.seq_id, (e.data ->> 'inspectionId')::uuid,
          case when e.type like 'evidence%' then 'evidence' else 'finding' end, e.timestamp,
          case when e.type like 'evidence%' then array(select jsonb_array_elements_text(e.data -> 'content' -> 'questionCodes'))
               else array[e.data ->> 'questionCode'] end,
          e.data -> 'content' ->> 'kind', e.type = 'finding_withdrawn'
        from {Schema}.mt_events e
        where e.type in ('evidence_recorded', 'evidence_amended', 'finding_drafted', 'finding_revised', 'finding_withdrawn') and {where}
        on conflict (item_id, version) do nothing
        """;

    private static Weasel.Postgresql.Tables.Table Definition()
    {
        var table = new Weasel.Postgresql.Tables.Table($"{Schema}.{Table}");
        table.AddColumn<Guid>("item_id").AsPrimaryKey();
        table.AddColumn<long>("version").AsPrimaryKey();
        table.AddColumn<long>("seq_id").NotNull();
        table.AddColumn<Guid>("inspection_id").NotNull();
        table.AddColumn("item", "text").NotNull();
        table.AddColumn<DateTimeOffset>("recorded_at").NotNull();
        table.AddColumn("question_codes", "text[]").NotNull();
        table.AddColumn("finding_kind", "text");
        table.AddColumn<bool>("withdrawn").NotNull();
        // The as-of read walks this index backwards: each item's latest row up to the point comes first.
        table.Indexes.Add(new IndexDefinition("ix_record_timeline_item") { Columns = ["inspection_id", "item_id", "version"] });
        return table;
    }
}

/// <summary>
/// At start, fills the timeline from the stored events when it is empty but events exist: the first start of the
/// release that added it, on a database written before (or restored from such a backup). Later starts find rows and
/// stop at the first query.
/// </summary>
public sealed class RecordTimelineFill : Marten.Schema.IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        session.QueueSqlCommand(RecordTimelineProjection.Fill(
            $"not exists (select 1 from {RecordTimelineProjection.Schema}.{RecordTimelineProjection.Table})"));
        await session.SaveChangesAsync(cancellation);
    }
}
