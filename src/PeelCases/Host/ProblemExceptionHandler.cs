using Microsoft.AspNetCore.Diagnostics;
using PeelCases.Kernel;

namespace PeelCases.Host;

/// <summary>
/// Turns the exceptions that carry a meaning for the client into ProblemDetails. A lost
/// concurrency race is a 409 the client can act on, never a 500.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var refusal = ExceptionRefusals.Classify(exception);
        if (refusal is null) return false;
        logger.LogInformation("Request refused with {Status}: {Detail}", refusal.Status, refusal.Detail);
        http.Response.StatusCode = refusal.Status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = refusal.ToProblemDetails(), Exception = exception });
    }
}
