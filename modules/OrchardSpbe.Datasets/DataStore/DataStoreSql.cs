using System.Data.Common;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OrchardSpbe.Data;
using OrchardSpbe.Datasets.Api;

namespace OrchardSpbe.Datasets.DataStore;

/// <summary>
/// CKAN's datastore_search_sql, read-only and on one resource: one SELECT (no second statement, no comment), reading
/// only <c>"resource-id"</c> (rewritten to a view of its DataStore table with the file's column names) or subqueries of
/// it, calling only a short list of plain functions — so no file-reading, system or write function is reachable — and
/// run in a read-only transaction with a time limit (PostgreSQL: statement_timeout; SQLite: query_only and a cancel).
/// At most <see cref="DataStoreSearch.MaxLimit"/> rows come back, as CKAN does.
/// </summary>
public sealed partial class DataStoreSql(TenantSession session)
{
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(5);

    private static readonly HashSet<string> AllowedFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "count", "sum", "avg", "min", "max", "lower", "upper", "length", "round", "abs", "coalesce", "cast", "substr", "substring",
        "trim", "replace", "nullif", "date",
    };

    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "exists", "not", "and", "or", "from", "join", "on", "as", "select", "where", "over", "filter", "values", "any", "all",
        "case", "when", "then", "else", "using", "by", "having", "union", "distinct", "is", "like", "between",
    };

    private static readonly HashSet<string> Writes = new(StringComparer.OrdinalIgnoreCase)
    {
        "insert", "update", "delete", "drop", "alter", "create", "truncate", "grant", "revoke", "copy", "attach", "detach", "pragma",
        "vacuum", "reindex", "analyze", "into", "lock", "set", "call", "do", "execute", "prepare", "listen", "notify", "load",
        "merge", "returning", "for",
    };

    /// <summary>The resource ids the query names as tables ("…"), for the caller to check access.</summary>
    public static IReadOnlyList<string> ResourcesOf(string sql) =>
        Quoted().Matches(WithoutLiterals(sql)).Select(m => m.Groups[1].Value).Where(IsResourceId).Distinct().ToList();

    public async Task<JsonObject> RunAsync(string sql, string resourceId, string table, IReadOnlyList<DataStoreField> fields)
    {
        var bare = WithoutLiterals(sql).Trim();
        if (bare.Contains("--", StringComparison.Ordinal) || bare.Contains("/*", StringComparison.Ordinal) || bare.TrimEnd(';').Contains(';'))
            throw new CkanValidation("query", "Query is not a single statement.");
        if (!bare.StartsWith("select", StringComparison.OrdinalIgnoreCase)) throw new CkanNotAuthorized("Not authorized to read resource.");
        foreach (Match word in Word().Matches(bare))
            if (Writes.Contains(word.Value)) throw new CkanNotAuthorized("Not authorized to read resource.");
        foreach (Match call in Call().Matches(bare))
            if (!Keywords.Contains(call.Groups[1].Value) && !AllowedFunctions.Contains(call.Groups[1].Value))
                throw new CkanNotAuthorized($"Not authorized to call function {call.Groups[1].Value}");
        foreach (Match from in FromTarget().Matches(bare))
            if (from.Groups[1].Value != "(" && from.Groups[2].Value != resourceId)
                throw new CkanNotAuthorized("Not authorized to read resource.");
        if (CommaJoin().IsMatch(bare)) throw new CkanNotAuthorized("Not authorized to read resource.");

        // The resource's table as the file's columns: SELECT "kasus" FROM "<resource id>" reads c3 of dst_….
        var view = $"(SELECT _id AS \"_id\", {string.Join(", ", fields.Select(f => $"{f.Column} AS \"{f.Id.Replace("\"", "\"\"")}\""))} FROM {table})";
        var rewritten = TableReference(resourceId).Replace(sql.Trim().TrimEnd(';'), m => m.Groups["alias"].Success ? $"{view} AS {m.Groups["alias"].Value}" : $"{view} AS \"{resourceId}\"");
        var wrapped = $"SELECT * FROM ({rewritten}) AS blah LIMIT {DataStoreSearch.MaxLimit + 1}";

        var connection = await session.ConnectionAsync();
        var records = new JsonArray();
        var resultFields = new JsonArray();
        await using var transaction = await session.BeginTransactionAsync();
        var postgres = session.Dialect == SqlDialect.Postgres;
        if (postgres)
            await session.ExecuteAsync($"SET TRANSACTION READ ONLY; SET LOCAL statement_timeout = {(int)TimeLimit.TotalMilliseconds}");
        else await session.ExecuteAsync("PRAGMA query_only = 1");
        using var timeout = new CancellationTokenSource(TimeLimit);
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = session.Transaction;
            command.CommandText = wrapped;
            await using var reader = await command.ExecuteReaderAsync(timeout.Token);
            for (var i = 0; i < reader.FieldCount; i++)
                resultFields.Add(new JsonObject { ["id"] = reader.GetName(i), ["type"] = TypeOf(reader.GetFieldType(i)) });
            var count = 0;
            while (await reader.ReadAsync(timeout.Token))
            {
                if (++count > DataStoreSearch.MaxLimit) break;
                var record = new JsonObject();
                for (var i = 0; i < reader.FieldCount; i++)
                    record[reader.GetName(i)] = reader.IsDBNull(i) ? null : CkanDicts.Value(reader.GetValue(i));
                records.Add(record);
            }
            var result = new JsonObject { ["sql"] = sql, ["records"] = records, ["fields"] = resultFields, ["records_format"] = "objects" };
            if (count > DataStoreSearch.MaxLimit) result["records_truncated"] = true;
            return result;
        }
        catch (Exception exception) when (exception is OperationCanceledException || exception is Npgsql.PostgresException { SqlState: "57014" })
        {
            throw new CkanValidation("query", "Query took too long");
        }
        catch (DbException exception)
        {
            throw new CkanValidation("query", exception.Message);
        }
        finally
        {
            if (!postgres) await session.ExecuteAsync("PRAGMA query_only = 0");
        }
    }

    private static string TypeOf(Type type) =>
        type == typeof(long) || type == typeof(int) ? FieldTypes.Int
        : type == typeof(double) || type == typeof(float) || type == typeof(decimal) ? FieldTypes.Numeric
        : type == typeof(bool) ? "bool"
        : FieldTypes.Text;

    private static bool IsResourceId(string text) => Guid.TryParseExact(text, "D", out _);

    /// <summary>The SQL with each '…' literal emptied, so words inside strings are not taken for keywords.</summary>
    private static string WithoutLiterals(string sql) => Literal().Replace(sql, "''");

    private static Regex TableReference(string resourceId) => new(
        "\"" + Regex.Escape(resourceId) + "\"" + """(?:\s+(?:AS\s+)?(?<alias>(?!(?:WHERE|GROUP|ORDER|LIMIT|JOIN|ON|UNION|LEFT|RIGHT|INNER|OUTER|CROSS|HAVING|OFFSET|WINDOW|FULL|NATURAL)\b)[A-Za-z_][A-Za-z0-9_]*|"[^"]+"))?""",
        RegexOptions.IgnoreCase);

    [GeneratedRegex("'(?:[^']|'')*'")]
    private static partial Regex Literal();

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\b[A-Za-z_]+\b")]
    private static partial Regex Word();

    [GeneratedRegex(@"\b([A-Za-z_][A-Za-z0-9_.]*)\s*\(")]
    private static partial Regex Call();

    [GeneratedRegex(@"\b(?:FROM|JOIN)\s+(?:(\()|""([^""]+)"")?", RegexOptions.IgnoreCase)]
    private static partial Regex FromTarget();

    [GeneratedRegex(@"\bFROM\s+""[^""]+""(?:\s+(?:AS\s+)?\w+)?\s*,", RegexOptions.IgnoreCase)]
    private static partial Regex CommaJoin();
}
