using System.Text.Json;
using OrchardSpbe.Data;
using OrchardSpbe.Reference;
using OrchardSpbe.Statistics.Indicators;
using OrchardSpbe.Statistics.Submissions;

namespace OrchardSpbe.Statistics.Public;

/// <summary>
/// Makes accepted values public: on the portal when the verifier accepts (the city's cross-sector database, 001
/// Pasal 20(3)), on the PD when the decision arrives. Same tables, same code, in the caller's transaction.
/// </summary>
public sealed class PublicStatisticsWriter(TenantSession session)
{
    private static readonly string[] Columns = ["code", "period", "area", "disaggregation", "value", "status"];

    public async Task ApplyAcceptedAsync(string tenant, IReadOnlyList<IndicatorSnapshot> indicators, IEnumerable<ValueSnapshot> values, DateTimeOffset acceptedUtc)
    {
        var at = UnixTime.Ms(acceptedUtc);
        foreach (var indicator in indicators)
        {
            var m = indicator.Metadata;
            await session.ExecuteAsync("""
                INSERT INTO stat_public_indicators (tenant, code, title, periodicity, data_group, category, estimation_level, unit, decimals, is_public, metadata, accepted_utc)
                VALUES (@tenant, @code, @title, @periodicity, @group, @category, @level, @unit, @decimals, @isPublic, @metadata, @at)
                ON CONFLICT (tenant, code) DO UPDATE SET title = excluded.title, periodicity = excluded.periodicity, data_group = excluded.data_group,
                    category = excluded.category, estimation_level = excluded.estimation_level, unit = excluded.unit, decimals = excluded.decimals,
                    is_public = excluded.is_public, metadata = excluded.metadata, accepted_utc = excluded.accepted_utc
                """, new
            {
                tenant, code = indicator.Code, title = indicator.Title, periodicity = m.Periodicity.ToString().ToLowerInvariant(), group = m.DataGroup,
                category = m.Category, level = m.EstimationLevel, unit = m.Unit, decimals = m.Decimals, isPublic = m.PubliclyAccessible,
                metadata = JsonSerializer.Serialize(m), at,
            });
        }

        await session.CreateTempTableAsync("stat_accepted",
            $"code TEXT NOT NULL, period TEXT NOT NULL, area TEXT NOT NULL, disaggregation TEXT NOT NULL, value {session.Dialect.Double} NOT NULL, status TEXT NOT NULL");
        await session.LoadAsync("stat_accepted", Columns, values.Select(v => new object?[] { v.Code, v.Period, v.Area, v.Disaggregation, v.Value, v.Status }));
        await session.ExecuteAsync("""
            INSERT INTO stat_public_observations (tenant, code, period, area, disaggregation, value, status, accepted_utc)
            SELECT @tenant, code, period, area, disaggregation, value, status, @at FROM stat_accepted WHERE TRUE
            ON CONFLICT (tenant, code, period, area, disaggregation) DO UPDATE SET
                value = excluded.value, status = excluded.status, accepted_utc = excluded.accepted_utc
            """, new { tenant, at });
        await session.ExecuteAsync("DROP TABLE stat_accepted");

        // Each indicator's latest period and the city-wide total then (what a search hit and the home page show).
        await session.ExecuteAsync("""
            UPDATE stat_public_indicators SET
                latest_period = (SELECT MAX(o.period) FROM stat_public_observations o
                                 WHERE o.tenant = stat_public_indicators.tenant AND o.code = stat_public_indicators.code),
                latest_value = (SELECT o.value FROM stat_public_observations o
                                WHERE o.tenant = stat_public_indicators.tenant AND o.code = stat_public_indicators.code
                                  AND o.area = @city AND o.disaggregation = '' ORDER BY o.period DESC LIMIT 1)
            WHERE tenant = @tenant
            """, new { tenant, city = AreaCodes.CityCode });
    }
}
