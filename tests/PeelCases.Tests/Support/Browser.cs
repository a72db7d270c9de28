using Alba;
using Microsoft.Playwright;

namespace PeelCases.Tests.Support;

/// <summary>
/// Headless Chromium (Debian's package, never a downloaded browser) reading the pages of the in-process
/// service: every request the page makes is answered by the real stack through the test server, with the
/// service's own headers, so the browser enforces the page's Content-Security-Policy as it would in use.
/// Requests to any other origin are aborted.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string Origin = "https://peelcases.test";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Browser(IPlaywright playwright, IBrowser browser) => (_playwright, _browser) = (playwright, browser);

    /// <summary>PEELCASES_CHROMIUM, else Debian's /usr/bin/chromium (deploy/local/browser.sh installs it).</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("PEELCASES_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static async Task<Browser> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"No Chromium at {ExecutablePath}: run ./deploy/local/browser.sh (installs Debian's chromium) or set PEELCASES_CHROMIUM.");
        var playwright = await Playwright.CreateAsync();
        // Flags as this machine needs them: no sandbox as root, and no background traffic to a network that is closed.
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new Browser(playwright, browser);
    }

    /// <summary>
    /// Opens <paramref name="path"/> as <paramref name="token"/>'s holder (anonymous when null), in a context of its own
    /// (its own cookies), with or without JavaScript; console errors are collected.
    /// </summary>
    public async Task<OpenPage> OpenAsync(IAlbaHost host, string path, string? token = null, bool javaScript = true)
    {
        var context = await _browser.NewContextAsync(new() { Locale = "en-GB", JavaScriptEnabled = javaScript, ViewportSize = new() { Width = 1280, Height = 900 } });
        // Requests go to the test server as https (secure cookies and anti-forgery hold, as behind TLS).
        var client = new HttpClient(host.Server.CreateHandler()) { BaseAddress = new Uri(Origin) };
        HttpClient? issuer = null;
        var jar = new CookieJar();
        var errors = new List<string>();
        await context.RouteAsync("**/*", async route =>
        {
            try { await Answer(route); }
            catch (Exception e)
            {
                errors.Add($"{route.Request.Url}: {e}");
                await route.AbortAsync();
            }
        });
        var page = await context.NewPageAsync();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);
        page.RequestFailed += (_, r) => errors.Add($"{r.Method} {r.Url} failed: {r.Failure}");
        var loaded = await page.GotoAsync(Origin + path);
        return new OpenPage(page, loaded?.Status ?? 0, errors);

        async Task Answer(IRoute route)
        {
            var request = route.Request;
            if (!Routed(request.Url)) { await route.AbortAsync(); return; }
            var sent = (await request.AllHeadersAsync())
                .Where(h => !h.Key.StartsWith(':') && !h.Key.Equals("cookie", StringComparison.OrdinalIgnoreCase))
                .ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
            var (method, url, body) = (request.Method, request.Url, request.PostDataBuffer);
            var forBrowser = new List<string>();
            // Playwright routes only the first request of a redirect chain: the chain is followed here, across this site
            // and the test identity provider, each site's cookies kept in this context's jar, so a form's
            // post-redirect-get, or a sign-in through the provider, lands on its page.
            for (var hop = 0; ; hop++)
            {
                using var response = await SendAsync(method, url, body, sent);
                var set = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
                jar.Apply(new Uri(url).Host, set);
                if (new Uri(url).Host == new Uri(request.Url).Host) forBrowser.AddRange(set);
                if ((int)response.StatusCode is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location && hop < 8
                    && new Uri(new Uri(url), location).ToString() is var next && Routed(next))
                {
                    var keep = (int)response.StatusCode is 307 or 308;
                    (method, url, body) = (keep ? method : "GET", next, keep ? body : null);
                    continue;
                }
                // Several Set-Cookie values go one per line, as Playwright reads them: the browser keeps this site's too.
                var headers = response.Headers.Concat(response.Content.Headers).Where(h => !h.Key.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase))
                    .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => string.Join(", ", g.SelectMany(h => h.Value)), StringComparer.OrdinalIgnoreCase);
                if (forBrowser.Count > 0) headers["Set-Cookie"] = string.Join("\n", forBrowser);
                await route.FulfillAsync(new() { Status = (int)response.StatusCode, Headers = headers, BodyBytes = await response.Content.ReadAsByteArrayAsync() });
                return;
            }
        }

        async Task<HttpResponseMessage> SendAsync(string method, string url, byte[]? body, Dictionary<string, string> sent)
        {
            var target = new Uri(url);
            var message = new HttpRequestMessage(new HttpMethod(method), target);
            if (body is not null) message.Content = new ByteArrayContent(body);
            foreach (var (name, value) in sent.Where(h => body is not null || !h.Key.StartsWith("content-", StringComparison.OrdinalIgnoreCase)))
                if (!message.Headers.TryAddWithoutValidation(name, value)) message.Content?.Headers.TryAddWithoutValidation(name, value);
            if (jar.Header(target.Host) is { Length: > 0 } cookie) message.Headers.TryAddWithoutValidation("Cookie", cookie);
            if (url.StartsWith(TestIssuer.Origin + "/", StringComparison.Ordinal)) return await (issuer ??= new HttpClient(TestIssuer.Handler)).SendAsync(message);
            // Sent as https, as a deployment behind TLS would see it: secure cookies and anti-forgery hold.
            if (token is not null) message.Headers.Authorization = new("Bearer", token);
            return await client.SendAsync(message);
        }
    }

    private static bool Routed(string url) =>
        url.StartsWith(Origin + "/", StringComparison.Ordinal) || url.StartsWith(TestIssuer.Origin + "/", StringComparison.Ordinal);

    /// <summary>Each site's cookies in one browser context, as Set-Cookie left them (set ones replace, expired ones go).</summary>
    private sealed class CookieJar
    {
        private readonly Dictionary<string, Dictionary<string, string>> _sites = new();

        public void Apply(string host, IEnumerable<string> setCookies)
        {
            var site = _sites.TryGetValue(host, out var s) ? s : _sites[host] = new Dictionary<string, string>();
            foreach (var set in setCookies)
            {
                var pair = set.Split(';')[0].Split('=', 2);
                if (pair.Length != 2) continue;
                if (set.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) site.Remove(pair[0].Trim());
                else site[pair[0].Trim()] = pair[1];
            }
        }

        public string Header(string host) =>
            _sites.TryGetValue(host, out var site) ? string.Join("; ", site.Select(c => $"{c.Key}={c.Value}")) : "";
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}

/// <summary>A page as the browser loaded it: its status and every console error (a refused stylesheet or script shows there).</summary>
public sealed record OpenPage(IPage Page, int Status, IReadOnlyList<string> ConsoleErrors)
{
    /// <summary>Goes to another path of the site in the same context (same cookies); the status it answered.</summary>
    public async Task<int> GoAsync(string path)
    {
        // Each page's errors are its own.
        ((List<string>)ConsoleErrors).Clear();
        try { return (await Page.GotoAsync(Browser.Origin + path))?.Status ?? 0; }
        catch (PlaywrightException e) { throw new InvalidOperationException($"{path}: {e.Message}\n{string.Join("\n", ConsoleErrors)}", e); }
    }
}
