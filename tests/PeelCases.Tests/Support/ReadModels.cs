using System.Text.Json;
using Marten;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PeelCases.Fieldwork;
using PeelCases.Findings;
using PeelCases.Grading;
using PeelCases.Inspections;

namespace PeelCases.Tests.Support;

public static class ReadModels
{
    public static readonly string[] Projections = ["Inspection", "Evidence", "Finding", "ForceGradeHistory"];

    /// <summary>Every read model document, keyed by type and id, as JSON.</summary>
    public static async Task<Dictionary<string, string>> SnapshotAsync(IDocumentStore store)
    {
        await using var session = store.QuerySession();
        var docs = new Dictionary<string, string>();
        foreach (var i in await session.Query<Inspection>().ToListAsync()) docs[$"Inspection:{i.Id}"] = JsonSerializer.Serialize(i);
        foreach (var e in await session.Query<Evidence>().ToListAsync()) docs[$"Evidence:{e.Id}"] = JsonSerializer.Serialize(e);
        foreach (var f in await session.Query<Finding>().ToListAsync()) docs[$"Finding:{f.Id}"] = JsonSerializer.Serialize(f);
        foreach (var h in await session.Query<ForceGradeHistory>().ToListAsync()) docs[$"ForceGradeHistory:{h.Id}"] = JsonSerializer.Serialize(h);
        return docs;
    }

    /// <summary>
    /// Rebuilds through the host's own daemon, which pauses the shard it rebuilds; a second daemon
    /// built beside it would race the running one for the same progression rows.
    /// </summary>
    public static async Task RebuildAllAsync(IHost host)
    {
        var daemon = host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        foreach (var projection in Projections)
            await daemon.RebuildProjectionAsync(projection, TimeSpan.FromMinutes(1), CancellationToken.None);
    }

    public static void AssertIdentical(Dictionary<string, string> expected, Dictionary<string, string> actual)
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (key, json) in expected) Assert.Equal(json, actual[key]);
    }
}
