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

    /// <summary>Opens <paramref name="path"/> as <paramref name="token"/>'s holder (anonymous when null); console errors are collected.</summary>
    public async Task<OpenPage> OpenAsync(IAlbaHost host, string path, string? token = null)
    {
        var context = await _browser.NewContextAsync(new() { Locale = "en-GB" });
        var client = host.Server.CreateClient();
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
        var loaded = await page.GotoAsync(Origin + path);
        return new OpenPage(page, loaded?.Status ?? 0, errors);

        async Task Answer(IRoute route)
        {
            var request = route.Request;
            if (!request.Url.StartsWith(Origin + "/", StringComparison.Ordinal)) { await route.AbortAsync(); return; }
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url[Origin.Length..]);
            if (request.PostDataBuffer is { } body) message.Content = new ByteArrayContent(body);
            foreach (var (name, value) in request.Headers)
                if (!message.Headers.TryAddWithoutValidation(name, value)) message.Content?.Headers.TryAddWithoutValidation(name, value);
            if (token is not null) message.Headers.Authorization = new("Bearer", token);
            using var response = await client.SendAsync(message);
            var headers = response.Headers.Concat(response.Content.Headers).GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => string.Join(", ", g.SelectMany(h => h.Value)), StringComparer.OrdinalIgnoreCase);
            await route.FulfillAsync(new() { Status = (int)response.StatusCode, Headers = headers, BodyBytes = await response.Content.ReadAsByteArrayAsync() });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}

/// <summary>A page as the browser loaded it: its status and every console error (a refused stylesheet or script shows there).</summary>
public sealed record OpenPage(IPage Page, int Status, IReadOnlyList<string> ConsoleErrors);
