using System.Data.Common;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using OrchardSpbe.Data;

namespace OrchardSpbe.Backup;

/// <summary>
/// Writes a backed-up table's rows into a table of the target store, each value converted to the target column's
/// type (a SQLite 0/1 into a PostgreSQL boolean, a PostgreSQL numeric into a SQLite real): PostgreSQL by binary
/// COPY, SQLite by one prepared insert, both inside the caller's transaction.
/// </summary>
internal static class TableLoader
{
    public static async Task<long> LoadAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, string table,
        IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var columnList = string.Join(", ", columns.Select(c => $"\"{c}\""));
        long count = 0;
        if (connection is NpgsqlConnection npgsql)
        {
            var types = await StoreSchema.TargetTypesAsync(connection, dialect, table, transaction);
            var targets = columns.Select(c => types.GetValueOrDefault(c) ?? "text").ToArray();
            await using var writer = await npgsql.BeginBinaryImportAsync($"COPY \"{table}\" ({columnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var row in rows)
            {
                await writer.StartRowAsync(cancellationToken);
                for (var i = 0; i < row.Length; i++)
                {
                    if (row[i] is null) await writer.WriteNullAsync(cancellationToken);
                    else await WritePostgresAsync(writer, row[i]!, targets[i], cancellationToken);
                }
                count++;
            }
            await writer.CompleteAsync(cancellationToken);
            return count;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({columnList}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var parameters = columns.Select((_, i) => { var p = command.CreateParameter(); p.ParameterName = "$p" + i; command.Parameters.Add(p); return p; }).ToArray();
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = row[i] switch
                {
                    null => DBNull.Value,
                    bool b => b ? 1L : 0L,
                    decimal m => (double)m,
                    var value => value,
                };
            }
            await command.ExecuteNonQueryAsync(cancellationToken);
            count++;
        }
        return count;
    }

    private static Task WritePostgresAsync(NpgsqlBinaryImporter writer, object value, string type, CancellationToken cancellationToken) => type switch
    {
        "bigint" => writer.WriteAsync(Convert.ToInt64(value, CultureInfo.InvariantCulture), NpgsqlDbType.Bigint, cancellationToken),
        "integer" => writer.WriteAsync(Convert.ToInt32(value, CultureInfo.InvariantCulture), NpgsqlDbType.Integer, cancellationToken),
        "smallint" => writer.WriteAsync(Convert.ToInt16(value, CultureInfo.InvariantCulture), NpgsqlDbType.Smallint, cancellationToken),
        "boolean" => writer.WriteAsync(value is bool b ? b : Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0, NpgsqlDbType.Boolean, cancellationToken),
        "double precision" => writer.WriteAsync(Convert.ToDouble(value, CultureInfo.InvariantCulture), NpgsqlDbType.Double, cancellationToken),
        "real" => writer.WriteAsync(Convert.ToSingle(value, CultureInfo.InvariantCulture), NpgsqlDbType.Real, cancellationToken),
        "numeric" => writer.WriteAsync(Convert.ToDecimal(value, CultureInfo.InvariantCulture), NpgsqlDbType.Numeric, cancellationToken),
        "bytea" => writer.WriteAsync(value as byte[] ?? [], NpgsqlDbType.Bytea, cancellationToken),
        "jsonb" => writer.WriteAsync(Convert.ToString(value, CultureInfo.InvariantCulture)!, NpgsqlDbType.Jsonb, cancellationToken),
        _ => writer.WriteAsync(Convert.ToString(value, CultureInfo.InvariantCulture)!, NpgsqlDbType.Text, cancellationToken),
    };
}
