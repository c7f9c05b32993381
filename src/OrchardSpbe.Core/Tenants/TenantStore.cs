using Dapper;
using OrchardSpbe.Data;

namespace OrchardSpbe.Tenants;

/// <summary>
/// The host's own store of tenants. Host names live in a table of their own (their only home) whose
/// primary key makes two nodes creating the same host at once unable to both succeed.
/// </summary>
public sealed class TenantStore(IDatabaseProvider database)
{
    public async Task EnsureCreatedAsync()
    {
        await database.CreateStoreAsync(database.HostLocation);
        await using var connection = await database.OpenAsync(database.HostLocation);
        var d = database.Dialect;
        await connection.ExecuteAsync($"""
            CREATE TABLE IF NOT EXISTS tenants (
                name TEXT PRIMARY KEY, display_name TEXT NOT NULL, category TEXT NULL,
                url_prefix TEXT NULL, state TEXT NOT NULL, database_provider TEXT NOT NULL,
                database_location TEXT NOT NULL, recipe_name TEXT NOT NULL,
                created_utc {d.BigInt} NOT NULL, modified_utc {d.BigInt} NOT NULL);
            CREATE TABLE IF NOT EXISTS tenant_hosts (host TEXT PRIMARY KEY, tenant_name TEXT NOT NULL, position INTEGER NOT NULL);
            CREATE UNIQUE INDEX IF NOT EXISTS ux_tenants_prefix ON tenants (url_prefix);
            """);
    }

    public async Task<IReadOnlyList<TenantRecord>> ListAsync()
    {
        await using var connection = await database.OpenAsync(database.HostLocation);
        var rows = await connection.QueryAsync<TenantRow>($"{SelectSql} ORDER BY name");
        var hosts = (await connection.QueryAsync<HostRow>("SELECT host AS Host, tenant_name AS TenantName FROM tenant_hosts ORDER BY position"))
            .ToLookup(h => h.TenantName, h => h.Host);
        return rows.Select(row => ToRecord(row, hosts[row.Name].ToList())).ToList();
    }

    public async Task<TenantRecord?> FindAsync(string name)
    {
        await using var connection = await database.OpenAsync(database.HostLocation);
        var row = await connection.QuerySingleOrDefaultAsync<TenantRow>($"{SelectSql} WHERE name = @name", new { name });
        if (row is null) return null;
        var hosts = await connection.QueryAsync<string>("SELECT host FROM tenant_hosts WHERE tenant_name = @name ORDER BY position", new { name });
        return ToRecord(row, hosts.ToList());
    }

    /// <summary>Inserts a new tenant with its host names; throws a unique violation when a name, host or prefix is taken.</summary>
    public async Task InsertAsync(TenantRecord tenant)
    {
        await using var connection = await database.OpenAsync(database.HostLocation);
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO tenants (name, display_name, category, url_prefix, state, database_provider,
                                 database_location, recipe_name, created_utc, modified_utc)
            VALUES (@Name, @DisplayName, @Category, @UrlPrefix, @State, @DatabaseProvider,
                    @DatabaseLocation, @RecipeName, @CreatedUtc, @ModifiedUtc)
            """, ToRow(tenant), transaction);
        await InsertHostsAsync(connection, transaction, tenant);
        await transaction.CommitAsync();
    }

    public async Task UpdateAsync(TenantRecord tenant)
    {
        await using var connection = await database.OpenAsync(database.HostLocation);
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("""
            UPDATE tenants SET display_name = @DisplayName, category = @Category, url_prefix = @UrlPrefix,
                   state = @State, database_location = @DatabaseLocation, modified_utc = @ModifiedUtc
            WHERE name = @Name
            """, ToRow(tenant), transaction);
        await connection.ExecuteAsync("DELETE FROM tenant_hosts WHERE tenant_name = @Name", new { tenant.Name }, transaction);
        await InsertHostsAsync(connection, transaction, tenant);
        await transaction.CommitAsync();
    }

    public async Task DeleteAsync(string name)
    {
        await using var connection = await database.OpenAsync(database.HostLocation);
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("DELETE FROM tenant_hosts WHERE tenant_name = @name", new { name }, transaction);
        await connection.ExecuteAsync("DELETE FROM tenants WHERE name = @name", new { name }, transaction);
        await transaction.CommitAsync();
    }

    private static async Task InsertHostsAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, TenantRecord tenant)
    {
        for (var position = 0; position < tenant.Hosts.Count; position++)
        {
            await connection.ExecuteAsync("INSERT INTO tenant_hosts (host, tenant_name, position) VALUES (@host, @name, @position)",
                new { host = tenant.Hosts[position], name = tenant.Name, position }, transaction);
        }
    }

    private const string SelectSql = """
        SELECT name AS Name, display_name AS DisplayName, category AS Category, url_prefix AS UrlPrefix,
               state AS State, database_provider AS DatabaseProvider, database_location AS DatabaseLocation,
               recipe_name AS RecipeName, created_utc AS CreatedUtc, modified_utc AS ModifiedUtc
        FROM tenants
        """;

    private sealed class TenantRow
    {
        public string Name { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string? Category { get; set; }
        public string? UrlPrefix { get; set; }
        public string State { get; set; } = "";
        public string DatabaseProvider { get; set; } = "";
        public string DatabaseLocation { get; set; } = "";
        public string RecipeName { get; set; } = "";
        public long CreatedUtc { get; set; }
        public long ModifiedUtc { get; set; }
    }

    private sealed class HostRow
    {
        public string Host { get; set; } = "";
        public string TenantName { get; set; } = "";
    }

    private static TenantRecord ToRecord(TenantRow row, IReadOnlyList<string> hosts) => new()
    {
        Name = row.Name,
        DisplayName = row.DisplayName,
        Category = row.Category,
        Hosts = hosts,
        UrlPrefix = row.UrlPrefix,
        State = Enum.Parse<TenantState>(row.State),
        DatabaseProvider = row.DatabaseProvider,
        DatabaseLocation = row.DatabaseLocation,
        RecipeName = row.RecipeName,
        CreatedUtc = DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedUtc),
        ModifiedUtc = DateTimeOffset.FromUnixTimeMilliseconds(row.ModifiedUtc),
    };

    private static TenantRow ToRow(TenantRecord tenant) => new()
    {
        Name = tenant.Name,
        DisplayName = tenant.DisplayName,
        Category = tenant.Category,
        UrlPrefix = tenant.UrlPrefix,
        State = tenant.State.ToString(),
        DatabaseProvider = tenant.DatabaseProvider,
        DatabaseLocation = tenant.DatabaseLocation,
        RecipeName = tenant.RecipeName,
        CreatedUtc = tenant.CreatedUtc.ToUnixTimeMilliseconds(),
        ModifiedUtc = tenant.ModifiedUtc.ToUnixTimeMilliseconds(),
    };
}
