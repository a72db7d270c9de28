using System.IO.Compression;
using System.Text;
using Npgsql;

namespace PeelCases.Tests.Support;

/// <summary>
/// A plain-SQL dump (pg_dump, gzipped) of a database written by an earlier version of the service
/// through its own API. Every dump under tests/PeelCases.Tests/StoredHistory is checked by the
/// stored-history tests; each change to a stored shape adds one (docs/operations.md).
/// </summary>
public sealed class StoredDump
{
    private readonly string[] _lines;

    public string Name { get; }
    public string Path { get; }

    private StoredDump(string path)
    {
        Path = path;
        Name = System.IO.Path.GetFileName(path).Replace(".sql.gz", "");
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        _lines = reader.ReadToEnd().Split('\n');
    }

    public static string Folder => System.IO.Path.Combine(TestPostgres.RepositoryRoot(), "tests", "PeelCases.Tests", "StoredHistory");

    public static IReadOnlyList<StoredDump> All() =>
        Directory.GetFiles(Folder, "*.sql.gz").Order(StringComparer.Ordinal).Select(p => new StoredDump(p)).ToList();

    public static StoredDump Named(string name) => All().Single(d => d.Name == name);

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var dump in All()) data.Add(dump.Name);
        return data;
    }

    /// <summary>The rows of one table's COPY block, each as column → value (null for \N).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string?>> Rows(string table)
    {
        var header = $"COPY peelcases.{table} (";
        var start = Array.FindIndex(_lines, l => l.StartsWith(header, StringComparison.Ordinal));
        if (start < 0) return [];
        var columns = _lines[start][header.Length..^") FROM stdin;".Length].Split(", ").Select(c => c.Trim('"')).ToArray();
        var rows = new List<IReadOnlyDictionary<string, string?>>();
        for (var i = start + 1; _lines[i] != "\\."; i++)
        {
            var values = _lines[i].Split('\t');
            rows.Add(columns.Select((c, n) => (c, v: values[n] == "\\N" ? null : Unescape(values[n]))).ToDictionary(x => x.c, x => x.v));
        }
        return rows;
    }

    /// <summary>The tables the dump holds data for.</summary>
    public IEnumerable<string> Tables() => _lines.Where(l => l.StartsWith("COPY peelcases.", StringComparison.Ordinal))
        .Select(l => l["COPY peelcases.".Length..l.IndexOf(' ', 5)]);

    public IEnumerable<string> Distinct(string table, string column) =>
        Rows(table).Select(r => r[column]).OfType<string>().Where(v => v.Length > 0).Distinct().Order(StringComparer.Ordinal);

    /// <summary>
    /// Restores the dump into an empty database over Npgsql alone (no psql needed, so it works
    /// against any server the tests use): SQL between COPY blocks as batches, COPY blocks as text
    /// imports, psql meta-commands (\restrict) skipped.
    /// </summary>
    public async Task RestoreAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var sql = new StringBuilder();
        for (var i = 0; i < _lines.Length; i++)
        {
            var line = _lines[i];
            if (line.StartsWith("COPY ", StringComparison.Ordinal) && line.EndsWith("FROM stdin;", StringComparison.Ordinal))
            {
                await Execute(connection, sql);
                await using (var import = await connection.BeginTextImportAsync(line[..^1]))
                {
                    for (i++; _lines[i] != "\\."; i++) await import.WriteAsync(_lines[i] + "\n");
                }
                continue;
            }
            if (line.StartsWith('\\')) continue;
            sql.Append(line).Append('\n');
        }
        await Execute(connection, sql);
    }

    private static async Task Execute(NpgsqlConnection connection, StringBuilder sql)
    {
        if (sql.ToString().Trim().Length == 0) { sql.Clear(); return; }
        await using var command = new NpgsqlCommand(sql.ToString(), connection);
        await command.ExecuteNonQueryAsync();
        sql.Clear();
    }

    // COPY text format escapes; the names we read never need more than these.
    private static string Unescape(string value) =>
        value.Contains('\\') ? value.Replace("\\t", "\t").Replace("\\n", "\n").Replace("\\\\", "\\") : value;
}
