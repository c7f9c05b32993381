using OrchardSpbe.Data;

namespace OrchardSpbe.Applications.Catalogue;

/// <summary>Reads the catalogue on the portal: registered, public applications, by PD, class and lifecycle.</summary>
public sealed class PublicCatalogue(TenantSession session)
{
    public async Task<IReadOnlyList<PublicApplication>> ListAsync(CatalogueQuery query, bool publicOnly = true)
    {
        var numbers = query.Numbers?.ToArray();
        var sql = $"""
            SELECT * FROM app_public WHERE (@publicOnly = FALSE OR is_public = TRUE) AND (@pd IS NULL OR tenant = @pd)
              AND (@appClass IS NULL OR app_class = @appClass) AND (@lifecycle IS NULL OR lifecycle = @lifecycle)
              {(numbers is null ? "" : numbers.Length == 0 ? "AND 1 = 0" : "AND " + session.Dialect.InList("registration_number", "numbers"))}
            ORDER BY name, registration_number LIMIT {query.Take} OFFSET {query.Skip}
            """;
        return (await session.QueryAsync<PublicApplication>(sql, new { publicOnly, pd = query.Pd, appClass = query.AppClass, lifecycle = query.Lifecycle, numbers })).ToList();
    }

    /// <summary>
    /// Every registered application (public or not), with only what the integration map draws — owner, number, name and
    /// the APIs it calls — in one unsorted read: paging the full rows in name order re-sorted the table three times.
    /// </summary>
    public async Task<IReadOnlyList<PublicApplication>> ListForMapAsync() =>
        (await session.QueryAsync<PublicApplication>("SELECT tenant, registration_number, name, apis_consumed FROM app_public"))
        .OrderBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.RegistrationNumber, StringComparer.Ordinal).ToList();

    public async Task<PublicApplication?> FindAsync(string number) =>
        await session.QuerySingleOrDefaultAsync<PublicApplication>("SELECT * FROM app_public WHERE registration_number = @number AND is_public = TRUE", new { number });

    /// <summary>Counts of public entries per value of a column (tenant, app_class, lifecycle), for the facets.</summary>
    public async Task<IReadOnlyList<(string Value, int Count)>> CountByAsync(string column) =>
        column is "tenant" or "app_class" or "lifecycle"
            ? (await session.QueryAsync<(string, int)>($"SELECT {column}, CAST(COUNT(*) AS INTEGER) FROM app_public WHERE is_public = TRUE GROUP BY {column} ORDER BY {column}")).ToList()
            : throw new ArgumentOutOfRangeException(nameof(column));
}
