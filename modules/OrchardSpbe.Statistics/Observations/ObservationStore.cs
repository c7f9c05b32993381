using OrchardSpbe.Data;

namespace OrchardSpbe.Statistics.Observations;

/// <summary>
/// A PD's working values. Every write goes through one set-based merge: the values are loaded into a temporary table,
/// those that differ from what is stored get a history row (who, when, from where), then they replace the stored
/// ones — one path for a grid save of ten cells and an import of a million, in the caller's transaction.
/// </summary>
public sealed class ObservationStore(TenantSession session, TimeProvider clock)
{
    private static readonly string[] Columns = ["period", "area", "disaggregation", "value", "status", "note"];

    /// <summary>Writes the values of one indicator; returns how many changed.</summary>
    public async Task<long> WriteAsync(string indicatorId, IEnumerable<ObservationInput> values, string? userName, string source,
        CancellationToken cancellationToken = default)
    {
        await using var transaction = await session.BeginTransactionAsync(cancellationToken);
        await session.CreateTempTableAsync("stat_incoming",
            $"period TEXT NOT NULL, area TEXT NOT NULL, disaggregation TEXT NOT NULL, value {session.Dialect.Double} NOT NULL, status TEXT NOT NULL, note TEXT NULL");
        await session.LoadAsync("stat_incoming", Columns,
            values.Select(v => new object?[] { v.Period, v.Area, v.Disaggregation, v.Value, v.Status, v.Note }), cancellationToken);
        var parameters = new { indicatorId, userName, source, now = UnixTime.Ms(clock.GetUtcNow()) };
        // A temp table has no statistics; without them PostgreSQL plans the joins below for a handful of rows.
        if (session.Dialect == SqlDialect.Postgres) await session.ExecuteAsync("ANALYZE stat_incoming");
        long count;
        if (await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM stat_observations WHERE indicator_id = @indicatorId", new { indicatorId }) == 0)
        {
            // An indicator's first values (the usual big import): every row is new, nothing to compare or replace.
            count = await session.ExecuteAsync("""
                INSERT INTO stat_observation_history (indicator_id, period, area, disaggregation, value, status, note, changed_by, changed_utc, source)
                SELECT @indicatorId, period, area, disaggregation, value, status, note, @userName, @now, @source FROM stat_incoming
                """, parameters);
            await session.ExecuteAsync("""
                INSERT INTO stat_observations (indicator_id, period, area, disaggregation, value, status, note, updated_by, updated_utc)
                SELECT @indicatorId, period, area, disaggregation, value, status, note, @userName, @now FROM stat_incoming
                """, parameters);
        }
        else
        {
            const string changed = """
                FROM stat_incoming i LEFT JOIN stat_observations o
                  ON o.indicator_id = @indicatorId AND o.period = i.period AND o.area = i.area AND o.disaggregation = i.disaggregation
                WHERE o.indicator_id IS NULL OR o.value <> i.value OR o.status <> i.status OR COALESCE(o.note, '') <> COALESCE(i.note, '')
                """;
            count = await session.ExecuteAsync($"""
                INSERT INTO stat_observation_history (indicator_id, period, area, disaggregation, value, status, note, changed_by, changed_utc, source)
                SELECT @indicatorId, i.period, i.area, i.disaggregation, i.value, i.status, i.note, @userName, @now, @source {changed}
                """, parameters);
            await session.ExecuteAsync("""
                INSERT INTO stat_observations (indicator_id, period, area, disaggregation, value, status, note, updated_by, updated_utc)
                SELECT @indicatorId, period, area, disaggregation, value, status, note, @userName, @now FROM stat_incoming WHERE TRUE
                ON CONFLICT (indicator_id, period, area, disaggregation) DO UPDATE SET
                    value = excluded.value, status = excluded.status, note = excluded.note, updated_by = excluded.updated_by, updated_utc = excluded.updated_utc
                WHERE stat_observations.value <> excluded.value OR stat_observations.status <> excluded.status
                   OR COALESCE(stat_observations.note, '') <> COALESCE(excluded.note, '')
                """, parameters);
        }
        await session.ExecuteAsync("DROP TABLE stat_incoming");
        await transaction.CommitAsync();
        return count;
    }

    /// <summary>The indicator's values between two periods (inclusive; text order within one periodicity).</summary>
    public async Task<IReadOnlyList<ObservationRow>> ListAsync(string indicatorId, string? fromPeriod = null, string? toPeriod = null) =>
        (await session.QueryAsync<ObservationRow>("""
            SELECT period AS Period, area AS Area, disaggregation AS Disaggregation, value AS Value, status AS Status, note AS Note,
                   updated_by AS UpdatedBy, updated_utc AS UpdatedUtc
            FROM stat_observations
            WHERE indicator_id = @indicatorId AND (@fromPeriod IS NULL OR period >= @fromPeriod) AND (@toPeriod IS NULL OR period <= @toPeriod)
            ORDER BY period, area, disaggregation
            """, new { indicatorId, fromPeriod, toPeriod })).ToList();

    /// <summary>Every state one value has had, newest first.</summary>
    public async Task<IReadOnlyList<ObservationRevision>> RevisionsAsync(string indicatorId, string period, string area, string disaggregation) =>
        (await session.QueryAsync<ObservationRevision>("""
            SELECT value AS Value, status AS Status, note AS Note, changed_by AS ChangedBy, changed_utc AS ChangedUtc, source AS Source
            FROM stat_observation_history
            WHERE indicator_id = @indicatorId AND period = @period AND area = @area AND disaggregation = @disaggregation
            ORDER BY id DESC
            """, new { indicatorId, period, area, disaggregation })).ToList();

    public async Task<long> CountAsync(string indicatorId) =>
        await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM stat_observations WHERE indicator_id = @indicatorId", new { indicatorId });
}
