using Microsoft.Data.Sqlite;

namespace OrchardSpbe.Statistics.Tests;

/// <summary>
/// A fresh first run with the sample PD sites and their sample statistics (as a newcomer's `dotnet run` gets), on
/// SQLite; the portal's own database file is the independent witness the API is compared with.
/// </summary>
public sealed class SampleCity() : SiteFixture(DatabaseProviderName.Sqlite)
{
    protected override TestSiteOptions Options => new() { SampleTenants = true };

    public async Task<List<(string Tenant, string Code, string Period, string Area, string Disaggregation, double Value, string Status)>> PortalRowsAsync(string where = "1 = 1", object? parameters = null)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(Site.AppData, "Sites", "default", "site.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT tenant, code, period, area, disaggregation, value, status FROM stat_public_observations WHERE {where} ORDER BY tenant, code, period, area, disaggregation";
        foreach (var property in parameters?.GetType().GetProperties() ?? []) command.Parameters.AddWithValue("$" + property.Name, property.GetValue(parameters));
        var rows = new List<(string, string, string, string, string, double, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetDouble(5), reader.GetString(6)));
        return rows;
    }
}
