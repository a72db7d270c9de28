using PeelCases.Kernel;
using Scalar.AspNetCore;

namespace PeelCases.Host;

/// <summary>
/// The service's one security policy, sent on every response: a nonce-based Content-Security-Policy (no script runs
/// unless it carries this response's nonce; styles and images from this site only), nosniff, no framing, no referrer,
/// and no caching of anything answered to a signed-in caller (drafts, evidence, the record). The API page's Scalar
/// script carries the same nonce; its script injects style elements at run time, so that page alone allows inline styles.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>This response's nonce, for a page that renders its own script tag.</summary>
    public static string Nonce(HttpContext http) =>
        http.Items[ScalarOptions.NonceHttpContextItemKey] as string ?? PageNonce.For(http);

    public static string ContentSecurityPolicy(string nonce, bool inlineStyles = false) =>
        $"default-src 'none'; script-src 'nonce-{nonce}' 'strict-dynamic'; style-src 'self'{(inlineStyles ? " 'unsafe-inline'" : "")}; " +
        "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static Task Apply(HttpContext http, RequestDelegate next)
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy(Nonce(http), inlineStyles: http.Request.Path.StartsWithSegments(ApiPage));
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // Whatever a signed-in caller is shown stays out of shared and browser caches.
            if (http.User.Identity?.IsAuthenticated == true || http.Request.Headers.Authorization.Count > 0 || http.Request.Headers.Cookie.Count > 0)
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        });
        return next(http);
    }

    public const string ApiPage = "/api";
}
