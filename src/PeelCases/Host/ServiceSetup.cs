using HealthChecks.NpgSql;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Schema;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using JasperFx.Core;
using Npgsql;
using Scalar.AspNetCore;
using Serilog;
using Weasel.Core;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Http;
using Wolverine.Marten;
using PeelCases.Board;
using PeelCases.Demo;
using PeelCases.FactualAccuracy;
using PeelCases.Fieldwork;
using PeelCases.Findings;
using PeelCases.Grading;
using PeelCases.HmiSignOff;
using PeelCases.Import;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.WebConsole;
using PeelCases.Monitoring;
using PeelCases.Lifecycle;
using PeelCases.Moderation;
using PeelCases.Publishing;
using PeelCases.QualityAssurance;
using PeelCases.ReferenceData;
using PeelCases.Workflow;

namespace PeelCases.Host;

public static class ServiceSetup
{
    public const string Schema = "peelcases";

    public static WebApplicationBuilder AddPeelCases(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var connectionString = configuration.GetConnectionString("peelcases")
            ?? throw new InvalidOperationException(
                "ConnectionStrings:peelcases is not set. ./deploy/local/run.sh sets it for a local PostgreSQL.");

        builder.Host.UseSerilog((context, logger) => logger
            .ReadFrom.Configuration(context.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate:
                "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}"));

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<HistoryImport>();
        services.AddFactualAccuracy(configuration);
        services.AddBoard(configuration);
        services.AddSharedKeyRing(configuration);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddPeelCasesAuth(configuration, builder.Environment.IsDevelopment());
        services.AddOpenApi(o => o.AddOperationTransformer(ApiPageNames.NameOperation));
        var (cookiePrefix, cookiePolicy) = ConsoleAuth.Cookies(builder.Environment.IsDevelopment());
        services.AddAntiforgery(o => { o.Cookie.Name = cookiePrefix + "peelcases-antiforgery"; o.Cookie.SecurePolicy = cookiePolicy; o.Cookie.SameSite = SameSiteMode.Strict; });
        // TLS ends at the ingress: its X-Forwarded-Proto makes the request https, so secure cookies and anti-forgery hold.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
        });
        services.AddScoped<ApiOperations>();
        services.AddHealthChecks()
            .AddNpgSql(connectionString, name: "postgresql", tags: ["ready"], timeout: TimeSpan.FromSeconds(3))
            .AddCheck<ProjectionLagCheck>("projections", tags: [ProjectionLagCheck.Tag]);
        services.AddPeelCasesTelemetry(configuration);

        services.AddSingleton<IConfigureMarten, QuietMartenLogging>();
        var marten = services.AddMarten(opts => ConfigureStore(opts, connectionString))
        .AddAsyncDaemon(DaemonMode.HotCold)
        .UseLightweightSessions()
        .IntegrateWithWolverine();
        // Development and tests build the schema and bring the reference data up to date at start. Production sets
        // this false: the schema is applied explicitly (`db-apply`), never created on the fly, and the data steps run
        // once per release (`db-seed`), not on every start.
        if (configuration.GetValue("Database:ApplyChangesOnStartup", true))
        {
            marten.ApplyAllDatabaseChangesOnStartup();
            foreach (var step in SeedCommand.Steps) marten.InitializeWith(step);
        }
        else services.CritterStackDefaults(x => x.Production.ResourceAutoCreate = JasperFx.AutoCreate.None);
        // Registered as InitializeWith<T> does, after the reference data, so it runs after it.
        if (configuration.GetValue("PeelCases:DemoData", false))
            services.AddSingleton<IInitialData>(new DemoData(fullHistory: configuration.GetValue("PeelCases:DemoHistory", true)));

        builder.Host.UseWolverine(opts =>
        {
            opts.ApplicationAssembly = typeof(ServiceSetup).Assembly;
            // The authenticated user becomes the Marten session's user name, so IEvent.UserName is the actor.
            opts.EnableRelayOfUserName = true;
            // Handlers are compiled ahead of time (Internal/Generated, `codegen write`); only a
            // development host without them compiles at run time.
            opts.CodeGeneration.TypeLoadMode = builder.Environment.IsDevelopment() && configuration.GetValue("PeelCases:DynamicCodegen", false)
                ? TypeLoadMode.Auto
                : TypeLoadMode.Static;
            opts.Policies.UseDurableLocalQueues();
            NodeHealth.Apply(opts.Durability, configuration);
            // Workflow handlers wait on the database, not the CPU, and lock only the inspection they
            // change: let a queue work on several messages at once.
            opts.Policies.AllLocalQueues(q => q.MaximumParallelMessages(8));
            // One inspection's messages in order, different inspections' in parallel: a workflow step never queues
            // behind another step's lock on the same stream (ADR 0014).
            opts.MessagePartitioning.ByPropertyNamed("InspectionId")
                .PublishToPartitionedLocalMessaging("inspection-workflow", WorkflowConfiguration.Queues, topology =>
                {
                    foreach (var message in WorkflowConfiguration.Messages) topology.Message(message);
                });
            opts.Policies.UseDurableInboxOnAllListeners();
            opts.Policies.UseDurableOutboxOnAllSendingEndpoints();
            // The workflow's handlers lock the stream they write, so conflicts are rare; a lost
            // race or a database blip is retried before the message goes to the dead letters.
            opts.Policies.OnException<ConcurrencyException>().RetryWithCooldown(50.Milliseconds(), 100.Milliseconds(), 250.Milliseconds());
            opts.Policies.OnException<NpgsqlException>().RetryWithCooldown(250.Milliseconds(), 1.Seconds(), 5.Seconds());
        });
        services.AddWolverineHttp();
        return builder;
    }

    /// <summary>The event store and documents, shared by the service and the benchmark harness.</summary>
    public static void ConfigureStore(StoreOptions opts, string connectionString)
    {
        opts.Connection(WithStoreDefaults(connectionString));
        opts.DatabaseSchemaName = Schema;
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
        // Rich appends know each event's version before the inline projections run, so a
        // projected document's Version is exact on every write path (Quick mode leaves it 0
        // for appends made without fetching the stream first). See docs/adr/0002.
        opts.Events.AppendMode = EventAppendMode.Rich;
        // Who, correlation and causation on every event: the audit trail needs no bookkeeping of its own.
        opts.Events.MetadataConfig.EnableAll();
        opts.Events.MetadataConfig.UserNameEnabled = true;

        // Each capability registers its own events (with their pinned stored names), documents,
        // indexes, masking rules and projections.
        opts.AddReferenceData()
            .AddInspections()
            .AddFieldwork()
            .AddFindings()
            .AddQualityAssurance()
            .AddGrading()
            .AddModeration()
            .AddHmiSignOff()
            .AddFactualAccuracy()
            .AddPublishing()
            .AddMonitoring()
            .AddWorkflow()
            .AddInspectionLifecycle()
            .AddKeyRing();
        AddTextMasking(opts);
    }

    /// <summary>
    /// The store's connection settings, each unless the connection string names its own:
    /// <list type="bullet">
    /// <item>Npgsql prepares a statement on the server once it has run a few times on a connection, so the same insert,
    /// load or event page is parsed and planned once, not on every call (<c>Max Auto Prepare</c> 64, ADR 0015).</item>
    /// <item>At most 40 connections a node, not Npgsql's 100 (<c>Maximum Pool Size</c>, ADR 0019): past that, work waits for
    /// a pooled connection instead of opening new server processes that compete for the same cores, and two nodes stay
    /// inside PostgreSQL's default limit of 100.</item>
    /// </list>
    /// </summary>
    public static string WithStoreDefaults(string connectionString)
    {
        // Npgsql's own builder answers ContainsKey for every keyword it knows; the plain one lists only those given.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "").ToLowerInvariant()).ToHashSet();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("maxautoprepare")) builder.MaxAutoPrepare = 64;
        if (!given.Overlaps(["maxpoolsize", "maximumpoolsize"])) builder.MaxPoolSize = Math.Max(40, builder.MinPoolSize);
        return builder.ConnectionString;
    }

    /// <summary>
    /// One masking rule per stored event type that carries free text (Kernel/TextMask, the register): a redaction
    /// chooses which stored events of a stream to mask; what is masked in each is always the same register.
    /// </summary>
    private static void AddTextMasking(StoreOptions opts)
    {
        var add = typeof(ServiceSetup).GetMethod(nameof(AddMaskingRule), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        foreach (var type in StoredNames.Events.Select(e => e.Type).Where(t => TextMask.FieldsOf(t).Count > 0))
            add.MakeGenericMethod(type).Invoke(null, [opts]);
    }

    private static void AddMaskingRule<T>(StoreOptions opts) where T : class =>
        opts.Events.AddMaskingRuleForProtectedInformation<T>(TextMask.Mask);

    public static WebApplication UsePeelCases(this WebApplication app)
    {
        // Outermost, so the request log records the status actually sent (a 503 mapped from an exception, not 500).
        app.UseForwardedHeaders();
        app.UseSerilogRequestLogging();
        app.Use(SecurityHeaders.Apply);
        app.UseExceptionHandler();
        app.Use(RequestLimits.RefuseOversizeBodies);
        app.UseStatusCodePages();
        // The console's styles and scripts (GOV.UK Frontend and the MOJ extension, built by deploy/local/console-assets.sh).
        app.UseStaticFiles(new StaticFileOptions { RequestPath = ConsoleRoutes.Root, FileProvider = ConsoleAssets.Files });
        app.UseAuthentication();
        app.UseAuthorization();
        // Every console form carries a token; the JSON API takes no cookie, so it needs none.
        app.UseAntiforgery();

        app.MapOpenApi();
        // Scalar's script tags carry a fresh nonce per request, which the policy (SecurityHeaders) reads.
        app.MapScalarApiReference(SecurityHeaders.ApiPage, scalar => scalar.WithNonce().DisableDefaultFonts());
        app.MapConsole();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapHealthChecks("/health/projections", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ProjectionLagCheck.Tag) });
        // A query value that does not parse is a 400, not a silent default.
        app.MapWolverineEndpoints(opts =>
        {
            opts.RejectUnparseableQueryValues = true;
            // The API page: operations grouped by capability, named by what they do, summarised from the code's comments.
            opts.ConfigureEndpoints(ApiPageNames.Apply);
            opts.AddMiddleware(typeof(InspectionCommandMiddleware), InspectionCommandMiddleware.AppliesTo);
        });
        return app;
    }
}
