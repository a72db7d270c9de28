using System.Text.Json;
using JasperFx;
using Marten.Exceptions;
using Npgsql;

namespace PeelCases.Kernel;

/// <summary>
/// The exceptions that carry a meaning for the caller, as refusals: a lost concurrency race is a 409 the caller can act
/// on, a database blip a 503, never a 500. The API's exception handler and the console's in-process calls share it.
/// </summary>
public static class ExceptionRefusals
{
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
