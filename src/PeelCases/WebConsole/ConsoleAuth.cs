using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using PeelCases.Kernel;

namespace PeelCases.WebConsole;

/// <summary>
/// The console's sign-in: a secure, HTTP-only, SameSite=Strict cookie of its own scheme. Only the console's routes name
/// that scheme, so the cookie never authenticates the JSON API (whose default scheme is the bearer token); the
/// console's pages and actions are authorized with the API's own named policies.
/// </summary>
public static class ConsoleAuth
{
    public const string Scheme = "console";
    public const string IdentityProviderScheme = "console-identity-provider";
    public const string CallbackPath = "/console/signin-oidc";

    /// <summary>
    /// Secure cookies, with the __Host- prefix (this site only, path /), everywhere but a development host served over
    /// plain http (./deploy/local/run.sh), where they follow the request. Behind a TLS-terminating proxy the service
    /// reads X-Forwarded-Proto (ServiceSetup), so the request is https.
    /// </summary>
    public static (string Prefix, CookieSecurePolicy Policy) Cookies(bool development) =>
        development ? ("", CookieSecurePolicy.SameAsRequest) : ("__Host-", CookieSecurePolicy.Always);

    public static AuthenticationBuilder AddConsoleCookie(this AuthenticationBuilder auth, bool development) =>
        auth.AddCookie(Scheme, o =>
        {
            var (prefix, policy) = Cookies(development);
            o.Cookie.Name = prefix + "peelcases-console";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = policy;
            // Lax, not Strict: the sign-in through the identity provider ends in a redirect chain that began on the
            // provider's site, on which a Strict cookie would not be sent. Forms are guarded by anti-forgery tokens.
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = ConsoleRoutes.SignIn;
            o.ReturnUrlParameter = "returnUrl";
            // A signed-in user without the role gets the console's own 403 page, not a redirect.
            o.Events.OnRedirectToAccessDenied = context => ConsolePages.Forbidden(context.HttpContext);
        });

    /// <summary>
    /// Sign-in through the deployment's OpenID Connect provider: authorization code with PKCE, the ID token checked
    /// (issuer, audience, signature from the provider's keys, nonce), its claims kept as issued (sub, role, force — the
    /// same claims the API's bearer tokens carry), and the person then held in the console's cookie.
    /// </summary>
    public static AuthenticationBuilder AddConsoleIdentityProvider(this AuthenticationBuilder auth, string authority, string clientId, string? clientSecret, string roleClaim) =>
        auth.AddOpenIdConnect(IdentityProviderScheme, o =>
        {
            o.Authority = authority;
            o.ClientId = clientId;
            o.ClientSecret = clientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.CallbackPath = CallbackPath;
            o.SignInScheme = Scheme;
            o.MapInboundClaims = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.SaveTokens = false;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            o.TokenValidationParameters.NameClaimType = "sub";
            o.TokenValidationParameters.RoleClaimType = roleClaim;
            // An answer from the provider that does not check out (signature, issuer, audience, nonce, an expired
            // sign-in) signs no one in: back to the sign-in page, which says so.
            o.Events.OnRemoteFailure = context =>
            {
                context.HandleResponse();
                context.Response.Redirect(ConsoleRoutes.SignIn + "?failed=true");
                return Task.CompletedTask;
            };
        });

    /// <summary>The claims a development sign-in carries: the same as the token command's (sub, name, role, force).</summary>
    public static ClaimsPrincipal Principal(ConsoleSignInOptions options, DemoUser user)
    {
        var claims = new List<Claim> { new("sub", user.Id), new("name", user.Id) };
        claims.AddRange(user.Roles.Select(r => new Claim(options.RoleClaim, r)));
        if (user.ForceId is not null) claims.Add(new Claim("force", user.ForceId));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, "sub", options.RoleClaim));
    }
}

/// <summary>How people sign in to the console: the demo team where tokens are signed with the local development key (the host says so), and the role claim's name.</summary>
public sealed record ConsoleSignInOptions(bool DevelopmentUsers, string RoleClaim, bool IdentityProvider = false);

/// <summary>A person of the demo inspection team, as the token command and the tests name them.</summary>
public sealed record DemoUser(string Id, string Name, string Role, string? ForceId = null)
{
    public IReadOnlyList<string> Roles => [Role];

    public static readonly IReadOnlyList<DemoUser> All =
    [
        new("lena.lead", "Lena, lead inspector", Kernel.Roles.LeadInspector),
        new("ian.inspector", "Ian, inspector", Kernel.Roles.Inspector),
        new("sara.inspector", "Sara, inspector", Kernel.Roles.Inspector),
        new("quinn.qa", "Quinn, QA reviewer", Kernel.Roles.QaReviewer),
        new("mo.moderator", "Mo, moderator", Kernel.Roles.Moderator),
        new("hannah.hmi", "Hannah, HM Inspector", Kernel.Roles.Hmi),
        new("cumbria.liaison", "Cumbria Constabulary's liaison", Kernel.Roles.ForceLiaison, "cumbria"),
        new("ada.admin", "Ada, administrator", Kernel.Roles.Administrator),
    ];
}
