using System.Diagnostics;

namespace PeelCases.Tests.Support;

/// <summary>The built service as an operator runs it: <c>dotnet PeelCases.dll &lt;command&gt;</c> in a process of its own.</summary>
public static class ServiceCli
{
    public static readonly string Dll = Path.Combine(TestPostgres.RepositoryRoot(), "src", "PeelCases", "bin",
        AppContext.BaseDirectory.Contains("/Release/") ? "Release" : "Debug", "net10.0", "PeelCases.dll");

    /// <summary>Runs one command against a database, as in production (no schema work at start); fails the test on a non-zero exit.</summary>
    public static Task<string> RunAsync(string connectionString, params string[] args) => RunWithAsync(connectionString, new Dictionary<string, string>(), args);

    /// <summary>The same with more settings in the process's environment (a certificate, say).</summary>
    public static async Task<string> RunWithAsync(string connectionString, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var (exit, output) = await TryRunAsync(connectionString, environment, args);
        Assert.True(exit == 0, $"dotnet PeelCases.dll {string.Join(' ', args)} exited {exit}:\n{output}");
        return output;
    }

    /// <summary>The same, for a command expected to refuse: its exit code and everything it printed.</summary>
    public static Task<(int Exit, string Output)> TryRunAsync(string connectionString, params string[] args) =>
        TryRunAsync(connectionString, new Dictionary<string, string>(), args);

    private static async Task<(int Exit, string Output)> TryRunAsync(string connectionString, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(Dll)! };
        start.ArgumentList.Add(Dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["ConnectionStrings__peelcases"] = connectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__ApplyChangesOnStartup"] = "false";
        start.Environment["Auth__SigningKey"] = AppFixture.SigningKey;
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
