using PeelCases.Kernel;
namespace PeelCases.Host;

/// <summary>Bounds on what a request may carry, checked before anything reads the body.</summary>
public static class RequestLimits
{
    /// <summary>The largest body accepted: ample for the longest finding (20,000 characters) with room to spare.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    public static async Task RefuseOversizeBodies(HttpContext http, RequestDelegate next)
    {
        if (NoNulStrings.InAddress(http.Request))
        {
            await Refuse(http, "The address may not contain a NUL character (%00).");
            return;
        }
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await Results.Problem(new Refusal(StatusCodes.Status413PayloadTooLarge, "The request is too large",
                $"Requests are limited to {MaxBodyBytes / 1024} KiB.").ToProblemDetails()).ExecuteAsync(http);
            return;
        }
        // Bodies without a declared length are cut off at the same size by the server.
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBodyBytes;
        if (http.Request.HasJsonContentType() && http.Request.ContentLength is > 0 and <= MaxBodyBytes)
        {
            // Read once here (bounded above) and rewound for the endpoint.
            http.Request.EnableBuffering();
            var body = new byte[(int)http.Request.ContentLength.Value];
            await http.Request.Body.ReadExactlyAsync(body, http.RequestAborted);
            http.Request.Body.Position = 0;
            if (NoNulStrings.InJson(body))
            {
                await Refuse(http, "Text may not contain a NUL character (\\u0000).");
                return;
            }
        }
        await next(http);
    }

    private static Task Refuse(HttpContext http, string detail)
    {
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        return Results.Problem(new Refusal(StatusCodes.Status400BadRequest, "The request is not valid", detail).ToProblemDetails()).ExecuteAsync(http);
    }
}
