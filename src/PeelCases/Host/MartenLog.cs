using Marten;
using Marten.Services;
using Npgsql;

namespace PeelCases.Host;

/// <summary>
/// Marten's logging without the data: a failed command is logged with its SQL and error, never with its
/// parameters (an appended event's JSON carries evidence text and personal data, and a log cannot be
/// redacted). A stream id that already exists is how a racing resend shows up and is answered from the
/// record (RecordStreams): it is Debug, not an error.
/// </summary>
public sealed class MartenLog(ILogger<MartenLog> logger) : IMartenLogger, IMartenSessionLogger
{
    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql) => logger.LogInformation("Executed schema update SQL:\n{SQL}", sql);

    public void LogSuccess(NpgsqlCommand command) => logger.LogTrace("{SQL}", command.CommandText);

    public void LogSuccess(NpgsqlBatch batch)
    {
        if (logger.IsEnabled(LogLevel.Trace))
            foreach (var command in batch.BatchCommands) logger.LogTrace("{SQL}", command.CommandText);
    }

    public void LogFailure(NpgsqlCommand command, Exception ex) => Failure(ex, command.CommandText);

    public void LogFailure(NpgsqlBatch batch, Exception ex) => Failure(ex, string.Join(";\n", batch.BatchCommands.Cast<NpgsqlBatchCommand>().Select(c => c.CommandText)));

    public void LogFailure(Exception ex, string message) => Failure(ex, message);

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit)
    {
    }

    public void OnBeforeExecute(NpgsqlCommand command)
    {
    }

    public void OnBeforeExecute(NpgsqlBatch batch)
    {
    }

    /// <summary>The exception's own message may quote a row (a unique violation's detail): only its type and SQL state are logged.</summary>
    private void Failure(Exception ex, string sql)
    {
        var state = (ex as PostgresException ?? ex.InnerException as PostgresException)?.SqlState;
        var level = state == PostgresErrorCodes.UniqueViolation ? LogLevel.Debug : LogLevel.Warning;
        logger.Log(level, "Marten command failed: {ExceptionType} (SQL state {SqlState}); {SQL}", ex.GetType().Name, state, sql);
    }
}

/// <summary>Puts <see cref="MartenLog"/> in place of Marten's default logger.</summary>
public sealed class QuietMartenLogging(ILogger<MartenLog> logger) : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options) => options.Logger(new MartenLog(logger));
}
