using System.Text.Json;
using JasperFx;
using Marten.Exceptions;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;
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
        var refusal = Classify(exception);
        if (refusal is null) return false;
        logger.LogInformation("Request refused with {Status}: {Detail}", refusal.Status, refusal.Detail);
        http.Response.StatusCode = refusal.Status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = refusal.ToProblemDetails(), Exception = exception });
    }

    public static Refusal? Classify(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case ConcurrencyException or ExistingStreamIdCollisionException:
                    return new Refusal(StatusCodes.Status409Conflict, "Concurrent change",
                        "Someone else changed this record at the same moment. Reload it and try again.");
                case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }:
                    return new Refusal(StatusCodes.Status409Conflict, "Already exists",
                        "A record with the same identity already exists.");
                case BadHttpRequestException bad:
                    return new Refusal(bad.StatusCode, "The request could not be read", bad.Message);
                case JsonException json:
                    return new Refusal(StatusCodes.Status400BadRequest, "The request body is not valid JSON for this command", json.Message);
                case NpgsqlException { IsTransient: true } or TimeoutException:
                    return new Refusal(StatusCodes.Status503ServiceUnavailable, "The database is unavailable",
                        "The service cannot reach its database just now. Nothing was recorded; try again shortly.");
            }
        }
        return null;
    }
}
