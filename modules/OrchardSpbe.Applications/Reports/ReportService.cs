using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Applications.Register;
using OrchardSpbe.Applications.Registration;
using OrchardSpbe.Audit;
using OrchardSpbe.Data;
using OrchardSpbe.Handover;
using OrchardSpbe.Localization;
using OrchardSpbe.Notifications;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Applications.Reports;

/// <summary>One application as the semester report lists it.</summary>
public sealed record ReportedApplication(string Name, string? RegistrationNumber, string AppClass, string Lifecycle, string State);

/// <summary>The semester ICT report a PD hands to the Mayor through Diskominfostandi (001 Pasal 26(1)).</summary>
public sealed record SemesterReport(string Semester, IReadOnlyList<ReportedApplication> Applications, int Devices, string Incidents, string Changes,
    string SubmittedBy, DateTimeOffset SubmittedUtc);

/// <summary>
/// The PD side of the semester report: pre-filled from the register (the applications in use and the devices), the
/// PD adds its incidents and changes, and it travels to the portal by the hand-over. A later report for the same
/// semester replaces the earlier one.
/// </summary>
public sealed class ReportService(TenantSession session, ApplicationStore applications, DeviceStore devices, HandoverOutbox outbox, AuditLog audit, TimeProvider clock, IStringLocalizer<Strings> T)
{
    public async Task<SemesterReport> PrefillAsync(string semester, string userName)
    {
        var apps = (await applications.ListAsync()).Where(a => a.Lifecycle != ApplicationTerms.Retired)
            .Select(a => new ReportedApplication(a.Name, a.RegistrationNumber, a.AppClass, a.Lifecycle, a.State)).ToList();
        var count = (await devices.ListAsync()).Count(d => d.Status is "aktif" or "cadangan");
        return new SemesterReport(semester, apps, count, "", "", userName, clock.GetUtcNow());
    }

    public async Task<IReadOnlyList<(string Semester, DateTimeOffset SubmittedUtc, string SubmittedBy)>> HistoryAsync() =>
        (await session.QueryAsync<(string, DateTimeOffset, string)>("SELECT semester, submitted_utc, submitted_by FROM app_reports ORDER BY semester DESC")).ToList();

    public async Task<(string? Field, string? Error)> SubmitAsync(string? semesterText, string? incidents, string? changes, string userName)
    {
        var now = clock.GetUtcNow();
        if (!Semester.TryParse(semesterText, out var semester) || semester.Start > now) return ("semester", T["Pilih semester yang sudah dimulai (mis. 2026-S2)."]);
        incidents = incidents?.Trim() ?? "";
        changes = changes?.Trim() ?? "";
        if (incidents.Length > 8000) return ("incidents", T["Paling banyak 8.000 karakter."]);
        if (changes.Length > 8000) return ("changes", T["Paling banyak 8.000 karakter."]);
        var report = await PrefillAsync(semester.ToString(), userName) with { Incidents = incidents, Changes = changes, SubmittedUtc = now };
        await using var transaction = await session.BeginTransactionAsync();
        await session.ExecuteAsync("""
            INSERT INTO app_reports (semester, applications, devices, content, incidents, changes, submitted_by, submitted_utc)
            VALUES (@semester, @applications, @devices, @content, @incidents, @changes, @userName, @now)
            ON CONFLICT (semester) DO UPDATE SET applications = excluded.applications, devices = excluded.devices, content = excluded.content,
                incidents = excluded.incidents, changes = excluded.changes, submitted_by = excluded.submitted_by, submitted_utc = excluded.submitted_utc
            """, new
        {
            semester = report.Semester, applications = report.Applications.Count, devices = report.Devices, content = JsonSerializer.Serialize(report.Applications, HandoverOutbox.Json),
            incidents, changes, userName, now = UnixTime.Ms(now),
        });
        await outbox.SendAsync(TenantRecord.DefaultName, HandoverKinds.Report, report.Semester, report);
        await audit.RecordAsync("applications.report.submitted", report.Semester, $"{report.Applications.Count} aplikasi, {report.Devices} perangkat", userName);
        await transaction.CommitAsync();
        return (null, null);
    }
}

/// <summary>On the portal: a PD's semester report arrives.</summary>
public sealed class ReportReceivedHandler : IHandoverHandler
{
    public string Kind => HandoverKinds.Report;

    public async Task HandleAsync(HandoverMessage message, IServiceProvider services, CancellationToken cancellationToken)
    {
        var report = JsonSerializer.Deserialize<SemesterReport>(message.Payload, HandoverOutbox.Json)!;
        await services.GetRequiredService<TenantSession>().ExecuteAsync("""
            INSERT INTO app_inbound_reports (tenant, semester, applications, devices, content, incidents, changes, submitted_by, submitted_utc, received_utc)
            VALUES (@tenant, @semester, @applications, @devices, @content, @incidents, @changes, @by, @at, @now)
            ON CONFLICT (tenant, semester) DO UPDATE SET applications = excluded.applications, devices = excluded.devices, content = excluded.content,
                incidents = excluded.incidents, changes = excluded.changes, submitted_by = excluded.submitted_by, submitted_utc = excluded.submitted_utc,
                received_utc = excluded.received_utc
            """, new
        {
            tenant = message.From, semester = report.Semester, applications = report.Applications.Count, devices = report.Devices,
            content = JsonSerializer.Serialize(report.Applications, HandoverOutbox.Json), incidents = report.Incidents, changes = report.Changes,
            by = report.SubmittedBy, at = UnixTime.Ms(report.SubmittedUtc), now = UnixTime.Now,
        });
        await RegisterNotices.ToRegistrarsAsync(services, message.From, pd => new Notification($"Laporan TIK {report.Semester} dari {pd}",
            $"{pd} menyampaikan laporan penyelenggaraan TIK semester {report.Semester}: {report.Applications.Count} aplikasi, {report.Devices} perangkat (Perwal 001 Pasal 26 ayat 1).",
            $"/admin/aplikasi/kepatuhan?semester={report.Semester}"));
    }
}
