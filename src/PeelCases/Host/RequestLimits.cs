using PeelCases.Kernel;
namespace PeelCases.Host;

/// <summary>Bounds on what a request may carry, checked before anything reads the body.</summary>
public static class RequestLimits
{
    /// <summary>The largest body accepted: ample for the longest finding (20,000 characters) with room to spare.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    public static async Task RefuseOversizeBodies(HttpContext http, RequestDelegate next)
    {
        if (UnsafeText.InAddress(http.Request) is { } inAddress)
        {
            await Refuse(http, inAddress);
            return;
        }
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            await TooLarge(http);
            return;
        }
        var hasBody = http.Request.ContentLength > 0 || http.Request.Headers.TransferEncoding.Count > 0;
        // A body must say what it is: without a Content-Type it is not read as JSON by guesswork.
        if (hasBody && string.IsNullOrEmpty(http.Request.ContentType))
        {
            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            await Results.Problem(new Refusal(StatusCodes.Status415UnsupportedMediaType, "The body has no Content-Type",
                "Send the body with Content-Type: application/json.").ToProblemDetails()).ExecuteAsync(http);
            return;
        }
        // Bodies without a declared length are cut off at the same size by the server.
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBodyBytes;
        if (hasBody && http.Request.HasJsonContentType())
        {
            // Read once here (bounded) and rewound for the endpoint.
            http.Request.EnableBuffering();
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    await TooLarge(http);
                    return;
                }
                buffer.Write(chunk, 0, read);
            }
            http.Request.Body.Position = 0;
            if (UnsafeText.InJson(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) is { } inBody)
            {
                await Refuse(http, inBody);
                return;
            }
        }
        await next(http);
    }

    private static Task TooLarge(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return Results.Problem(new Refusal(StatusCodes.Status413PayloadTooLarge, "The request is too large",
            $"Requests are limited to {MaxBodyBytes / 1024} KiB.").ToProblemDetails()).ExecuteAsync(http);
    }

    private static Task Refuse(HttpContext http, (string Field, string Problem) unsafeText)
    {
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        return Results.Problem(new FieldErrors().Add(unsafeText.Field, $"{unsafeText.Field} contains {unsafeText.Problem}, which text may not hold.")
            .ToRefusal()!.ToProblemDetails()).ExecuteAsync(http);
    }
}
