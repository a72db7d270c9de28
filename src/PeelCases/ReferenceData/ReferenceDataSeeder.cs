using System.Text.Json;
using Marten;
using Marten.Schema;

namespace PeelCases.ReferenceData;

/// <summary>
/// Seeds the forces (kept current) and adds framework versions that are not stored yet. A stored
/// framework version is never rewritten: if the code now describes it differently, start-up stops
/// and says so, because existing inspections point at what was stored; a correction is a new version.
/// </summary>
public sealed class ReferenceDataSeeder : IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        session.Store(Forces.All.ToArray());
        // Before framework versions were keyed by (id, version), one document per framework id was
        // rewritten at every start; those rows are superseded by the versioned ones added below.
        session.QueueSqlCommand($"delete from {store.Options.DatabaseSchemaName}.mt_doc_{ReferenceDataConfiguration.FrameworkDocument} where id not like '%@%'");
        await session.SaveChangesAsync(cancellation);

        var stored = (await session.Query<AssessmentFramework>().ToListAsync(cancellation)).ToDictionary(f => f.Key);
        foreach (var framework in Frameworks.All)
        {
            // Store, not Insert: two nodes starting at once on a new database write the same version, harmlessly.
            if (!stored.TryGetValue(framework.Key, out var published)) session.Store(framework);
            else if (!Same(published, framework))
                throw new InvalidOperationException(
                    $"Framework {framework.Id} version {framework.Version} is stored and differs from its definition in the code. " +
                    "A published framework version is never edited: add the change as a new version (ReferenceData/Frameworks.cs).");
        }
        await session.SaveChangesAsync(cancellation);
    }

    private static bool Same(AssessmentFramework a, AssessmentFramework b) =>
        JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
