using PeelCases.Tests.Support;

namespace PeelCases.Tests.Browser;

/// <summary>The API page runs Scalar's script under the service's nonce-based policy: it renders, and the browser refuses nothing.</summary>
public sealed class ApiPageBrowserTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_API_page_renders_its_operations_under_the_nonce_based_policy()
    {
        // "/api" redirects here (Scalar's own 302); a routed browser does not follow a fulfilled redirect.
        Assert.Equal("api/", (await App.Host.Scenario(s => { s.Get.Url("/api"); s.StatusCodeShouldBe(302); })).Context.Response.Headers.Location.ToString());
        await using var browser = await Support.Browser.LaunchAsync();

        var opened = await browser.OpenAsync(App.Host, "/api/");

        Assert.Equal(200, opened.Status);
        // Scalar's script ran (it carries the response's nonce) and fetched the OpenAPI document from this site.
        await opened.Page.GetByText("RecordEvidence").First.WaitForAsync(new() { Timeout = 30_000 });
        Assert.True(opened.ConsoleErrors.Count == 0, string.Join("\n", opened.ConsoleErrors));
    }
}
