using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Npgsql;
using Weasel.Postgresql.Tables;
using PeelCases.Fieldwork;
using PeelCases.Findings;

namespace PeelCases.Lifecycle;

/// <summary>
/// Narrow rows per evidence and finding event, one per question it bears on (and one for the piece of evidence itself):
/// which inspection, which item, the finding's kind, whether it withdraws, when it was recorded and when the item's next
/// event replaced it. "How many pieces of evidence and findings did the inspection have at T?" is then one index range
/// of this table, counted with no JSON and no search for each item's latest event (the as-of overview), instead of the
/// latest event of every item read from <c>mt_events</c>. No free text is kept, so redaction has nothing to mask here.
/// <para>
/// Every row is derived from the stored event by one SQL mapping (<see cref="Fill"/>): run by the inline projection
/// for each new event in the event's own transaction, by the historical import after Marten's bulk path (which runs
/// no projections), at start to fill the table on a database written before it existed, and by the rebuild to write
/// the whole table again (<see cref="Refill"/>). A row is only ever closed, once; a second fill of the same event adds
/// nothing.
/// </para>
/// </summary>
public sealed class RecordTimelineProjection : EventProjection
{
    public const string Schema = "peelcases";
    public const string Table = Inspections.RecordCounts.Table;

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
        // A stream's first event has no earlier rows to close and, inline, no later event yet: the plain insert (most writes).
        if (e.Data is EvidenceRecorded or FindingDrafted && e.Version == 1)
            operations.QueueSqlCommand(FillFirst, e.StreamId);
        else if (e.Data is EvidenceRecorded or EvidenceAmended or FindingDrafted or FindingRevised or FindingWithdrawn)
            operations.QueueSqlCommand(FillOne, e.StreamId, e.Version);
        return ValueTask.CompletedTask;
    }

    private static readonly string FillOne = Fill("e.stream_id = ? and e.version = ?");
    private static readonly string FillFirst = Fill("e.stream_id = ? and e.version = 1", firstOfStream: true);

    internal const string Types = "('evidence_recorded', 'evidence_amended', 'finding_drafted', 'finding_revised', 'finding_withdrawn')";

    /// <summary>
    /// The timeline rows of the stored events matching <paramref name="where"/> (over <c>mt_events e</c>): each event's rows
    /// valid from its own recording until the item's next event (found among the stored events), and the rows stored
    /// before for the same items closed at the first of these events. With <paramref name="firstOfStream"/> the events are
    /// their streams' first and nothing later is stored yet, so there is nothing to close and each row stays open.
    /// </summary>
    public static string Fill(string where, bool firstOfStream = false) => Mapping(where, firstOfStream ? FillScope.FirstOfStream : FillScope.Any);

    /// <summary>
    /// The whole timeline written again from the stored events, as one batch to run in one transaction: the table emptied,
    /// its primary key and indexes dropped, every row inserted by the mapping <see cref="Fill"/> uses, then the key and the
    /// indexes built once from the table's definition. Building an index once is far cheaper than updating it for each of
    /// two million rows (1M events: 38 s → 20 s with the vacuum, docs/benchmarks.md). The table is locked until the
    /// transaction commits, so this is for stopped nodes (<c>rebuild-read-models</c>) or before they start (<c>db-seed</c>).
    /// </summary>
    public static string Refill()
    {
        var table = Definition();
        var name = table.Identifier.QualifiedName;
        return string.Join("\n", [
            $"truncate {name};",
            .. table.Indexes.Select(i => $"drop index {Schema}.{i.Name};"),
            $"alter table {name} drop constraint {table.PrimaryKeyName};",
            Mapping("true", FillScope.IntoEmptyTable) + ";",
            $"alter table {name} add constraint {table.PrimaryKeyName} primary key ({string.Join(", ", table.PrimaryKeyColumns)});",
            .. table.Indexes.Select(i => i.ToDDL(table)),
        ]);
    }

    private enum FillScope
    {
        /// <summary>Any stored events: earlier rows of the same items are closed, and a row exists at most once.</summary>
        Any,
        /// <summary>Streams' first events, nothing later stored yet.</summary>
        FirstOfStream,
        /// <summary>Every stored event into an empty table without its key: nothing to close, nothing there already.</summary>
        IntoEmptyTable,
    }

    // The next event is looked up once per event, before its rows are multiplied by its questions; a question listed twice
    // gives one row (union), which the key would refuse.
    private static string Mapping(string where, FillScope rows) => $"""
        with source as (
          select e.stream_id, e.version, e.seq_id, e.timestamp, (e.data ->> 'inspectionId')::uuid as inspection_id,
            case when e.type like 'evidence%' then 'evidence' else 'finding' end as item,
            case when e.type like 'evidence%' then e.data -> 'content' -> 'questionCodes' else jsonb_build_array(e.data ->> 'questionCode') end as questions,
            e.data -> 'content' ->> 'kind' as finding_kind, e.type = 'finding_withdrawn' as withdrawn
          from {Schema}.mt_events e where e.type in {Types} and {where}){(rows != FillScope.Any ? "" : $"""
        ,
        closed as (
          update {Schema}.{Table} t set superseded_at = first.timestamp, superseded_seq = first.seq_id
          from (select distinct on (stream_id) stream_id, version, timestamp, seq_id from source order by stream_id, version) first
          where t.item_id = first.stream_id and t.version < first.version and t.superseded_seq is null)
        """)}
        insert into {Schema}.{Table} (item_id, version, question, seq_id, inspection_id, item, recorded_at, finding_kind, withdrawn, superseded_at, superseded_seq)
        select s.stream_id, s.version, q.question, s.seq_id, s.inspection_id, s.item, s.timestamp, s.finding_kind, s.withdrawn, {(rows == FillScope.FirstOfStream ? "null, null" : "n.timestamp, n.seq_id")}
        from source s{(rows == FillScope.FirstOfStream ? "" : $"""

        left join lateral (select n.timestamp, n.seq_id from {Schema}.mt_events n
          where n.stream_id = s.stream_id and n.version > s.version and n.type in {Types} order by n.version limit 1) n on true
        """)}
        cross join lateral (select '*' where s.item = 'evidence' union select jsonb_array_elements_text(s.questions)) as q(question)
        {(rows == FillScope.IntoEmptyTable ? "" : "on conflict (item_id, version, question) do nothing")}
        """;

    private static Weasel.Postgresql.Tables.Table Definition()
    {
        var table = new Weasel.Postgresql.Tables.Table($"{Schema}.{Table}");
        table.AddColumn<Guid>("item_id").AsPrimaryKey();
        table.AddColumn<long>("version").AsPrimaryKey();
        // A question the item bears on, or '*' for the piece of evidence itself (the total counts it once).
        table.AddColumn("question", "text").AsPrimaryKey();
        table.AddColumn<long>("seq_id").NotNull();
        table.AddColumn<Guid>("inspection_id").NotNull();
        table.AddColumn("item", "text").NotNull();
        table.AddColumn<DateTimeOffset>("recorded_at").NotNull();
        table.AddColumn("finding_kind", "text");
        table.AddColumn<bool>("withdrawn").NotNull();
        // When the item's next event replaced this row (null while it is the latest).
        table.AddColumn<DateTimeOffset>("superseded_at");
        table.AddColumn<long>("superseded_seq");
        // The counts at a point: an index-only scan of the inspection's rows in group order, the cut tested in the index
        // (20,000 rows counted: 10–15 ms → 6 ms; a bitmap scan of the heap and a hash of the groups before).
        table.Indexes.Add(new IndexDefinition("ix_record_timeline_at")
        {
            Columns = ["inspection_id", "item", "finding_kind", "question"],
            IncludeColumns = ["recorded_at", "superseded_at", "seq_id", "superseded_seq", "withdrawn"],
        });
        // An index-only scan needs the pages marked all-visible, which vacuum does: by default an insert-only table is
        // vacuumed after 20 % growth, here after 1 %, so only an inspection's newest rows are read from the heap.
        table.StorageParameters[StorageParameterNames.AutovacuumVacuumInsertScaleFactor] = 0.01;
        table.Indexes.Add(new IndexDefinition("ix_record_timeline_open") { Columns = ["item_id"], Predicate = "superseded_seq is null" });
        // The counts now: an index-only scan of the live rows, in group order (23,302 pieces of evidence: 25 ms → 8 ms).
        table.Indexes.Add(new IndexDefinition("ix_record_timeline_now")
        {
            Columns = ["inspection_id", "item", "finding_kind", "question"], Predicate = "superseded_seq is null and not withdrawn",
        });
        return table;
    }
}

/// <summary>
/// Fills the timeline from the stored events when it is empty but events exist: on a database written before the
/// release that added it (or restored from such a backup). Run by <c>db-seed</c>, and at start by development and test
/// hosts; once rows exist it stops at its first check.
/// </summary>
public sealed class RecordTimelineFill : Marten.Schema.IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        // Whether a stored event gives rows is asked only when the table is empty (no row otherwise): the scan of the events
        // stops at the first one. Without that second check a store with no evidence yet would be refilled at every start.
        await using var check = new NpgsqlCommand($"""
            select exists (select 1 from {RecordTimelineProjection.Schema}.mt_events e where e.type in {RecordTimelineProjection.Types})
            where not exists (select 1 from {RecordTimelineProjection.Schema}.{RecordTimelineProjection.Table})
            """, connection);
        if (await check.ExecuteScalarAsync(cancellation) is true) await RefillAsync(connection, cancellation);
    }

    /// <summary>
    /// <see cref="RecordTimelineProjection.Refill"/> in one transaction, then <c>VACUUM ANALYZE</c> so the as-of counts read
    /// the table from its index alone at once. No statement timeout: on a large store each step takes minutes.
    /// </summary>
    public static async Task RefillAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await using var refill = new NpgsqlCommand(RecordTimelineProjection.Refill(), connection, transaction) { CommandTimeout = 0 };
            await refill.ExecuteNonQueryAsync(ct);
            await transaction.CommitAsync(ct);
        }
        await using var vacuum = new NpgsqlCommand(
            $"vacuum (analyze) {RecordTimelineProjection.Schema}.{RecordTimelineProjection.Table}", connection) { CommandTimeout = 0 };
        await vacuum.ExecuteNonQueryAsync(ct);
    }
}
