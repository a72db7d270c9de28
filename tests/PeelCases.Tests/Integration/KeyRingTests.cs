using System.Net;
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
                using var a = nodeA.Server.CreateClient();
                using var page = await a.GetAsync("/console/sign-in");
                Assert.True(page.IsSuccessStatusCode, $"{page.StatusCode} {page.Headers} {page.Content.Headers}");
                var antiforgery = Cookies(page);
                formToken = FormToken(await page.Content.ReadAsStringAsync());
                using var signIn = await a.SendAsync(Form("/console/sign-in", antiforgery, formToken, ("user", TestUser.Lead.Id)));
                Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
                cookies = antiforgery + "; " + Cookies(signIn);

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

            using var board = await b.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/console/board") { Headers = { { "Cookie", cookies } } });
            Assert.Equal(HttpStatusCode.OK, board.StatusCode);
            Assert.Contains(TestUser.Lead.Id, await board.Content.ReadAsStringAsync());

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
