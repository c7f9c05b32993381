using System.Text;
using System.Text.Json;
using OrchardSpbe.Data;
using OrchardSpbe.Statistics.Indicators;
using OrchardSpbe.Statistics.Periods;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Statistics.Public;

/// <summary>
/// What the public may read: accepted values of indicators that are publicly accessible (MS-Ind 17), of running PDs.
/// On the portal every PD's (the city's database); on a PD site its own — the same tables on both.
/// </summary>
public sealed class PublicStatistics(TenantSession session, TenantContext tenant, TenantRegistry registry)
{
    public const int MaxPageSize = 10_000;

    /// <summary>The PDs a reader here may see: on the portal every running one, on a PD site itself.</summary>
    private (string Where, string[] Stopped) TenantScope(string column, string? only)
    {
        if (!tenant.IsDefault) return ($"{column} = @self", []);
        var stopped = registry.All.Where(t => t.State != TenantState.Running).Select(t => t.Name).ToArray();
        var where = only is null ? "1 = 1" : $"{column} = @only";
        return stopped.Length == 0 ? (where, stopped) : ($"{where} AND NOT ({session.Dialect.InList(column, "stopped")})", stopped);
    }

    public async Task<IReadOnlyList<PublicIndicator>> IndicatorsAsync(IndicatorListQuery query)
    {
        var (scope, stopped) = TenantScope("tenant", query.Tenant);
        var where = new StringBuilder($"WHERE is_public = TRUE AND {scope}");
        if (query.DataGroup is not null) where.Append(" AND data_group = @group");
        if (query.Codes is { Count: > 0 }) where.Append(" AND ").Append(session.Dialect.InList("code", "codes"));
        var order = query.LatestFirst ? "accepted_utc DESC, tenant, code" : "title, tenant, code";
        return (await session.QueryAsync<PublicIndicator>($"""
            SELECT {IndicatorColumns} FROM stat_public_indicators {where} ORDER BY {order} LIMIT @take OFFSET @skip
            """, new
        {
            self = tenant.Name, only = query.Tenant, stopped, group = query.DataGroup, codes = query.Codes?.ToArray() ?? [],
            take = Math.Clamp(query.Take, 1, 1000), skip = Math.Max(0, query.Skip),
        })).ToList();
    }

    public async Task<IReadOnlyList<(string Key, long Count)>> CountByAsync(string column)
    {
        if (column is not ("tenant" or "data_group")) throw new ArgumentOutOfRangeException(nameof(column));
        var (scope, stopped) = TenantScope("tenant", null);
        var rows = await session.QueryAsync<(string, long)>(
            $"SELECT {column}, COUNT(*) FROM stat_public_indicators WHERE is_public = TRUE AND {scope} GROUP BY {column} ORDER BY {column}",
            new { self = tenant.Name, stopped });
        return rows.ToList();
    }

    public async Task<PublicIndicator?> IndicatorAsync(string pd, string code)
    {
        var (scope, stopped) = TenantScope("tenant", pd);
        return await session.QuerySingleOrDefaultAsync<PublicIndicator>(
            $"SELECT {IndicatorColumns} FROM stat_public_indicators WHERE is_public = TRUE AND {scope} AND tenant = @pd AND code = @code",
            new { self = tenant.Name, only = pd, stopped, pd, code });
    }

    /// <summary>Observations in key order (PD, indicator, period, area, disaggregation), filtered as SDMX REST filters them.</summary>
    public async Task<IReadOnlyList<PublicObservation>> ObservationsAsync(ObservationQuery query)
    {
        var (scope, stopped) = TenantScope("o.tenant", query.Tenant);
        var where = new StringBuilder($"WHERE i.is_public = TRUE AND {scope}");
        if (query.Code is not null) where.Append(" AND o.code = @code");
        if (query.Areas is { Count: > 0 }) where.Append(" AND ").Append(session.Dialect.InList("o.area", "areas"));
        if (query.Disaggregation is not null) where.Append(" AND o.disaggregation = @disaggregation");
        if (query.StartPeriod is not null) where.Append(" AND o.period >= @startPeriod");
        if (query.EndPeriod is not null) where.Append(" AND o.period <= @endPeriod");
        if (query.UpdatedAfter is not null) where.Append(" AND o.accepted_utc > @updatedAfter");
        if (query.After is { } after)
            where.Append(" AND (o.tenant, o.code, o.period, o.area, o.disaggregation) > (@aTenant, @aCode, @aPeriod, @aArea, @aDisaggregation)");
        var source = "stat_public_observations o JOIN stat_public_indicators i ON i.tenant = o.tenant AND i.code = o.code";
        var select = "o.tenant AS Tenant, o.code AS Code, o.period AS Period, o.area AS Area, o.disaggregation AS Disaggregation, o.value AS Value, o.status AS Status, o.accepted_utc AS AcceptedUtc";
        var sql = query.LastN is { } lastN
            // SDMX lastNObservations: the last N periods of each series (an area × disaggregation of an indicator).
            ? $"""
              SELECT Tenant, Code, Period, Area, Disaggregation, Value, Status, AcceptedUtc FROM (
                  SELECT {select}, ROW_NUMBER() OVER (PARTITION BY o.tenant, o.code, o.area, o.disaggregation ORDER BY o.period DESC) AS rn
                  FROM {source} {where}) ranked
              WHERE rn <= {Math.Clamp(lastN, 1, 1000)} ORDER BY Tenant, Code, Period, Area, Disaggregation LIMIT @take
              """
            : $"SELECT {select} FROM {source} {where} ORDER BY o.tenant, o.code, o.period, o.area, o.disaggregation LIMIT @take";
        var a = query.After;
        return (await session.QueryAsync<PublicObservation>(sql, new
        {
            self = tenant.Name, only = query.Tenant, stopped, code = query.Code, areas = query.Areas?.ToArray() ?? [], disaggregation = query.Disaggregation,
            startPeriod = query.StartPeriod, endPeriod = query.EndPeriod, updatedAfter = UnixTime.Ms(query.UpdatedAfter),
            aTenant = a?.Tenant, aCode = a?.Code, aPeriod = a?.Period, aArea = a?.Area, aDisaggregation = a?.Disaggregation,
            take = Math.Clamp(query.Take, 1, MaxPageSize + 1),
        })).ToList();
    }

    /// <summary>When what the reader may see last changed (for ETags): the newest acceptance among the indicators in scope.</summary>
    public async Task<long> VersionAsync(string? pd, string? code)
    {
        var (scope, stopped) = TenantScope("tenant", pd);
        return await session.ExecuteScalarAsync<long?>(
            $"SELECT MAX(accepted_utc) FROM stat_public_indicators WHERE {scope}" + (code is null ? "" : " AND code = @code"),
            new { self = tenant.Name, only = pd, stopped, code }) ?? 0;
    }

    private const string IndicatorColumns = """
        tenant AS Tenant, code AS Code, title AS Title, periodicity AS PeriodicityCode, data_group AS DataGroup, category AS Category,
        estimation_level AS EstimationLevel, unit AS Unit, decimals AS Decimals, metadata AS MetadataJson, latest_period AS LatestPeriod,
        latest_value AS LatestValue, accepted_utc AS AcceptedUtc
        """;
}

public sealed record IndicatorListQuery
{
    public string? Tenant { get; init; }
    public string? DataGroup { get; init; }
    public IReadOnlyCollection<string>? Codes { get; init; }
    public bool LatestFirst { get; init; }
    public int Take { get; init; } = 100;
    public int Skip { get; init; }
}

public sealed record ObservationQuery
{
    public string? Tenant { get; init; }
    public string? Code { get; init; }
    public IReadOnlyCollection<string>? Areas { get; init; }
    public string? Disaggregation { get; init; }
    public string? StartPeriod { get; init; }
    public string? EndPeriod { get; init; }
    public DateTimeOffset? UpdatedAfter { get; init; }
    public int? LastN { get; init; }
    public ObservationKey? After { get; init; }
    public int Take { get; init; } = 1000;
}

/// <summary>Where a page of observations ends: the next page starts after it.</summary>
public sealed record ObservationKey(string Tenant, string Code, string Period, string Area, string Disaggregation);

public sealed class PublicIndicator
{
    public string Tenant { get; set; } = "";
    public string Code { get; set; } = "";
    public string Title { get; set; } = "";
    public string PeriodicityCode { get; set; } = "";
    public string DataGroup { get; set; } = "";
    public string Category { get; set; } = "";
    public string EstimationLevel { get; set; } = "";
    public string Unit { get; set; } = "";
    public int Decimals { get; set; }
    public string MetadataJson { get; set; } = "{}";
    public string? LatestPeriod { get; set; }
    public double? LatestValue { get; set; }
    public DateTimeOffset AcceptedUtc { get; set; }

    public Periodicity Periodicity => Periodicities.TryParse(PeriodicityCode, out var p) ? p : Periodicity.Tahunan;
    public IndicatorPart Metadata => JsonSerializer.Deserialize<IndicatorPart>(MetadataJson) ?? new IndicatorPart();
}

public sealed class PublicObservation
{
    public string Tenant { get; set; } = "";
    public string Code { get; set; } = "";
    public string Period { get; set; } = "";
    public string Area { get; set; } = "";
    public string Disaggregation { get; set; } = "";
    public double Value { get; set; }
    public string Status { get; set; } = "";
    public DateTimeOffset AcceptedUtc { get; set; }

    public ObservationKey Key => new(Tenant, Code, Period, Area, Disaggregation);
}
