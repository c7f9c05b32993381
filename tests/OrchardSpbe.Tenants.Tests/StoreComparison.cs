using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Data;

namespace OrchardSpbe.Tenants.Tests;

/// <summary>What a restore must reproduce, read straight from the stores and folders: every table's rows, every file's bytes.</summary>
public static class StoreComparison
{
    /// <summary>Table → its rows as text, sorted (SQLite's 0/1 and PostgreSQL's booleans read alike).</summary>
    public static async Task<SortedDictionary<string, List<string>>> RowsAsync(TestSite site, string tenant)
    {
        var database = site.Services.GetRequiredService<IDatabaseProvider>();
        var record = site.Registry.Find(tenant) ?? throw new InvalidOperationException("No tenant " + tenant);
        await using var connection = await database.OpenAsync(record.DatabaseLocation);
        var tables = database.Dialect == SqlDialect.Postgres
            ? await connection.QueryAsync<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")
            : await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        var result = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
            result[table] = (await ReadAsync(connection, $"SELECT * FROM \"{table}\"")).Order(StringComparer.Ordinal).ToList();
        return result;
    }

    /// <summary>Relative path → SHA-256 of the tenant's files, without its databases and search index.</summary>
    public static SortedDictionary<string, string> Files(TestSite site, string tenant)
    {
        var root = Path.Combine(site.AppData, "Sites", tenant);
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(root)) return result;
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (relative.StartsWith("search/", StringComparison.Ordinal) || (!relative.Contains('/') && relative.Contains(".db"))) continue;
            result[relative] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
        }
        return result;
    }

    private static async Task<List<string>> ReadAsync(DbConnection connection, string sql)
    {
        var rows = new List<string>();
        await using var reader = await connection.ExecuteReaderAsync(sql);
        while (await reader.ReadAsync())
        {
            var values = new string[reader.FieldCount];
            for (var i = 0; i < reader.FieldCount; i++)
            {
                values[i] = reader.IsDBNull(i) ? "∅" : reader.GetValue(i) switch
                {
                    bool b => b ? "1" : "0",
                    byte[] bytes => Convert.ToBase64String(bytes),
                    IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                    var other => other.ToString()!,
                };
            }
            rows.Add(string.Join("|", values));
        }
        return rows;
    }
}
