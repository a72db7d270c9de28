using System.Text.Json;
using Marten;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PeelCases.Fieldwork;
using PeelCases.Findings;
using PeelCases.Grading;
using PeelCases.Inspections;
using PeelCases.Monitoring;
using PeelCases.Rebuild;

namespace PeelCases.Tests.Support;

public static class ReadModels
{
    /// <summary>Every read model document, keyed by type and id, as JSON.</summary>
    public static async Task<Dictionary<string, string>> SnapshotAsync(IDocumentStore store)
    {
        await using var session = store.QuerySession();
        var docs = new Dictionary<string, string>();
        foreach (var i in await session.Query<Inspection>().ToListAsync()) docs[$"Inspection:{i.Id}"] = JsonSerializer.Serialize(i);
        foreach (var e in await session.Query<Evidence>().ToListAsync()) docs[$"Evidence:{e.Id}"] = JsonSerializer.Serialize(e);
        foreach (var f in await session.Query<Finding>().ToListAsync()) docs[$"Finding:{f.Id}"] = JsonSerializer.Serialize(f);
        foreach (var h in await session.Query<ForceGradeHistory>().ToListAsync()) docs[$"ForceGradeHistory:{h.Id}"] = JsonSerializer.Serialize(h);
        foreach (var m in await session.Query<ForceMonitoring>().ToListAsync()) docs[$"ForceMonitoring:{m.Id}"] = JsonSerializer.Serialize(m);
        return docs;
    }

    /// <summary>
    /// The product's one-pass rebuild (<see cref="ReadModelRebuild"/>) inside a running host: the grade history through the
    /// host's own daemon, which pauses its shard; a second daemon built beside it would race the running one.
    /// </summary>
    public static Task RebuildAllAsync(IHost host) =>
        new ReadModelRebuild(host.Services.GetRequiredService<IDocumentStore>(), host.Services.GetRequiredService<IProjectionCoordinator>(),
            TimeProvider.System).DocumentsAsync(null, CancellationToken.None);

    public static void AssertIdentical(Dictionary<string, string> expected, Dictionary<string, string> actual)
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (key, json) in expected) Assert.Equal(json, actual[key]);
    }
}
