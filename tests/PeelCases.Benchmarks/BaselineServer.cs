using Npgsql;
using NpgsqlTypes;

namespace PeelCases.Benchmarks;

/// <summary>The baseline: a minimal API inserting the same JSON with raw Npgsql, one statement per request.</summary>
public static class BaselineServer
{
    public static async Task<int> RunAsync(string connectionString)
    {
        await using (var setup = new NpgsqlConnection(connectionString))
        {
            await setup.OpenAsync();
            await using var create = new NpgsqlCommand(
                "create table if not exists baseline_evidence (id uuid primary key, inspection_id uuid not null, body jsonb not null, recorded_at timestamptz not null default now())", setup);
            await create.ExecuteNonQueryAsync();
        }
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddNpgsqlDataSource(connectionString);
        var app = builder.Build();
        app.MapGet("/ping", async (NpgsqlDataSource db) => (int)(await db.CreateCommand("select 1").ExecuteScalarAsync())!);
        app.MapPost("/inspections/{inspectionId:guid}/evidence", async (Guid inspectionId, HttpRequest request, NpgsqlDataSource db) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var id = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("evidenceId").GetGuid();
            await using var insert = db.CreateCommand("insert into baseline_evidence (id, inspection_id, body) values ($1, $2, $3) on conflict (id) do nothing");
            insert.Parameters.Add(new NpgsqlParameter { Value = id });
            insert.Parameters.Add(new NpgsqlParameter { Value = inspectionId });
            insert.Parameters.Add(new NpgsqlParameter { Value = body, NpgsqlDbType = NpgsqlDbType.Jsonb });
            await insert.ExecuteNonQueryAsync();
            return Results.Created($"/inspections/{inspectionId}/evidence/{id}", null);
        });
        await app.RunAsync();
        return 0;
    }
}
