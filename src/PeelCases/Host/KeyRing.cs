using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace PeelCases.Host;

/// <summary>One key of the data-protection key ring, as ASP.NET writes it (XML), stored under its own name.</summary>
public sealed record DataProtectionKey(string Id, string Xml);

/// <summary>
/// The key ring that signs the console's sign-in cookie and its anti-forgery tokens, kept in PostgreSQL beside the record.
/// ASP.NET's default keeps it in the user's home directory, and the image's user has none: each node would sign with a key
/// of its own, made again at every start, so a sign-in would not hold on the next node a request reaches or past a restart.
/// Unless a certificate is configured (<see cref="KeyRingCertificates"/>), anyone who can read the database can read these keys
/// (docs/security.md).
/// </summary>
public static class KeyRing
{
    public const string Document = "data_protection_key";

    /// <summary>Nodes share a ring only when they name the same application; the default is the install path.</summary>
    public const string ApplicationName = "PeelCases";

    public static StoreOptions AddKeyRing(this StoreOptions opts)
    {
        opts.Schema.For<DataProtectionKey>().Identity(k => k.Id).DocumentAlias(Document);
        return opts;
    }

    public static IServiceCollection AddSharedKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        var ring = services.AddDataProtection().SetApplicationName(ApplicationName);
        // With the deployment's certificate, each key is stored encrypted to it: reading the database no longer lets anyone
        // forge a console cookie. The earlier certificate still reads the keys it encrypted, while a rotation is under way.
        if (KeyRingCertificates.Load(configuration) is { } certificates)
        {
            ring.ProtectKeysWithCertificate(certificates[0]);
            // In memory, not from a certificate store: the image's user has none.
            ring.UnprotectKeysWithAnyCertificate(certificates);
        }
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(
            o => o.XmlRepository = new MartenXmlRepository(provider.GetRequiredService<IDocumentStore>())));
        return services;
    }

    /// <summary>
    /// Gives an empty ring its first key (<c>db-seed</c>, before any node starts); false when it has a current one. Nodes
    /// starting together on an empty ring would each make a key, and ASP.NET looks again for a key it does not know only in
    /// its first minutes: after that, one node would refuse the other's cookies until its daily re-read.
    /// </summary>
    public static bool EnsureFirstKey(IServiceProvider services)
    {
        var keys = services.GetRequiredService<IKeyManager>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (keys.GetAllKeys().Any(k => !k.IsRevoked && k.ExpirationDate > now)) return false;
        keys.CreateNewKey(now, now + services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.NewKeyLifetime);
        return true;
    }

    /// <summary>
    /// Once a certificate is configured, keys stored before it (in clear) are revoked and a key encrypted to it replaces them
    /// (<c>db-seed</c>): ASP.NET keeps reading cookies with an expired key, so only revoking them ends what anyone who read
    /// the database could forge. Everyone signed in to the console signs in again, once. False when there was nothing to revoke.
    /// </summary>
    public static async Task<bool> RevokeKeysInClearAsync(IServiceProvider services, CancellationToken ct)
    {
        var options = services.GetRequiredService<IOptions<KeyManagementOptions>>().Value;
        if (options.XmlEncryptor is null) return false;
        await using var session = services.GetRequiredService<IDocumentStore>().QuerySession();
        // A key ASP.NET wrote in clear holds its secret as <masterKey>; one encrypted to a certificate holds <encryptedSecret>.
        var inClear = (await session.Query<DataProtectionKey>().ToListAsync(ct)).Where(k => k.Xml.Contains("<masterKey")).Select(k => k.Id).ToHashSet();
        var keys = services.GetRequiredService<IKeyManager>();
        if (!keys.GetAllKeys().Any(k => !k.IsRevoked && inClear.Contains($"key-{k.KeyId:D}"))) return false;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        keys.RevokeAllKeys(now, "Stored in clear before the key ring was encrypted to a certificate.");
        keys.CreateNewKey(now, now + options.NewKeyLifetime);
        return true;
    }

    /// <summary>ASP.NET reads the whole ring when it starts, daily, or on meeting a key it does not know; it adds a key when one falls due.</summary>
    private sealed class MartenXmlRepository(IDocumentStore store) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements()
        {
            using var session = store.QuerySession();
            return session.Query<DataProtectionKey>().ToListAsync().GetAwaiter().GetResult().Select(k => XElement.Parse(k.Xml)).ToList();
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            using var session = store.LightweightSession();
            session.Insert(new DataProtectionKey(friendlyName, element.ToString(SaveOptions.DisableFormatting)));
            // ASP.NET's repository interface is synchronous and Marten 9 is asynchronous only. The ring is read at start and
            // about daily after, a key added about once in 90 days, and ASP.NET Core has no synchronization context to deadlock on.
            session.SaveChangesAsync().GetAwaiter().GetResult();
        }
    }
}
