using System.Text.Json;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Data;
using OrchardSpbe.Localization;

namespace OrchardSpbe.Datasets.DataStore;

/// <summary>
/// CKAN's DataStore in the PD's own store: a tabular resource becomes a table <c>dst_{resource}_{n}</c> with a row
/// number <c>_id</c> and one typed column per file column, loaded by Core's <see cref="BulkRows"/> (PostgreSQL's binary
/// COPY, SQLite's prepared insert). A reload builds the new table beside the old one and, in the same transaction,
/// points the resource at it and drops the old one: a reader sees the old rows or the new, never half of them.
/// The whole file is checked before anything is written (ragged rows, names, types).
/// </summary>
public sealed class DataStoreTables(TenantSession session, TabularReader reader, IStringLocalizer<Strings> T)
{
    /// <summary>Columns past this many are not indexed (a wide table's later columns filter by scanning).</summary>
    public const int IndexedColumns = 32;

    /// <summary>Loads the file; <paramref name="types"/> (field id → type) corrects inferred types. Throws <see cref="TabularFileException"/>.</summary>
    public async Task<long> LoadAsync(string resourceId, string path, string format, IReadOnlyDictionary<string, string>? types = null, CancellationToken cancellationToken = default)
    {
        // Pass 1: the shape and the types of the whole file.
        var (header, rows) = reader.Open(path, format);
        var inference = new TypeInference(header.Length);
        foreach (var row in rows) { cancellationToken.ThrowIfCancellationRequested(); inference.Observe(row); }
        var fields = header.Select((id, i) => new DataStoreField(id, "c" + (i + 1),
            types?.GetValueOrDefault(id) is { } chosen && DataStoreField.Types.Contains(chosen) ? chosen : inference.TypeOf(i))).ToList();

        // Pass 2: every cell converted before the table is swapped in.
        var table = "dst_" + resourceId.Replace("-", "") + "_" + Guid.NewGuid().ToString("N")[..8];
        await using var transaction = await session.BeginTransactionAsync(cancellationToken);
        await session.ExecuteAsync($"CREATE TABLE {table} (_id {session.Dialect.BigInt} PRIMARY KEY, {string.Join(", ", fields.Select(f => f.Column + " " + SqlType(f.Type)))})");
        var (_, data) = reader.Open(path, format);
        var count = await session.LoadAsync(table, ["_id", .. fields.Select(f => f.Column)], Convert(data, fields), cancellationToken);
        // datastore_search's filters are equalities on any column: each of the first IndexedColumns gets an index
        // (column, _id), so a filter reads its rows in _id order and counts its total from the index alone, however
        // large the table — built after the rows (faster than kept during the load), before the table is swapped in.
        foreach (var field in fields.Take(IndexedColumns))
            await session.ExecuteAsync($"CREATE INDEX ix_{table}_{field.Column} ON {table} ({field.Column}, _id)");
        // PostgreSQL plans with the table's statistics, which a table created in this transaction does not have yet.
        if (ReferenceEquals(session.Dialect, SqlDialect.Postgres)) await session.ExecuteAsync($"ANALYZE {table}");
        var old = await session.ExecuteScalarAsync<string?>("SELECT datastore_table FROM ds_resources WHERE id = @resourceId", new { resourceId });
        await session.ExecuteAsync("""
            UPDATE ds_resources SET datastore_table = @table, datastore_fields = @fields, datastore_rows = @count, datastore_error = NULL WHERE id = @resourceId
            """, new { table, fields = JsonSerializer.Serialize(fields), count, resourceId });
        if (old is not null) await session.ExecuteAsync($"DROP TABLE IF EXISTS {old}");
        await transaction.CommitAsync();
        return count;
    }

    /// <summary>
    /// CKAN's datastore_upsert: "insert" appends the records; "upsert" and "update" match them by <c>_id</c> ("update"
    /// refuses an unknown one). Every record is checked first (known fields, typed values); then all are written in one
    /// transaction. Throws <see cref="DataStoreQueryException"/> keyed "records".
    /// </summary>
    public async Task<long> UpsertAsync(string resourceId, string method, IReadOnlyList<IReadOnlyDictionary<string, string?>> records)
    {
        if (await FindAsync(resourceId) is not { } found) throw new DataStoreQueryException("resource_id", "Resource has no DataStore table");
        if (method is not ("insert" or "upsert" or "update")) throw new DataStoreQueryException("method", "Value must be one of: upsert, insert, update");
        var rows = new List<(long? Id, object?[] Values)>();
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (record.Keys.FirstOrDefault(k => k != "_id" && found.Fields.All(f => f.Id != k)) is { } unknown)
                throw new DataStoreQueryException("records", $"row {i + 1}: field \"{unknown}\" not in resource");
            long? id = null;
            if (record.TryGetValue("_id", out var idText) && idText is not null)
                id = long.TryParse(idText, out var parsed) && parsed > 0 ? parsed : throw new DataStoreQueryException("records", $"row {i + 1}: invalid _id");
            if (method == "insert" && id is not null) throw new DataStoreQueryException("records", $"row {i + 1}: _id is given by the DataStore");
            if (method != "insert" && id is null) throw new DataStoreQueryException("records", $"row {i + 1}: _id is missing");
            var values = new object?[found.Fields.Count];
            for (var f = 0; f < found.Fields.Count; f++)
            {
                var field = found.Fields[f];
                try { values[f] = field.Convert(record.GetValueOrDefault(field.Id)); }
                catch (Exception exception) when (exception is FormatException or OverflowException)
                {
                    throw new DataStoreQueryException("records", $"row {i + 1}: invalid value for field \"{field.Id}\" of type {field.Type}");
                }
            }
            rows.Add((id, values));
        }
        await using var transaction = await session.BeginTransactionAsync();
        var next = await session.ExecuteScalarAsync<long>($"SELECT COALESCE(MAX(_id), 0) FROM {found.Table}") + 1;
        var columns = string.Join(", ", found.Fields.Select(f => f.Column));
        var parameters = string.Join(", ", found.Fields.Select((_, f) => "@v" + f));
        foreach (var (id, values) in rows)
        {
            var arguments = new Dapper.DynamicParameters();
            for (var f = 0; f < values.Length; f++) arguments.Add("v" + f, values[f]);
            arguments.Add("id", id ?? next++);
            var updated = method == "insert" ? 0 : await session.ExecuteAsync(
                $"UPDATE {found.Table} SET {string.Join(", ", found.Fields.Select((c, f) => $"{c.Column} = @v{f}"))} WHERE _id = @id", arguments);
            if (updated == 0 && method == "update") throw new DataStoreQueryException("records", $"row {rows.IndexOf((id, values)) + 1}: _id {id} not found");
            if (updated == 0) await session.ExecuteAsync($"INSERT INTO {found.Table} (_id, {columns}) VALUES (@id, {parameters})", arguments);
        }
        var count = await session.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {found.Table}");
        await session.ExecuteAsync("UPDATE ds_resources SET datastore_rows = @count WHERE id = @resourceId", new { count, resourceId });
        await transaction.CommitAsync();
        return rows.Count;
    }

    /// <summary>Keeps why a load failed on the resource (shown to the walidata), outside the failed transaction.</summary>
    public Task RecordErrorAsync(string resourceId, string message) =>
        session.ExecuteAsync("UPDATE ds_resources SET datastore_error = @message WHERE id = @resourceId", new { message, resourceId });

    public async Task DropAsync(string resourceId)
    {
        var old = await session.ExecuteScalarAsync<string?>("SELECT datastore_table FROM ds_resources WHERE id = @resourceId", new { resourceId });
        if (old is not null) await session.ExecuteAsync($"DROP TABLE IF EXISTS {old}");
        await session.ExecuteAsync("UPDATE ds_resources SET datastore_table = NULL, datastore_fields = NULL, datastore_rows = NULL WHERE id = @resourceId", new { resourceId });
    }

    /// <summary>The resource's current table, fields and row count (kept with every load and upsert), or null when it has none.</summary>
    public async Task<(string Table, IReadOnlyList<DataStoreField> Fields, long Rows)?> FindAsync(string resourceId)
    {
        var row = await session.QuerySingleOrDefaultAsync<(string? Table, string? Fields, long? Rows)>(
            "SELECT datastore_table, datastore_fields, datastore_rows FROM ds_resources WHERE id = @resourceId", new { resourceId });
        if (row.Table is null || row.Fields is null) return null;
        return (row.Table, JsonSerializer.Deserialize<List<DataStoreField>>(row.Fields) ?? [], row.Rows ?? 0);
    }

    private string SqlType(string type) => type switch
    {
        FieldTypes.Int => session.Dialect.BigInt,
        FieldTypes.Numeric => session.Dialect.Double,
        _ => "TEXT",
    };

    private IEnumerable<object?[]> Convert(IEnumerable<string?[]> rows, IReadOnlyList<DataStoreField> fields)
    {
        long id = 0;
        foreach (var row in rows)
        {
            id++;
            var values = new object?[fields.Count + 1];
            values[0] = id;
            for (var i = 0; i < fields.Count; i++)
            {
                try { values[i + 1] = fields[i].Convert(row[i]); }
                catch (Exception exception) when (exception is FormatException or OverflowException)
                {
                    throw new TabularFileException(id + 1, T["Baris {0}, kolom \"{1}\": \"{2}\" bukan nilai {3}.", id + 1, fields[i].Id, row[i] ?? "", fields[i].Type]);
                }
            }
            yield return values;
        }
    }
}
