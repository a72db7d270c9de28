using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using PeelCases.Kernel;

namespace PeelCases.WebConsole;

/// <summary>What the API answered a console form: its status and, when it refused, the service's own message.</summary>
public sealed record ApiAnswer(int Status, string? Title = null, string? Detail = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public bool Succeeded => Status is >= 200 and < 300;
}

/// <summary>
/// The console acts through the API, in-process: a form becomes the JSON command of the named API operation, and that
/// operation's own endpoint runs it as the signed-in user — its [Authorize] policy (evaluated here, against the console
/// user), its validation, version check, team rules, handler and transaction. Nothing about a command is written twice.
/// </summary>
public sealed class ApiOperations(EndpointDataSource endpoints, IAuthorizationService authorization,
    IAuthorizationPolicyProvider policies, IOptions<JsonOptions> json)
{
    private RouteEndpoint Find(string operation) =>
        endpoints.Endpoints.OfType<RouteEndpoint>().SingleOrDefault(e => OperationName(e) == operation)
        ?? throw new InvalidOperationException($"No API operation is named '{operation}'.");

    /// <summary>An API operation's name: the Name its Wolverine attribute gives it ("RecordEvidence").</summary>
    public static string? OperationName(Endpoint e) => e.Metadata.GetMetadata<Wolverine.Http.WolverineHttpMethodAttribute>()?.Name;

    /// <summary>Whether the user passes the operation's own authorization policy (team rules are the handler's to judge).</summary>
    public async Task<bool> MayCallAsync(System.Security.Claims.ClaimsPrincipal user, string operation)
    {
        var policy = await AuthorizationPolicy.CombineAsync(policies, Find(operation).Metadata.GetOrderedMetadata<IAuthorizeData>());
        return policy is null || (await authorization.AuthorizeAsync(user, null, policy)).Succeeded;
    }

    public async Task<ApiAnswer> SendAsync(HttpContext page, string operation, IReadOnlyDictionary<string, string> route, object body)
    {
        var endpoint = Find(operation);
        if (!await MayCallAsync(page.User, operation))
            return new ApiAnswer(StatusCodes.Status403Forbidden, "Not allowed", "Your role may not do this.");

        // A form that lost a route value (an empty select, a tampered post) is the API's 404, never an exception.
        if (endpoint.RoutePattern.Parameters.FirstOrDefault(p => string.IsNullOrEmpty(route.GetValueOrDefault(p.Name))) is { } missing)
            return new ApiAnswer(StatusCodes.Status404NotFound, "Not found", $"The form did not say which {missing.Name} it is for.");

        await using var scope = page.RequestServices.CreateAsyncScope();
        var call = new DefaultHttpContext { RequestServices = scope.ServiceProvider, User = page.User, RequestAborted = page.RequestAborted };
        call.Request.Method = HttpMethods.Post;
        call.Request.Scheme = page.Request.Scheme;
        call.Request.Host = page.Request.Host;
        call.Request.Path = TemplateBinder(endpoint, route);
        foreach (var parameter in endpoint.RoutePattern.Parameters) call.Request.RouteValues[parameter.Name] = route[parameter.Name];
        call.Request.ContentType = "application/json";
        call.Request.Body = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), json.Value.SerializerOptions));
        call.Response.Body = new MemoryStream();
        call.SetEndpoint(endpoint);
        // Correlation carries over: the event the command writes names the console request that caused it.
        call.TraceIdentifier = page.TraceIdentifier;
        try
        {
            await endpoint.RequestDelegate!(call);
        }
        catch (Exception e) when (ExceptionRefusals.Classify(e) is { } refusal)
        {
            return new ApiAnswer(refusal.Status, refusal.Title, refusal.Detail);
        }
        return await ReadAsync(call.Response);
    }

    private static string TemplateBinder(RouteEndpoint endpoint, IReadOnlyDictionary<string, string> route) =>
        "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart r => Uri.EscapeDataString(route[r.Name]),
            _ => "",
        }))));

    private static async Task<ApiAnswer> ReadAsync(HttpResponse response)
    {
        if (response.StatusCode < 400) return new ApiAnswer(response.StatusCode);
        response.Body.Position = 0;
        try
        {
            using var doc = await JsonDocument.ParseAsync(response.Body);
            var root = doc.RootElement;
            var errors = root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object
                ? e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Array
                    ? p.Value.EnumerateArray().Select(v => v.GetString() ?? "").ToArray() : [p.Value.ToString()])
                : null;
            return new ApiAnswer(response.StatusCode, Text(root, "title"), Text(root, "detail"), errors);
        }
        catch (JsonException)
        {
            return new ApiAnswer(response.StatusCode, "The service refused this", null);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
