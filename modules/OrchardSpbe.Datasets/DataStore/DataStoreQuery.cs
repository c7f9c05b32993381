using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;
using OrchardSpbe.Data;

namespace OrchardSpbe.Datasets.DataStore;

/// <summary>What a reader asks of a DataStore table (CKAN's datastore_search parameters, already parsed).</summary>
public sealed record DataStoreSearch
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 32000;

    /// <summary>Field id → accepted values (one value: equals; several: any of them).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public string? Q { get; init; }
    public IReadOnlyList<string>? Fields { get; init; }
    /// <summary>(field id, descending) in order.</summary>
    public IReadOnlyList<(string Field, bool Descending)> Sort { get; init; } = [];
    public int Limit { get; init; } = DefaultLimit;
    public long Offset { get; init; }
    public bool IncludeTotal { get; init; } = true;
}

public sealed record DataStoreResult(IReadOnlyList<DataStoreField> Fields, IReadOnlyList<IReadOnlyDictionary<string, object?>> Records, long? Total);

/// <summary>A parameter the DataStore refuses, keyed as CKAN's Validation Error is ("filters", "sort", …).</summary>
public sealed class DataStoreQueryException(string key, string message) : Exception(message)
{
    public string Key { get; } = key;
}

/// <summary>
/// Reads a resource's DataStore table: equality filters (typed, as parameters), a free-text q over every column,
/// sorting, paging and the total. Column names are the generated c1…cN, so no user text reaches the SQL but values.
/// A reload that swaps the table between reading its name and reading its rows is met by reading the name again.
/// </summary>
public sealed class DataStoreQuery(TenantSession session, DataStoreTables tables)
{
    public static readonly DataStoreField IdField = new("_id", "_id", FieldTypes.Int);

    public async Task<DataStoreResult?> SearchAsync(string resourceId, DataStoreSearch search)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (await tables.FindAsync(resourceId) is not { } found) return null;
            try { return await SearchTableAsync(found.Table, found.Fields, found.Rows, search); }
            catch (DbException exception) when (attempt == 0 && IsMissingTable(exception)) { }
        }
    }

    private async Task<DataStoreResult> SearchTableAsync(string table, IReadOnlyList<DataStoreField> fields, long rowCount, DataStoreSearch search)
    {
        var all = new List<DataStoreField> { IdField };
        all.AddRange(fields);
        DataStoreField Field(string key, string id) =>
            all.FirstOrDefault(f => f.Id == id) ?? throw new DataStoreQueryException(key, $"field \"{id}\" not in resource");

        var selected = search.Fields is { Count: > 0 } names ? names.Select(n => Field("fields", n)).Distinct().ToList() : all;
        var where = new StringBuilder("WHERE 1 = 1");
        var parameters = new DynamicParameters();
        var p = 0;
        foreach (var (id, values) in search.Filters)
        {
            var field = Field("filters", id);
            var names2 = new List<string>();
            foreach (var value in values)
            {
                object? typed;
                try { typed = field.Convert(value); }
                catch (Exception exception) when (exception is FormatException or OverflowException)
                {
                    throw new DataStoreQueryException("filters", $"invalid value for field \"{id}\" of type {field.Type}: \"{value}\"");
                }
                var name = "p" + p++;
                parameters.Add(name, typed);
                names2.Add(typed is null ? $"{field.Column} IS NULL" : $"{field.Column} = @{name}");
            }
            if (names2.Count > 0) where.Append(" AND (").Append(string.Join(" OR ", names2)).Append(')');
        }
        if (!string.IsNullOrWhiteSpace(search.Q))
        {
            parameters.Add("q", "%" + Escape(search.Q.Trim().ToLowerInvariant()) + "%");
            where.Append(" AND (").Append(string.Join(" OR ", fields.Select(f => $"LOWER(CAST({f.Column} AS TEXT)) LIKE @q ESCAPE '\\'"))).Append(')');
        }
        var order = search.Sort.Count == 0 ? "_id" : string.Join(", ", search.Sort.Select(s => Field("sort", s.Field).Column + (s.Descending ? " DESC" : "")).Append("_id"));
        parameters.Add("limit", search.Limit);
        parameters.Add("offset", search.Offset);
        var records = new List<IReadOnlyDictionary<string, object?>>();
        var rows = await session.QueryAsync<dynamic>(
            $"SELECT {string.Join(", ", selected.Select(f => f.Column))} FROM {table} {where} ORDER BY {order} LIMIT @limit OFFSET @offset", parameters);
        foreach (IDictionary<string, object?> row in rows)
        {
            var record = new Dictionary<string, object?>(selected.Count);
            foreach (var field in selected) record[field.Id] = Value(field, row[field.Column]);
            records.Add(record);
        }
        // Unfiltered, the total is the row count kept in the resource's row with each load and upsert (CKAN's count
        // cache, ckan#9260), read in the same statement as the table's name; filtered, it is counted on the column's index.
        var filtered = p > 0 || !string.IsNullOrWhiteSpace(search.Q);
        long? total = !search.IncludeTotal ? null
            : filtered ? await session.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} {where}", parameters) : rowCount;
        return new DataStoreResult(selected, records, total);
    }

    private static object? Value(DataStoreField field, object? value) => value switch
    {
        null or DBNull => null,
        _ when field.Type == FieldTypes.Int => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        _ when field.Type == FieldTypes.Numeric => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private static bool IsMissingTable(DbException exception) =>
        exception.Message.Contains("no such table", StringComparison.OrdinalIgnoreCase) || exception is Npgsql.PostgresException { SqlState: "42P01" };
}
