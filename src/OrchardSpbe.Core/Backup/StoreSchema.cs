using System.Data.Common;
using Dapper;
using Npgsql;
using OrchardSpbe.Data;

namespace OrchardSpbe.Backup;

/// <summary>
/// What a store holds, read the same way on SQLite and PostgreSQL: its tables, their columns in neutral types, primary
/// keys and identity positions — and the few statements a restore needs to create a table the migrations do not make
/// (a dataset's DataStore table) and to put an identity back where it was.
/// </summary>
internal static class StoreSchema
{
    public static async Task<IReadOnlyList<string>> TablesAsync(DbConnection connection, SqlDialect dialect, DbTransaction? transaction = null)
    {
        var sql = dialect == SqlDialect.Postgres
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
        return (await connection.QueryAsync<string>(sql, transaction: transaction)).ToList();
    }

    public static async Task<(IReadOnlyList<BackupColumn> Columns, IReadOnlyList<string> PrimaryKey, string? IdentityColumn)> DescribeAsync(
        DbConnection connection, SqlDialect dialect, string table, DbTransaction? transaction = null)
    {
        if (dialect == SqlDialect.Postgres)
        {
            var columns = (await connection.QueryAsync<(string Name, string DataType, string Nullable, string Identity)>("""
                SELECT column_name, data_type, is_nullable, is_identity FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = @table ORDER BY ordinal_position
                """, new { table }, transaction)).ToList();
            var key = (await connection.QueryAsync<string>("""
                SELECT a.attname FROM pg_index i
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
                WHERE i.indrelid = (quote_ident(current_schema()) || '.' || quote_ident(@table))::regclass AND i.indisprimary
                ORDER BY array_position(i.indkey, a.attnum)
                """, new { table }, transaction)).ToList();
            return (columns.Select(c => new BackupColumn(c.Name, NeutralType(c.DataType), c.Nullable == "YES")).ToList(), key,
                columns.FirstOrDefault(c => c.Identity == "YES").Name);
        }
        var info = (await connection.QueryAsync<(long Cid, string Name, string Type, long NotNull, string? Default, long Pk)>(
            $"SELECT cid, name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{table}')", transaction: transaction)).ToList();
        var autoincrement = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_sequence'", transaction: transaction) > 0
            && (await connection.ExecuteScalarAsync<string?>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = @table", new { table }, transaction))
                ?.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase) == true;
        var primary = info.Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Name).ToList();
        return (info.Select(c => new BackupColumn(c.Name, NeutralType(c.Type), c.NotNull == 0 && c.Pk == 0)).ToList(), primary,
            autoincrement && primary.Count == 1 ? primary[0] : null);
    }

    /// <summary>The last value the identity handed out (0 when none): ids deleted since are not reused after a restore.</summary>
    public static async Task<long> IdentityLastValueAsync(DbConnection connection, SqlDialect dialect, string table, string column, DbTransaction? transaction = null)
    {
        if (dialect == SqlDialect.Postgres)
        {
            return await connection.ExecuteScalarAsync<long?>(
                "SELECT pg_sequence_last_value(pg_get_serial_sequence(quote_ident(current_schema()) || '.' || quote_ident(@table), @column))",
                new { table, column }, transaction) ?? 0;
        }
        return await connection.ExecuteScalarAsync<long?>("SELECT seq FROM sqlite_sequence WHERE name = @table", new { table }, transaction) ?? 0;
    }

    public static async Task SetIdentityAsync(DbConnection connection, SqlDialect dialect, string table, string column, long lastValue, DbTransaction transaction)
    {
        if (lastValue <= 0) return;
        if (dialect == SqlDialect.Postgres)
        {
            await connection.ExecuteAsync($"SELECT setval(pg_get_serial_sequence(quote_ident(current_schema()) || '.' || quote_ident(@table), @column), GREATEST(@lastValue, (SELECT COALESCE(MAX(\"{column}\"), 0) FROM \"{table}\")))",
                new { table, column, lastValue }, transaction);
            return;
        }
        await connection.ExecuteAsync("DELETE FROM sqlite_sequence WHERE name = @table", new { table }, transaction);
        await connection.ExecuteAsync("INSERT INTO sqlite_sequence (name, seq) VALUES (@table, @lastValue)", new { table, lastValue }, transaction);
    }

    /// <summary>A table the target's migrations did not create, from its neutral description.</summary>
    public static Task CreateAsync(DbConnection connection, SqlDialect dialect, BackupTable table, DbTransaction transaction)
    {
        var columns = table.Columns.Select(c => $"\"{c.Name}\" {SqlType(dialect, c.Type)}{(c.Nullable ? "" : " NOT NULL")}");
        var key = table.PrimaryKey.Count > 0 ? $", PRIMARY KEY ({string.Join(", ", table.PrimaryKey.Select(k => $"\"{k}\""))})" : "";
        return connection.ExecuteAsync($"CREATE TABLE \"{table.Name}\" ({string.Join(", ", columns)}{key})", transaction: transaction);
    }

    /// <summary>The target's own column types (PostgreSQL), so each value is written as the column expects.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> TargetTypesAsync(DbConnection connection, SqlDialect dialect, string table, DbTransaction transaction)
    {
        if (dialect != SqlDialect.Postgres) return new Dictionary<string, string>();
        return (await connection.QueryAsync<(string Name, string DataType)>(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table",
            new { table }, transaction)).ToDictionary(c => c.Name, c => c.DataType);
    }

    private static string NeutralType(string declared)
    {
        var type = declared.ToUpperInvariant();
        if (type.Contains("BOOL")) return "boolean";
        if (type.Contains("INT")) return "integer";
        if (type.Contains("REAL") || type.Contains("DOUB") || type.Contains("FLOA")) return "real";
        if (type.Contains("NUMERIC") || type.Contains("DECIMAL")) return "numeric";
        if (type.Contains("BLOB") || type.Contains("BYTEA")) return "blob";
        return "text";
    }

    private static string SqlType(SqlDialect dialect, string neutral) => (neutral, dialect == SqlDialect.Postgres) switch
    {
        ("integer", _) => dialect.BigInt,
        ("boolean", _) => dialect.Boolean,
        ("real", _) => dialect.Double,
        ("numeric", true) => "NUMERIC",
        ("numeric", false) => "NUMERIC",
        ("blob", true) => "BYTEA",
        ("blob", false) => "BLOB",
        _ => "TEXT",
    };
}
