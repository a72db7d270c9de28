using System.Diagnostics;
using System.Net.Http.Json;
using JasperFx.Events;
using Marten;
using Npgsql;
using NpgsqlTypes;
using static PeelCases.Benchmarks.Harness;

using PeelCases.Testing;
using PeelCases.Audit;
using PeelCases.Fieldwork;
using PeelCases.Inspections;
using PeelCases.Kernel;
using PeelCases.ReferenceData;

namespace PeelCases.Benchmarks;

/// <param name="only">The rows to run (1, 2, 3, 4, 5; 6 and 7 always come with the service), or null for all.</param>
public sealed partial class Benchmarks(string server, bool quick, IReadOnlySet<string>? only = null) : IAsyncDisposable
{
    private bool Wants(string row) => only is null || only.Contains(row);

    private readonly TimeSpan _duration = quick ? TimeSpan.FromSeconds(8) : TimeSpan.FromSeconds(30);
    private readonly string _lead = Token("bench.lead", Roles.LeadInspector);
    private readonly string _inspector = Token("bench.inspector", Roles.Inspector);
    private readonly List<IAsyncDisposable> _cleanup = [];
    private static readonly string Repo = FindRepo();
    /// <summary>Published ReadyToRun by bench.sh, as the container image has it.</summary>
    internal static string ServiceDll => Path.Combine(Repo, "tests/PeelCases.Benchmarks/bin/service/PeelCases.dll");
    private static string HarnessDll => typeof(Harness).Assembly.Location;

    public async Task RunAllAsync(List<Row> rows)
    {
        var serviceDb = await CreateDatabaseAsync(server, "peelcases_bench");
        var baselineDb = await CreateDatabaseAsync(server, "peelcases_bench_baseline");
        if (Wants("1") || Wants("4") || Wants("5")) await RunServiceAsync(rows, serviceDb, baselineDb);
        if (Wants("2") || Wants("3")) await ImportAndRebuild(rows);
    }

    /// <summary>
    /// Rows 6, 1, 7, 1b, 4, 4b and 5: the service as a process against <paramref name="serviceDb"/> (empty, or a store grown
    /// by <see cref="Growth"/>) and the minimal API against <paramref name="baselineDb"/>; both stopped at the end.
    /// </summary>
    internal async Task RunServiceAsync(List<Row> rows, string serviceDb, string baselineDb)
    {
        var setup = new Dictionary<string, string>
        {
            ["ConnectionStrings__peelcases"] = serviceDb,
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
        // The measured service runs as the image runs it: Production, no schema work at start, the image's runtime
        // settings; only the signing key is the development one, so the harness can mint its tokens.
        var production = new Dictionary<string, string>(setup) { ["Auth__SigningKey"] = DevelopmentSigningKey };
        foreach (var (name, value) in ImageEnvironment()) production[name] = value;

        // The first start creates the schema and seeds reference data, as db-apply and db-seed do before a release starts.
        await (await ServerProcess.StartAsync(ServiceDll, [], 5190, setup, "/forces", _lead)).DisposeAsync();
        await (await ServerProcess.StartAsync(HarnessDll, ["baseline-server", baselineDb], 5191, new Dictionary<string, string>(), "/ping", null)).DisposeAsync();
        var baseline = await ServerProcess.StartAsync(HarnessDll, ["baseline-server", baselineDb], 5191, new Dictionary<string, string>(), "/ping", null);
        _cleanup.Add(baseline);
        var service = await ServerProcess.StartAsync(ServiceDll, [], 5190, production, "/forces", _lead);
        _cleanup.Add(service);
        var cold = service.ColdStart.TotalSeconds;
        rows.Add(new Row("6. Cold start to first business response", $"{cold:0.00} s", $"{baseline.ColdStart.TotalSeconds:0.00} s (minimal API + Npgsql)",
            $"{cold / baseline.ColdStart.TotalSeconds:0.0}×", "≤ 1.2 s", cold <= 1.2));

        if (Wants("1")) await RecordEvidence(rows, service, baseline, await FieldworkInspections(service, Forces.All.Take(41).ToList()));
        if (Wants("4")) await TimeTravel(rows, service, serviceDb);
        if (Wants("5")) await WorkflowLatency(rows, service, serviceDb);
        foreach (var process in new[] { service, baseline })
        {
            await process.DisposeAsync();
            _cleanup.Remove(process);
        }
    }

    /// <summary>Inspections of the given forces in 2018/19, scoped and in fieldwork, with the bench inspector on the team.</summary>
    private async Task<List<Guid>> FieldworkInspections(ServerProcess service, List<Force> forces)
    {
        var ids = new List<Guid>();
        foreach (var force in forces)
        {
            var view = await ReadAsync<InspectionView>(await service.Client.PostAsJsonAsync("/inspections", new ScheduleInspection(null, force.Id, "2018/19",
                "peel-2018-19", ["E1", "E2", "E3", "E4", "E5"], "bench.lead", new DateOnly(2018, 10, 8), new DateOnly(2018, 10, 19), ["bench.inspector"]), Json));
            foreach (var (q, scope) in new[] { ("E1", QuestionScope.Detailed), ("E2", QuestionScope.Detailed), ("E3", QuestionScope.Detailed), ("E4", QuestionScope.Detailed), ("E5", QuestionScope.Ungraded) })
                view = await ReadAsync<InspectionView>(await service.Client.PostAsJsonAsync($"/inspections/{view.Id}/questions/{q}/scope", new ScopeQuestion(scope, null, view.Questions.Single(x => x.Code == q).Version), Json));
            view = await ReadAsync<InspectionView>(await service.Client.PostAsJsonAsync($"/inspections/{view.Id}/fieldwork/start", new InspectionStep(view.Version), Json));
            ids.Add(view.Id);
        }
        return ids;
    }

    private static string EvidenceBody(int client, int i) => System.Text.Json.JsonSerializer.Serialize(new RecordEvidence(Guid.NewGuid(), EvidenceMethod.CaseFileReview, 10,
        new DateOnly(2018, 10, 8 + (i % 10)), $"Dip sample {client}-{i}: 9 of 10 domestic abuse files had a completed risk assessment.",
        "Public protection unit files", ["E3", "E1"]), Json);

    private async Task RecordEvidence(List<Row> rows, ServerProcess service, ServerProcess baseline, List<Guid> inspections)
    {
        var spread = inspections.Take(40).ToList();
        using var inspector = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(service.BaseUrl) };
        inspector.DefaultRequestHeaders.Authorization = new("Bearer", _inspector);
        async Task<int> Post(HttpClient client, Guid inspection, string body)
        {
            using var response = await client.PostAsync($"/inspections/{inspection}/evidence", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            return (int)response.StatusCode;
        }

        var raw = await Load.RunAsync(16, _duration, (c, i) => Post(baseline.Client, spread[(c * 7 + i) % spread.Count], EvidenceBody(c, i)));
        var api = await Load.RunAsync(16, _duration, (c, i) => Post(inspector, spread[(c * 7 + i) % spread.Count], EvidenceBody(c, i)));
        var ratio = api.Throughput / raw.Throughput;
        rows.Add(new Row("1. Record evidence via HTTP, 16 clients over 40 inspections", $"{F(api.Throughput)} req/s, p99 {F(api.P(0.99))} ms, {api.Errors5xx} 5xx",
            $"{F(raw.Throughput)} req/s, p99 {F(raw.P(0.99))} ms (minimal API, raw Npgsql insert)", $"{ratio:0.00}×", "≥ 0.35×, p99 ≤ 3× the baseline's, 0 5xx",
            ratio >= 0.35 && api.P(0.99) <= 3 * raw.P(0.99) && api.Errors5xx == 0, "JWT auth, validation, inline read model, async daemon and workflow in the same process"));
        var rss = service.PeakRssMb();
        rows.Add(new Row("7. Peak memory (RSS) of the service under load 1", $"{F(rss)} MB", $"{F(baseline.PeakRssMb())} MB (minimal API)", $"{rss / baseline.PeakRssMb():0.0}×", "≤ 200 MB", rss <= 200));

        // 1b: the whole team on one inspection.
        var one = inspections[40];
        var team = await Load.RunAsync(16, _duration, (c, i) => Post(inspector, one, EvidenceBody(c, i)));
        var recorded = team.Requests - team.Failed;
        var live = await ReadAsync<InspectionView>(await service.Client.GetAsync($"/inspections/{one}"));
        var rebuilt = await ReadAsync<InspectionView>(await service.Client.GetAsync($"/inspections/{one}/as-of?at={Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"))}"));
        var exact = live.EvidenceCount == recorded && rebuilt.EvidenceCount == recorded
                    && System.Text.Json.JsonSerializer.Serialize(live.Questions, Json) == System.Text.Json.JsonSerializer.Serialize(rebuilt.Questions, Json);
        var teamRatio = team.Throughput / api.Throughput;
        rows.Add(new Row("1b. Record evidence, all 16 clients on ONE inspection", $"{F(team.Throughput)} req/s, p99 {F(team.P(0.99))} ms, {team.Failed} lost, {team.Errors5xx} 5xx",
            $"{F(api.Throughput)} req/s (1, spread)", $"{teamRatio:0.00}×", "≥ 0.5× of 1, 0 lost, 0 5xx, read model = rebuild",
            teamRatio >= 0.5 && team.Failed == 0 && exact, $"{recorded} recorded; overview {live.EvidenceCount}, rebuilt from events {rebuilt.EvidenceCount}"));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var d in _cleanup) await d.DisposeAsync();
    }

    /// <summary>
    /// The environment the image gives the service (its Containerfile's <c>ASPNETCORE_ENVIRONMENT</c>, <c>Database__*</c> and
    /// <c>DOTNET_*</c> variables), so the service runs here as the image runs it; the minimal API keeps the runtime's defaults.
    /// </summary>
    internal static IEnumerable<(string Name, string Value)> ImageEnvironment() =>
        System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(Path.Combine(Repo, "deploy/container/Containerfile")),
                @"\b(DOTNET_\w+|Database__\w+|ASPNETCORE_ENVIRONMENT)=([^\s\\]+)")
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value));

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PeelCases.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run the harness from inside the repository.");
    }
}
