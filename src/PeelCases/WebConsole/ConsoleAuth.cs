using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
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
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = ConsoleRoutes.SignIn;
            o.ReturnUrlParameter = "returnUrl";
            // A signed-in user without the role gets the console's own 403 page, not a redirect.
            o.Events.OnRedirectToAccessDenied = context => ConsolePages.Forbidden(context.HttpContext);
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
public sealed record ConsoleSignInOptions(bool DevelopmentUsers, string RoleClaim);

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
