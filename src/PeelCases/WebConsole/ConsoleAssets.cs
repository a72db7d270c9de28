using Microsoft.Extensions.FileProviders;

namespace PeelCases.WebConsole;

/// <summary>The console's built assets (wwwroot/console), found beside the service's binaries whatever the working directory.</summary>
public static class ConsoleAssets
{
    public static readonly IFileProvider Files = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot", "console"));
}
