using System.Data.Common;
using Npgsql;

namespace OrchardSpbe.Data;

/// <summary>
/// Loads many rows into a temporary table of the session's transaction — PostgreSQL's binary COPY, SQLite's prepared
/// insert — so a module can then merge them into its tables with one set-based statement (a million observations,
/// a dataset's DataStore rows) instead of a round trip per row.
/// </summary>
public static class BulkRows
{
    /// <summary>Creates <paramref name="table"/> as a temporary table dropped at the end of the transaction.</summary>
    public static async Task CreateTempTableAsync(this TenantSession session, string table, string columnsDdl)
    {
        if (session.Dialect == SqlDialect.Postgres)
            await session.ExecuteAsync($"CREATE TEMP TABLE {table} ({columnsDdl}) ON COMMIT DROP");
        else
        {
            await session.ExecuteAsync($"DROP TABLE IF EXISTS temp.{table}");
            await session.ExecuteAsync($"CREATE TEMP TABLE {table} ({columnsDdl})");
        }
    }

    /// <summary>Writes the rows (each an array in <paramref name="columns"/>' order) into the table, in the running transaction.</summary>
    public static async Task<long> LoadAsync(this TenantSession session, string table, IReadOnlyList<string> columns,
        IEnumerable<object?[]> rows, CancellationToken cancellationToken = default)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        long count = 0;
        if (connection is NpgsqlConnection npgsql)
        {
            await using var writer = await npgsql.BeginBinaryImportAsync($"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var row in rows)
            {
                await writer.StartRowAsync(cancellationToken);
                foreach (var value in row)
                {
                    if (value is null) await writer.WriteNullAsync(cancellationToken);
                    else await writer.WriteAsync(value, cancellationToken);
                }
                count++;
            }
            await writer.CompleteAsync(cancellationToken);
            return count;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = session.Transaction;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var parameters = columns.Select((_, i) => { var p = command.CreateParameter(); p.ParameterName = "$p" + i; command.Parameters.Add(p); return p; }).ToArray();
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < parameters.Length; i++) parameters[i].Value = row[i] ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken);
            count++;
        }
        return count;
    }
}
