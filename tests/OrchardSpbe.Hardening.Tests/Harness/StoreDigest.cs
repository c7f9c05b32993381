using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace OrchardSpbe.Hardening.Tests.Harness;

/// <summary>
/// A fingerprint of every row of a tenant's SQLite file, table by table, read on a connection of its own:
/// two equal digests mean nothing was written. Tables that record that something was refused (the audit
/// log) or that background work writes on its own schedule are left out.
/// </summary>
public sealed class StoreDigest(string databaseFile)
{
    public static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase)
    {
        // A refusal is audited (a failed sign-in, a denied decision): that write is the point.
        "spbe_audit",
        // Written by background tasks and by a brute-force alert, not by the request under test.
        "email_outbox", "user_notifications", "catalog_outbox", "workflow_waits",
    };

    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = true }.ToString();
    private List<string>? _tables;

    /// <summary>The tables compared (known after the first digest).</summary>
    public IReadOnlyList<string> Tables => _tables ?? [];

    public async Task<Dictionary<string, string>> TakeAsync()
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        if (_tables is null)
        {
            _tables = [];
            await using var list = connection.CreateCommand();
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) if (!Ignored.Contains(reader.GetString(0))) _tables.Add(reader.GetString(0));
        }
        var digest = new Dictionary<string, string>();
        foreach (var table in _tables)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                for (var i = 0; i < reader.FieldCount; i++)
                    hash.AppendData(System.Text.Encoding.UTF8.GetBytes((reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)) + "\u001F"));
            digest[table] = Convert.ToHexString(hash.GetHashAndReset());
        }
        return digest;
    }

    /// <summary>The tables whose rows differ.</summary>
    public static IReadOnlyList<string> Changed(Dictionary<string, string> before, Dictionary<string, string> after) =>
        after.Where(t => !before.TryGetValue(t.Key, out var old) || old != t.Value).Select(t => t.Key).ToList();
}
