using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Audit;
using OrchardSpbe.Data;
using OrchardSpbe.Handover;
using OrchardSpbe.Localization;
using OrchardSpbe.Statistics.Indicators;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Statistics.Submissions;

/// <summary>
/// The PD side of the monthly hand-over (001 Pasal 20(6)): the data officer submits the values changed since the last
/// accepted submission; they travel to the portal's verifiers by the Core hand-over, in the same transaction.
/// </summary>
public sealed class SubmissionService(
    TenantSession session,
    TenantContext tenant,
    IndicatorDirectory indicators,
    HandoverOutbox outbox,
    AuditLog audit,
    TimeProvider clock,
    IStringLocalizer<Strings> T)
{
    public async Task<SubmissionResult> SubmitAsync(string? month, string? summary, string userName)
    {
        summary = (summary ?? "").Trim();
        if (!ReportingMonth.TryParse(month, out var reportingMonth)) return SubmissionResult.Fail("month", T["Bulan pelaporan tidak valid (tulis seperti 2026-11)."]);
        if (reportingMonth.Start > clock.GetUtcNow()) return SubmissionResult.Fail("month", T["Bulan pelaporan belum dimulai."]);
        if (summary.Length > 4000) return SubmissionResult.Fail("summary", T["Ringkasan paling banyak 4.000 karakter."]);

        await using var transaction = await session.BeginTransactionAsync();
        if (await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM stat_submissions WHERE month = @month AND state = @accepted",
                new { month = reportingMonth.ToString(), accepted = SubmissionStates.Accepted }) > 0)
            return SubmissionResult.Fail("month", T["Penyampaian bulan {0} sudah diterima; perubahan berikutnya disampaikan pada bulan berikutnya.", reportingMonth.Label]);

        var snapshots = new List<IndicatorSnapshot>();
        foreach (var row in (await indicators.ListAsync()).Where(r => r.Published))
            if (await indicators.PublishedAsync(row.ContentItemId) is { } published)
                snapshots.Add(new IndicatorSnapshot(published.Part.Code, published.Title, published.Part));

        var id = Guid.NewGuid().ToString("N")[..20];
        var now = clock.GetUtcNow();
        try
        {
            await session.ExecuteAsync("""
                INSERT INTO stat_submissions (id, month, state, summary, value_count, indicators, submitted_by, submitted_utc)
                VALUES (@id, @month, @state, @summary, 0, @indicators, @userName, @now)
                """, new { id, month = reportingMonth.ToString(), state = SubmissionStates.Waiting, summary, indicators = JsonSerializer.Serialize(snapshots), userName, now = UnixTime.Ms(now) });
        }
        catch (Exception exception) when (SqlDialect.IsUniqueViolation(exception))
        {
            // Another data officer's submission is waiting for the verifier (two at once: the first one counts).
            return SubmissionResult.Fail("month", T["Masih ada penyampaian yang menunggu verifikasi; tunggu keputusannya sebelum mengirim lagi."]);
        }

        // The values that differ from what was last accepted (the public copy), of published indicators.
        var count = await session.ExecuteAsync("""
            INSERT INTO stat_submission_values (submission_id, code, period, area, disaggregation, value, status, note)
            SELECT @id, i.code, o.period, o.area, o.disaggregation, o.value, o.status, o.note
            FROM stat_observations o
            JOIN stat_indicators i ON i.content_item_id = o.indicator_id AND i.published = TRUE
            LEFT JOIN stat_public_observations p
              ON p.tenant = @self AND p.code = i.code AND p.period = o.period AND p.area = o.area AND p.disaggregation = o.disaggregation
            WHERE p.code IS NULL OR p.value <> o.value OR p.status <> o.status
            """, new { id, self = tenant.Name });
        await session.ExecuteAsync("UPDATE stat_submissions SET value_count = @count WHERE id = @id", new { id, count });
        var values = (await session.QueryAsync<ValueSnapshot>("""
            SELECT code AS Code, period AS Period, area AS Area, disaggregation AS Disaggregation, value AS Value, status AS Status, note AS Note
            FROM stat_submission_values WHERE submission_id = @id ORDER BY code, period, area, disaggregation
            """, new { id })).ToList();

        var payload = new SubmissionPayload(reportingMonth.ToString(), summary, userName, now, snapshots, values);
        await outbox.SendAsync(TenantRecord.DefaultName, HandoverKinds.Submission, id, payload);
        await audit.RecordAsync("statistics.submitted", id, $"{reportingMonth}: {count} nilai");
        await transaction.CommitAsync();
        return SubmissionResult.Ok(id, count);
    }

    public async Task<IReadOnlyList<SubmissionRow>> HistoryAsync(int take = 60) =>
        (await session.QueryAsync<SubmissionRow>($"""
            SELECT id AS Id, month AS Month, state AS State, summary AS Summary, value_count AS ValueCount, submitted_by AS SubmittedBy,
                   submitted_utc AS SubmittedUtc, decided_by AS DecidedBy, decided_utc AS DecidedUtc, decision_note AS DecisionNote
            FROM stat_submissions ORDER BY submitted_utc DESC LIMIT {take}
            """)).ToList();

    public async Task<IReadOnlyList<(string Month, string Mark)>> MarksAsync() =>
        (await session.QueryAsync<(string, string)>("SELECT month, mark FROM stat_compliance_marks ORDER BY month DESC")).ToList();

    /// <summary>Values changed since the last accepted submission (what a submission now would carry).</summary>
    public async Task<long> PendingCountAsync() =>
        await session.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM stat_observations o
            JOIN stat_indicators i ON i.content_item_id = o.indicator_id AND i.published = TRUE
            LEFT JOIN stat_public_observations p
              ON p.tenant = @self AND p.code = i.code AND p.period = o.period AND p.area = o.area AND p.disaggregation = o.disaggregation
            WHERE p.code IS NULL OR p.value <> o.value OR p.status <> o.status
            """, new { self = tenant.Name });
}

public sealed record SubmissionResult(bool Succeeded, string? Id, long Count, string? Field, string? Error)
{
    public static SubmissionResult Ok(string id, long count) => new(true, id, count, null, null);
    public static SubmissionResult Fail(string field, string error) => new(false, null, 0, field, error);
}

/// <summary>A submission as the PD keeps it; the portal's copy (<see cref="InboundSubmission"/>) adds who sent it and when it arrived.</summary>
public class SubmissionRow
{
    public string Id { get; set; } = "";
    public string Month { get; set; } = "";
    public string State { get; set; } = "";
    public string Summary { get; set; } = "";
    public long ValueCount { get; set; }
    public string SubmittedBy { get; set; } = "";
    public DateTimeOffset SubmittedUtc { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedUtc { get; set; }
    public string? DecisionNote { get; set; }
}

/// <summary>A reporting month ("2026-11") and its due window: the last seven days (001 Pasal 20(6)), in WIB.</summary>
public readonly record struct ReportingMonth(int Year, int Month)
{
    public static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    public DateTimeOffset Start => new(Year, Month, 1, 0, 0, 0, Wib);
    public DateTimeOffset End => Start.AddMonths(1);

    /// <summary>The due window opens seven days before the month ends.</summary>
    public DateTimeOffset DueWindowStart => End.AddDays(-7);

    public string Label => CultureInfo.GetCultureInfo("id-ID").DateTimeFormat.GetMonthName(Month) + " " + Year;

    public ReportingMonth Previous() => Month == 1 ? new(Year - 1, 12) : new(Year, Month - 1);

    public override string ToString() => $"{Year:D4}-{Month:D2}";

    public static ReportingMonth Containing(DateTimeOffset moment)
    {
        var wib = moment.ToOffset(Wib);
        return new ReportingMonth(wib.Year, wib.Month);
    }

    public static bool TryParse(string? text, out ReportingMonth month)
    {
        month = default;
        text = text?.Trim();
        if (text is not { Length: 7 } || text[4] != '-') return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2999) return false;
        if (!int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m is < 1 or > 12) return false;
        month = new ReportingMonth(year, m);
        return true;
    }
}
