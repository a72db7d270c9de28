using JasperFx.Events;
using Marten.Events.Aggregation;
using PeelCases.Fieldwork;
using PeelCases.Inspections;
using PeelCases.Rebuild;
using C = PeelCases.UnitTests.Support.Cumbria;

namespace PeelCases.UnitTests;

/// <summary>How the one-pass rebuild folds a stream (ADR 0018): the projection that creates from its first event owns it.</summary>
public sealed class StreamFoldingTests
{
    private static object? Fold(Guid stream, params object[] events)
    {
        var folding = new StreamFolding(stream);
        for (var i = 0; i < events.Length; i++)
        {
            var wrapped = Event.For(events[i]);
            wrapped.StreamId = stream;
            wrapped.Version = i + 1;
            folding.Take(wrapped);
        }
        return folding.Document();
    }

    [Fact]
    public void An_evidence_stream_becomes_its_evidence_with_the_version_of_its_last_event()
    {
        var recorded = C.IncidentLogsRecorded;
        var amended = C.Inspection.EvidenceAmended(C.IncidentLogs, C.Inspection.EvidenceContent("E3", "E4"), "A second question it bears on.");
        var evidence = Assert.IsType<Evidence>(Fold(C.IncidentLogs, recorded, amended));
        Assert.Equal(C.IncidentLogs, evidence.Id);
        Assert.Equal(2, evidence.Version);
        Assert.Equal(["E3", "E4"], evidence.Content.QuestionCodes);
        Assert.Equal("A second question it bears on.", Assert.Single(evidence.EarlierVersions).SupersededBecause);
    }

    [Fact]
    public void An_inspection_stream_becomes_the_inspection_record()
    {
        var inspection = Assert.IsType<Inspection>(Fold(C.Inspection.Id, C.Inspection.Scheduled(), C.Inspection.FieldworkStarted()));
        Assert.Equal(InspectionStage.Fieldwork, inspection.Stage);
        Assert.Equal(2, inspection.Version);
    }

    [Fact]
    public void An_event_its_projection_does_not_apply_leaves_the_version_where_it_was() =>
        Assert.Equal(1, Assert.IsType<Evidence>(Fold(C.IncidentLogs, C.IncidentLogsRecorded, C.Inspection.FieldworkStarted())).Version);

    [Fact]
    public void A_stream_no_projection_creates_from_gives_no_document() =>
        Assert.Null(Fold(C.Inspection.Id, C.Inspection.FieldworkStarted(), C.Inspection.FieldworkCompleted()));

    [Fact]
    public void Every_single_stream_projection_of_the_service_is_folded_by_the_rebuild()
    {
        var projected = typeof(StreamFolding).Assembly.GetTypes()
            .Select(t => t.BaseType)
            .Where(b => b is { IsGenericType: true } && b.GetGenericTypeDefinition() == typeof(SingleStreamProjection<,>))
            .Select(b => b!.GetGenericArguments()[0])
            .ToList();
        Assert.NotEmpty(projected);
        Assert.Equal(projected.OrderBy(t => t.Name), StreamFolding.Documents.OrderBy(t => t.Name));
    }
}
