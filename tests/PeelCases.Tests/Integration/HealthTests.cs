using Marten;
using Marten.Events;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PeelCases.Tests.Support;

namespace PeelCases.Tests.Integration;

/// <summary>What the probes say: readiness is about this node (it answers, PostgreSQL answers); the projections' lag is the shared database's, reported apart.</summary>
public sealed class HealthTests(AppFixture app) : InspectionTestBase(app)
{
    [Fact]
    public async Task Health_endpoints_answer_anyone()
    {
        await Send(HttpMethod.Get, "/health/live", null, null, 200);
        await Send(HttpMethod.Get, "/health/ready", null, null, 200);
        await Send(HttpMethod.Get, "/health/projections", null, null, 200);
    }

    [Fact]
    public async Task A_projection_left_behind_fails_the_projections_check_and_never_readiness()
    {
        await ScheduleAsync();
        await App.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var daemon = App.Host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        var configuration = App.Host.Services.GetRequiredService<IConfiguration>();
        await daemon.StopAgentAsync("ForceGradeHistory:All");
        try
        {
            configuration["Health:MaxProjectionLag"] = "0";
            await ScheduleAsync(Commands.Schedule("durham")); // events the stopped projection will not see
            await Send(HttpMethod.Get, "/health/projections", null, null, 503);
            Assert.StartsWith("Projection ForceGradeHistory:All is ", await LagAsync());
            // Every node would fail a lag check at once: readiness must not include it, or the service takes no requests.
            await Send(HttpMethod.Get, "/health/ready", null, null, 200);
        }
        finally
        {
            configuration["Health:MaxProjectionLag"] = null;
            await daemon.StartAgentAsync("ForceGradeHistory:All", CancellationToken.None);
        }
        await App.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        configuration["Health:MaxProjectionLag"] = "0";
        try
        {
            await Send(HttpMethod.Get, "/health/projections", null, null, 200);
        }
        finally
        {
            configuration["Health:MaxProjectionLag"] = null;
        }
    }

    /// <summary>The check's own verdict, with the shard it names.</summary>
    private async Task<string> LagAsync()
    {
        var check = new PeelCases.Host.ProjectionLagCheck(App.Store, App.Host.Services.GetRequiredService<IConfiguration>());
        return (await check.CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext())).Description ?? "";
    }
}
