using PeelCases.Kernel;
namespace PeelCases.Host;

/// <summary>Bounds on what a request may carry, checked before anything reads the body.</summary>
public static class RequestLimits
{
    /// <summary>The largest body accepted: ample for the longest finding (20,000 characters) with room to spare.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    public static async Task RefuseOversizeBodies(HttpContext http, RequestDelegate next)
    {
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
        await next(http);
    }
}
