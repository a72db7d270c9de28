using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace PeelCases.Host;

/// <summary>
/// OpenTelemetry traces and metrics for ASP.NET Core, Wolverine, Marten and Npgsql, exported
/// over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or <c>Telemetry:OtlpEndpoint</c>) is set.
/// Without an endpoint nothing is collected.
/// </summary>
public static class Telemetry
{
    public static IServiceCollection AddPeelCasesTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var endpoint = configuration["Telemetry:OtlpEndpoint"] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint)) return services;
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("peelcases", serviceInstanceId: Environment.MachineName))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation()
                .AddNpgsql()
                .AddSource("Wolverine", "Marten")
                .AddOtlpExporter(o => o.Endpoint = new Uri(endpoint)))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter("Wolverine", "Marten")
                .AddOtlpExporter(o => o.Endpoint = new Uri(endpoint)));
        return services;
    }
}
