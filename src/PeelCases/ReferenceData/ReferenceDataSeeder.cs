using Marten;
using Marten.Schema;

namespace PeelCases.ReferenceData;

/// <summary>Upserts the forces and framework versions at start-up; running it again changes nothing.</summary>
public sealed class ReferenceDataSeeder : IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        session.Store(Forces.All.ToArray());
        session.Store(Frameworks.All.ToArray());
        await session.SaveChangesAsync(cancellation);
    }
}
