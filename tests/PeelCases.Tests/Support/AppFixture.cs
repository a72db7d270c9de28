using System.Text.Json;
using Alba;
using JasperFx.CommandLine;
using Marten;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PeelCases.Host;
using PeelCases.Kernel;

namespace PeelCases.Tests.Support;

/// <summary>
/// The whole service (HTTP → Wolverine → Marten → PostgreSQL) on its own database, shared by
/// every integration test in this assembly. Tests in the collection run one at a time and
/// start from reset data.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    public const string SigningKey = "peelcases-tests-signing-key-0123456789abcdef";
    public static readonly DateTimeOffset Start = new(2018, 10, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private TestPostgres? _postgres;

    public TestPostgres Postgres => _postgres!;

    public IAlbaHost Host { get; private set; } = null!;
    public TestClock Clock { get; } = new(Start);
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _postgres = await TestPostgres.StartAsync();
        ConnectionString = await _postgres.CreateDatabaseAsync("peelcases_tests");

        // The shared host's clock stands in 2018–2022 while Wolverine polls for scheduled messages on real time, so every
        // deadline a test schedules is already due: polled every 2 s, one fired in the middle of a test. Tests here fire
        // deadlines themselves; DeadlineRestartTests and StoredHistoryTests start hosts of their own that poll as in production.
        Host = await StartHostAsync(ConnectionString, Clock, new Dictionary<string, string> { ["PeelCases__NodeHealth__ScheduledJobsEvery"] = "1.00:00:00" });
    }

    /// <summary>
    /// Starts the service on a database. Settings go in as environment variables (the service
    /// reads some of them while it is being built) and are removed again once it has started.
    /// </summary>
    public static async Task<IAlbaHost> StartHostAsync(string connectionString, TimeProvider? clock, IDictionary<string, string>? settings = null)
    {
        // Program ends in RunJasperFxCommands: let the test host start it.
        JasperFxEnvironment.AutoStartHost = true;
        var variables = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["ConnectionStrings__peelcases"] = connectionString,
            ["Auth__SigningKey"] = SigningKey,
            // The console also signs people in through an identity provider: the test one (TestIssuer), over its back channel.
            ["Auth__ConsoleAuthority"] = TestIssuer.Origin,
            ["Auth__ConsoleClientId"] = TestIssuer.ClientId,
            // Request-by-request logs would drown the test output; warnings and errors still show.
            ["Serilog__MinimumLevel__Default"] = "Warning",
            ["Serilog__MinimumLevel__Override__Serilog.AspNetCore.RequestLoggingMiddleware"] = "Warning",
        };
        foreach (var (key, value) in variables) Environment.SetEnvironmentVariable(key, value);
        try
        {
            return await AlbaHost.For<Program>(web => web.ConfigureTestServices(services =>
            {
                if (clock is not null) services.AddSingleton(clock);
                services.Configure<Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions>(
                    PeelCases.WebConsole.ConsoleAuth.IdentityProviderScheme, o => o.BackchannelHttpHandler = TestIssuer.Handler);
            }));
        }
        finally
        {
            foreach (var key in variables.Keys) Environment.SetEnvironmentVariable(key, null);
        }
    }

    /// <summary>
    /// Stops a host a test started, as its process would stop. JasperFx.Events 2.100.1's projection coordinator can throw
    /// <see cref="ObjectDisposedException"/> from its own stop (<c>ProjectionCoordinatorBase.stopRunnerAsync</c>, its
    /// cancellation source already disposed; seen once, on a host stopped a second after it started). The host has
    /// stopped either way, so that one exception from that one place is not the test's failure; anything else is.
    /// </summary>
    public static async Task StopHostAsync(IAlbaHost host)
    {
        try
        {
            await host.DisposeAsync();
        }
        catch (ObjectDisposedException e) when (e.StackTrace?.Contains("JasperFx.Events.Daemon.ProjectionCoordinatorBase") == true)
        {
        }
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        if (_postgres is null) return;
        await _postgres.DropDatabaseAsync(ConnectionString);
        await _postgres.DisposeAsync();
    }

    /// <summary>Back to reference data only, and the clock back to its start.</summary>
    public async Task ResetAsync()
    {
        // Marten's reset empties its own tables; the record's timeline is ours (its rows are keyed by stream and version).
        await using (var session = Store.LightweightSession())
        {
            session.QueueSqlCommand($"truncate peelcases.{PeelCases.Lifecycle.RecordTimelineProjection.Table}");
            await session.SaveChangesAsync();
        }
        await Host.ResetAllMartenDataAsync();
        Clock.Set(Start);
    }

    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    /// <summary>Token lifetimes are checked against the real clock, not the test clock.</summary>
    public string TokenFor(TestUser user) =>
        DevTokens.Mint(new AuthOptions { SigningKey = SigningKey }, user.Id, user.Roles, TimeProvider.System.GetUtcNow(), user.ForceId);
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}

public sealed record TestUser(string Id, string[] Roles, string? ForceId = null)
{
    public static readonly TestUser Lead = new("lena.lead", [PeelCases.Kernel.Roles.LeadInspector]);
    public static readonly TestUser Inspector = new("ian.inspector", [PeelCases.Kernel.Roles.Inspector]);
    public static readonly TestUser SecondInspector = new("sara.inspector", [PeelCases.Kernel.Roles.Inspector]);
    public static readonly TestUser Moderator = new("mo.moderator", [PeelCases.Kernel.Roles.Moderator]);
    public static readonly TestUser QaReviewer = new("quinn.qa", [PeelCases.Kernel.Roles.QaReviewer]);
    public static readonly TestUser Hmi = new("hannah.hmi", [PeelCases.Kernel.Roles.Hmi]);
    public static readonly TestUser Liaison = new("cumbria.liaison", [PeelCases.Kernel.Roles.ForceLiaison], "cumbria");
}
