using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;

namespace PeelCases.Testing;

/// <summary>A server process on loopback: the PeelCases service, or the baseline minimal API.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    /// <summary>Every line the process wrote to stdout and stderr so far.</summary>
    public IReadOnlyCollection<string> Log => _log;
    public string BaseUrl { get; }
    public HttpClient Client { get; }
    public TimeSpan ColdStart { get; private set; }
    public int Pid => _process.Id;

    private ServerProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        Client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Starts the process and times it until <paramref name="probe"/> first answers 200 (a business response).</summary>
    public static async Task<ServerProcess> StartAsync(string dll, string[] args, int port, IDictionary<string, string> env, string probe, string? token)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in env) start.Environment[k] = v;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        var server = new ServerProcess(process, $"http://127.0.0.1:{port}");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) server._log.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not { Length: > 0 }) return;
            server._log.Enqueue(e.Data);
            Console.Error.WriteLine($"  [{Path.GetFileNameWithoutExtension(dll)}] {e.Data}");
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (token is not null) server.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"{dll} exited with {process.ExitCode} before answering.");
            if (clock.Elapsed > TimeSpan.FromSeconds(90)) throw new TimeoutException($"{dll} did not answer {probe} within 90 s.");
            try
            {
                using var response = await server.Client.GetAsync(probe);
                if (response.IsSuccessStatusCode) break;
            }
            catch (HttpRequestException) { }
            await Task.Delay(10); // polling a process we started: there is nothing to subscribe to
        }
        server.ColdStart = clock.Elapsed;
        return server;
    }

    /// <summary>Ends the process at once, as a crash or an OOM kill would (SIGKILL: no shutdown, no cleanup).</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Peak resident memory of the process so far (VmHWM), in MB.</summary>
    public double PeakRssMb()
    {
        var line = File.ReadLines($"/proc/{Pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:"));
        return line is null ? double.NaN : double.Parse(line.Split(':', StringSplitOptions.TrimEntries)[1].Split(' ')[0]) / 1024;
    }

    /// <summary>Stops the process as an orchestrator would (SIGTERM, then SIGKILL after 15 s), so it hands its work over cleanly.</summary>
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString()])) await term.WaitForExitAsync();
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try { await _process.WaitForExitAsync(patience.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); await _process.WaitForExitAsync(); }
        }
        _process.Dispose();
    }
}

/// <summary>Closed-loop load: N clients send requests back to back for a while.</summary>
public static class Load
{
    public sealed record Result(int Requests, int Errors5xx, int Failed, double Seconds, double[] LatenciesMs)
    {
        public double Throughput => Requests / Seconds;
        public double P(double q) => Percentile(LatenciesMs, q);
    }

    public static double Percentile(IReadOnlyCollection<double> values, double q) =>
        values.Count == 0 ? double.NaN : values.Order().ElementAt(Math.Min(values.Count - 1, (int)Math.Ceiling(q * values.Count) - 1));

    public static async Task<Result> RunAsync(int clients, TimeSpan duration, Func<int, int, Task<int>> send)
    {
        var latencies = new List<double>[clients];
        var errors = 0;
        var failed = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            latencies[c] = [];
            for (var i = 0; clock.Elapsed < duration; i++)
            {
                var started = clock.Elapsed;
                int status;
                try { status = await send(c, i); }
                catch (Exception) { status = 599; }
                latencies[c].Add((clock.Elapsed - started).TotalMilliseconds);
                if (status >= 500) Interlocked.Increment(ref errors);
                if (status >= 400) Interlocked.Increment(ref failed);
            }
        }));
        var all = latencies.SelectMany(l => l).ToArray();
        return new Result(all.Length, errors, failed, clock.Elapsed.TotalSeconds, all);
    }
}
