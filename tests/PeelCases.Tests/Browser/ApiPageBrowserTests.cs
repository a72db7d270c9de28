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
        // Scalar's script ran (it carries the response's nonce) and fetched the OpenAPI document from this site: operations
        // grouped by capability and summarised from the code's comments, no C# class names, no generated names.
        await opened.Page.GetByText("Evidence and fieldwork").First.WaitForAsync(new() { Timeout = 30_000 });
        foreach (var capability in new[] { "Findings", "Grading", "Moderation", "Audit and time travel" })
            await opened.Page.GetByText(capability, new() { Exact = true }).First.WaitForAsync();
        var text = await opened.Page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain("PeelCases.", text);
        Assert.DoesNotContain("POST_inspections", text);
        Assert.True(opened.ConsoleErrors.Count == 0, string.Join("\n", opened.ConsoleErrors));
    }

    [Fact]
    public async Task Every_operation_is_named_by_what_it_does_under_its_capability_with_a_summary()
    {
        var doc = System.Text.Json.Nodes.JsonNode.Parse(await (await App.Host.Scenario(s => s.Get.Url("/openapi/v1.json"))).ReadAsTextAsync())!;
        var operations = doc["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => o.Value!)).ToList();

        var record = Assert.Single(operations, o => (string?)o["operationId"] == "RecordEvidence");
        Assert.Equal("Evidence and fieldwork", (string?)record["tags"]![0]);
        Assert.StartsWith("Record a piece of fieldwork evidence.", (string?)record["summary"]);
        // The example a client can send as it stands, from the command record's own comment.
        Assert.Equal("CaseFileReview", (string?)record["requestBody"]!["content"]!["application/json"]!["example"]!["method"]);
        Assert.All(operations, o =>
        {
            Assert.Matches("^[A-Z][A-Za-z]+$", (string?)o["operationId"] ?? "");
            Assert.DoesNotContain("PeelCases.", (string?)o["tags"]![0] ?? "");
            Assert.False(string.IsNullOrWhiteSpace((string?)o["summary"]));
        });
    }
}
