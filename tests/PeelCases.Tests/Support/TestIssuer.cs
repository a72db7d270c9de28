using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PeelCases.Tests.Support;

/// <summary>
/// A small OpenID Connect provider run in the test process (discovery, keys, an authorize page where the person picks
/// who they are, and a token endpoint checking the code and its PKCE verifier), so the console's sign-in through an
/// identity provider runs the real authorization-code flow: the service's OpenID Connect handler fetches the
/// metadata and keys, redeems the code and checks the ID token's signature, issuer, audience and nonce.
/// </summary>
public static class TestIssuer
{
    public const string Origin = "https://issuer.test";
    public const string ClientId = "peelcases-console";

    private static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "test-issuer-1" };
    private static readonly ConcurrentDictionary<string, Grant> Codes = new();
    private static readonly Lazy<TestServer> Server = new(Start);

    private sealed record Grant(TestUser User, string ClientId, string RedirectUri, string? Nonce, string? Challenge, string Audience);

    /// <summary>The provider's handler: the service's back channel to it, and the browser harness's route.</summary>
    public static HttpMessageHandler Handler => Server.Value.CreateHandler();

    private static TestServer Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        var app = builder.Build();
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Origin,
            ["authorization_endpoint"] = $"{Origin}/authorize",
            ["token_endpoint"] = $"{Origin}/token",
            ["jwks_uri"] = $"{Origin}/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        app.MapGet("/jwks", () => Results.Json(new { keys = new[] { JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(Key.Rsa.ExportParameters(false)) { KeyId = Key.KeyId }) } }));
        app.MapGet("/authorize", (HttpRequest r) => Results.Content(AuthorizePage(r.Query), "text/html; charset=utf-8"));
        app.MapPost("/authorize", async (HttpRequest r) =>
        {
            var form = await r.ReadFormAsync();
            var user = new[] { TestUser.Lead, TestUser.Moderator, TestUser.Liaison }.Single(u => u.Id == form["user"]);
            var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            Codes[code] = new Grant(user, form["client_id"]!, form["redirect_uri"]!, form["nonce"], form["code_challenge"],
                form["another_client"] == "yes" ? "someone-else" : form["client_id"]!);
            return Results.Redirect($"{form["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(form["state"]!)}");
        });
        app.MapPost("/token", async (HttpRequest r) =>
        {
            var form = await r.ReadFormAsync();
            if (!Codes.TryRemove(form["code"]!, out var grant) || grant.RedirectUri != form["redirect_uri"] || grant.ClientId != form["client_id"]
                || grant.Challenge != Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))))
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            var claims = new Dictionary<string, object> { ["sub"] = grant.User.Id, ["name"] = grant.User.Id, ["role"] = grant.User.Roles };
            if (grant.Nonce is not null) claims["nonce"] = grant.Nonce;
            if (grant.User.ForceId is not null) claims["force"] = grant.User.ForceId;
            var now = DateTime.UtcNow;
            var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = Origin, Audience = grant.Audience, IssuedAt = now, NotBefore = now, Expires = now.AddMinutes(5), Claims = claims,
                SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
            });
            return Results.Json(new { id_token = idToken, access_token = "not-used", token_type = "Bearer", expires_in = 300 });
        });
        app.StartAsync().GetAwaiter().GetResult();
        return app.GetTestServer();
    }

    /// <summary>The provider's own sign-in page: who are you (no password: a test provider).</summary>
    private static string AuthorizePage(IQueryCollection q)
    {
        string Hidden(string name) => $"<input type=\"hidden\" name=\"{name}\" value=\"{WebUtility.HtmlEncode(q[name].ToString())}\">";
        return "<!DOCTYPE html><html lang=\"en\"><head><title>Test identity provider</title></head><body><main><h1>Test identity provider</h1>" +
               $"<form method=\"post\" action=\"{Origin}/authorize\">" +
               string.Concat(new[] { "client_id", "redirect_uri", "state", "nonce", "code_challenge" }.Select(Hidden)) +
               "<label><input type=\"radio\" name=\"user\" value=\"lena.lead\">lena.lead</label>" +
               "<label><input type=\"radio\" name=\"user\" value=\"mo.moderator\">mo.moderator</label>" +
               "<label><input type=\"radio\" name=\"user\" value=\"cumbria.liaison\">cumbria.liaison</label>" +
               "<label><input type=\"checkbox\" name=\"another_client\" value=\"yes\">Issue the token for another client</label>" +
               "<button type=\"submit\">Continue</button></form></main></body></html>";
    }
}
