using System.Net;
using Microsoft.Extensions.Configuration;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using PeelCases.Host;
using PeelCases.Tests.Support;

namespace PeelCases.Tests.Integration;

/// <summary>
/// The console's sign-in cookie and anti-forgery tokens are signed with a key ring kept in PostgreSQL: a sign-in made on one
/// node holds on another node, or on the same one restarted. Runs on a database of its own; the two hosts are two nodes in
/// all but process.
/// </summary>
[Collection(AppCollection.Name), Trait("Category", "Process")]
public sealed class KeyRingTests(AppFixture app)
{
    [Fact]
    public async Task A_console_sign_in_made_on_one_node_holds_on_the_next_and_its_forms_are_accepted_there()
    {
        var database = await app.Postgres.CreateDatabaseAsync("peelcases_keys");
        try
        {
            string cookies, formToken;
            var nodeA = await AppFixture.StartHostAsync(database, null);
            try
            {
                (cookies, formToken) = await SignInAsync(nodeA);
                await using var session = nodeA.Services.GetRequiredService<IDocumentStore>().QuerySession();
                Assert.Single(await session.Query<DataProtectionKey>().ToListAsync());
            }
            finally
            {
                await AppFixture.StopHostAsync(nodeA);
            }

            await using var nodeB = await AppFixture.StartHostAsync(database, null);
            using var b = nodeB.Server.CreateClient();
            using var unsigned = await b.GetAsync("/console/board");
            Assert.Equal(HttpStatusCode.Redirect, unsigned.StatusCode);

            await AssertSignedInAsync(nodeB, cookies);

            // The form token node A put on its page is accepted by node B: signing out is a form post.
            using var signOut = await b.SendAsync(Form("/console/sign-out", cookies, formToken));
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
            Assert.Equal("/console/sign-in", signOut.Headers.Location?.OriginalString);

            // Node B signed with the ring it found, and added no key of its own.
            await using var stored = nodeB.Services.GetRequiredService<IDocumentStore>().QuerySession();
            Assert.Single(await stored.Query<DataProtectionKey>().ToListAsync());
        }
        finally
        {
            await app.Postgres.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task Db_seed_gives_a_new_database_its_first_key_once_and_a_production_node_signs_with_it()
    {
        var database = await app.Postgres.CreateDatabaseAsync("peelcases_keys_seed");
        try
        {
            await ServiceCli.RunAsync(database, "db-apply");
            Assert.Contains("the console's key ring given its first key", await ServiceCli.RunAsync(database, "db-seed"));
            Assert.DoesNotContain("key ring", await ServiceCli.RunAsync(database, "db-seed"));
            await using var node = await AppFixture.StartHostAsync(database, null, new Dictionary<string, string> { ["Database__ApplyChangesOnStartup"] = "false" });
            using var client = node.Server.CreateClient();
            using var page = await client.GetAsync("/console/sign-in");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            await using var session = node.Services.GetRequiredService<IDocumentStore>().QuerySession();
            Assert.Single(await session.Query<DataProtectionKey>().ToListAsync());
        }
        finally
        {
            await app.Postgres.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task With_the_deployments_certificate_the_keys_are_stored_encrypted_and_a_new_certificate_still_reads_them()
    {
        var database = await app.Postgres.CreateDatabaseAsync("peelcases_keys_certificate");
        var folder = Directory.CreateTempSubdirectory("peelcases-keyring-");
        try
        {
            var first = Certificate(folder, "first");
            var second = Certificate(folder, "second");
            string cookies;
            var nodeA = await AppFixture.StartHostAsync(database, null, new Dictionary<string, string>
            {
                ["DataProtection__Certificate"] = first, ["DataProtection__CertificatePassword"] = "first-password",
            });
            try
            {
                (cookies, _) = await SignInAsync(nodeA);
                await using var session = nodeA.Services.GetRequiredService<IDocumentStore>().QuerySession();
                var key = Assert.Single(await session.Query<DataProtectionKey>().ToListAsync());
                // ASP.NET writes the key's secret as <masterKey><value>…</value>; encrypted, only the certificate's cipher text is there.
                Assert.Contains("EncryptedData", key.Xml);
                Assert.DoesNotContain("<value>", key.Xml);
            }
            finally
            {
                await AppFixture.StopHostAsync(nodeA);
            }

            // A rotation: the node holds the new certificate, and the earlier one still reads the key it encrypted.
            await using var nodeB = await AppFixture.StartHostAsync(database, null, new Dictionary<string, string>
            {
                ["DataProtection__Certificate"] = second, ["DataProtection__CertificatePassword"] = "second-password",
                ["DataProtection__EarlierCertificate"] = first, ["DataProtection__EarlierCertificatePassword"] = "first-password",
            });
            await AssertSignedInAsync(nodeB, cookies);
            await using var stored = nodeB.Services.GetRequiredService<IDocumentStore>().QuerySession();
            Assert.Single(await stored.Query<DataProtectionKey>().ToListAsync());
        }
        finally
        {
            await app.Postgres.DropDatabaseAsync(database);
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Once_a_certificate_is_configured_db_seed_revokes_the_keys_stored_in_clear_and_what_they_signed_no_longer_holds()
    {
        var database = await app.Postgres.CreateDatabaseAsync("peelcases_keys_revoked");
        var folder = Directory.CreateTempSubdirectory("peelcases-keyring-");
        try
        {
            await ServiceCli.RunAsync(database, "db-apply");
            Assert.Contains("given its first key", await ServiceCli.RunAsync(database, "db-seed"));
            string cookies;
            var before = await AppFixture.StartHostAsync(database, null);
            try { (cookies, _) = await SignInAsync(before); }
            finally { await AppFixture.StopHostAsync(before); }

            var certificate = new Dictionary<string, string>
            {
                ["DataProtection__Certificate"] = Certificate(folder, "first"), ["DataProtection__CertificatePassword"] = "first-password",
            };
            Assert.Contains("keys stored in clear revoked", await ServiceCli.RunWithAsync(database, certificate, "db-seed"));
            Assert.DoesNotContain("revoked", await ServiceCli.RunWithAsync(database, certificate, "db-seed")); // once

            await using var node = await AppFixture.StartHostAsync(database, null, certificate);
            using (var client = node.Server.CreateClient())
            using (var board = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/console/board") { Headers = { { "Cookie", cookies } } }))
                Assert.Equal(HttpStatusCode.Redirect, board.StatusCode); // signed with a revoked key: sign in again
            var (fresh, _) = await SignInAsync(node);
            await AssertSignedInAsync(node, fresh);
            await using var session = node.Services.GetRequiredService<IDocumentStore>().QuerySession();
            var keys = (await session.Query<DataProtectionKey>().ToListAsync()).Where(k => k.Id.StartsWith("key-")).ToList();
            Assert.Equal(2, keys.Count);
            Assert.Single(keys, k => k.Xml.Contains("EncryptedData") && !k.Xml.Contains("<masterKey"));
        }
        finally
        {
            await app.Postgres.DropDatabaseAsync(database);
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_certificate_that_cannot_be_read_stops_the_node_from_starting_and_says_which_setting()
    {
        var folder = Directory.CreateTempSubdirectory("peelcases-keyring-");
        try
        {
            var path = Certificate(folder, "first");
            static IConfiguration Settings(params (string Key, string Value)[] values) =>
                new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build();
            Assert.Null(KeyRingCertificates.Load(Settings()));
            Assert.Equal(2, KeyRingCertificates.Load(Settings(("DataProtection:Certificate", path), ("DataProtection:CertificatePassword", "first-password"),
                ("DataProtection:EarlierCertificate", path), ("DataProtection:EarlierCertificatePassword", "first-password")))!.Length);
            var wrongPassword = Assert.Throws<InvalidOperationException>(() =>
                KeyRingCertificates.Load(Settings(("DataProtection:Certificate", path), ("DataProtection:CertificatePassword", "not-it"))));
            Assert.StartsWith($"DataProtection:Certificate ({path}) could not be read", wrongPassword.Message);
            var missing = Assert.Throws<InvalidOperationException>(() => KeyRingCertificates.Load(Settings(("DataProtection:Certificate", path),
                ("DataProtection:CertificatePassword", "first-password"), ("DataProtection:EarlierCertificate", Path.Combine(folder.FullName, "gone.pfx")))));
            Assert.StartsWith("DataProtection:EarlierCertificate", missing.Message);
            Assert.StartsWith("DataProtection:EarlierCertificate is set without DataProtection:Certificate", Assert.Throws<InvalidOperationException>(() =>
                KeyRingCertificates.Load(Settings(("DataProtection:EarlierCertificate", path), ("DataProtection:EarlierCertificatePassword", "first-password")))).Message);
            // ASP.NET encrypts keys with RSA only: an elliptic-curve certificate is refused at start, not when the first key is written.
            using (var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256))
            using (var ec = new CertificateRequest("CN=PeelCases key ring (ec)", ecdsa, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1)))
                File.WriteAllBytes(Path.Combine(folder.FullName, "ec.pfx"), ec.Export(X509ContentType.Pfx, "ec-password"));
            Assert.EndsWith("is not an RSA certificate: ASP.NET encrypts the key ring with RSA.", Assert.Throws<InvalidOperationException>(() => KeyRingCertificates.Load(
                Settings(("DataProtection:Certificate", Path.Combine(folder.FullName, "ec.pfx")), ("DataProtection:CertificatePassword", "ec-password")))).Message);
            // The certificate alone, without its private key: keys could be written to it but never read back.
            var publicOnly = Path.Combine(folder.FullName, "public.pfx");
            using (var full = X509CertificateLoader.LoadPkcs12FromFile(path, "first-password"))
                File.WriteAllBytes(publicOnly, X509CertificateLoader.LoadCertificate(full.RawData).Export(X509ContentType.Pkcs12, "public-password"));
            var keyless = Assert.Throws<InvalidOperationException>(() =>
                KeyRingCertificates.Load(Settings(("DataProtection:Certificate", publicOnly), ("DataProtection:CertificatePassword", "public-password"))));
            Assert.EndsWith("holds no private key: the key ring could be written but never read back.", keyless.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A self-signed RSA certificate with its private key, as a deployment would mount it: a PKCS#12 file, its password "{name}-password".</summary>
    private static string Certificate(DirectoryInfo folder, string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=PeelCases key ring ({name})", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder.FullName, $"{name}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, $"{name}-password"));
        return path;
    }

    private static async Task<(string Cookies, string FormToken)> SignInAsync(Alba.IAlbaHost node)
    {
        using var client = node.Server.CreateClient();
        using var page = await client.GetAsync("/console/sign-in");
        Assert.True(page.IsSuccessStatusCode, $"{page.StatusCode} {page.Headers} {page.Content.Headers}");
        var antiforgery = Cookies(page);
        var formToken = FormToken(await page.Content.ReadAsStringAsync());
        using var signIn = await client.SendAsync(Form("/console/sign-in", antiforgery, formToken, ("user", TestUser.Lead.Id)));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return (antiforgery + "; " + Cookies(signIn), formToken);
    }

    private static async Task AssertSignedInAsync(Alba.IAlbaHost node, string cookies)
    {
        using var client = node.Server.CreateClient();
        using var board = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/console/board") { Headers = { { "Cookie", cookies } } });
        Assert.Equal(HttpStatusCode.OK, board.StatusCode);
        Assert.Contains(TestUser.Lead.Id, await board.Content.ReadAsStringAsync());
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

    private static string FormToken(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"") is { Success: true } m ? m.Groups[1].Value
            : throw new InvalidOperationException("The sign-in page has no form token.");

    private static HttpRequestMessage Form(string path, string cookies, string token, params (string Name, string Value)[] fields) =>
        new(HttpMethod.Post, path)
        {
            Headers = { { "Cookie", cookies } },
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]),
        };
}
