using System.Net;
using System.Net.Sockets;

namespace PeelCases.Testing;

/// <summary>What tests and tools need from the machine, found at run time rather than assumed.</summary>
public static class PgTools
{
    /// <summary>A PostgreSQL client tool (pg_dump, pg_restore, psql): on the PATH, else where Debian and others install the server.</summary>
    public static string Find(string name)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
        if (onPath is not null) return onPath;
        foreach (var root in new[] { "/usr/lib/postgresql", "/usr/local/pgsql", "/opt/homebrew/opt", "/usr/pgsql" })
        {
            if (!Directory.Exists(root)) continue;
            var found = Directory.GetDirectories(root).Order(StringComparer.Ordinal).Select(d => Path.Combine(d, "bin", name)).LastOrDefault(File.Exists)
                ?? (File.Exists(Path.Combine(root, "bin", name)) ? Path.Combine(root, "bin", name) : null);
            if (found is not null) return found;
        }
        throw new InvalidOperationException($"{name} was not found on the PATH or in a PostgreSQL installation folder; install PostgreSQL's client tools.");
    }

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
