using Microsoft.Extensions.Localization;
using OrchardSpbe.Applications.Documents;
using OrchardSpbe.Applications.Register;
using OrchardSpbe.Audit;
using OrchardSpbe.Data;
using OrchardSpbe.Handover;
using OrchardSpbe.Localization;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Applications.Registration;

/// <summary>
/// The PD side of registration (001 Pasal 9(1)): an application or device travels to Diskominfostandi on the portal by
/// the Core hand-over, in the same transaction that marks it waiting; nothing else crosses tenants.
/// </summary>
public sealed class SubmissionService(
    TenantSession session, TenantContext tenant, ApplicationStore applications, DeviceStore devices, DocumentRepository documents,
    HandoverOutbox outbox, AuditLog audit, TimeProvider clock, IStringLocalizer<Strings> T)
{
    private static readonly string[] Submittable = [RegistrationStates.Draft, RegistrationStates.Returned, RegistrationStates.Changed];

    public async Task<string?> SubmitApplicationAsync(string id, string userName)
    {
        if (await applications.FindAsync(id) is not { } application) return T["Aplikasi tidak ditemukan."];
        if (!Submittable.Contains(application.State)) return T["Aplikasi ini sudah diajukan atau terdaftar; ubah datanya lebih dulu bila perlu ditinjau ulang."];
        var present = (await applications.DocumentsAsync(id)).Select(d => d.Kind).ToHashSet();
        if (application.Lifecycle == ApplicationTerms.Production && !present.Contains("backup-restore"))
            return T["Tahap produksi memerlukan prosedur backup dan restore (Perwal 001 Pasal 14 ayat 7): unggah dokumennya lebih dulu."];
        if (present.Count == 0) return T["Unggah dokumen aplikasi lebih dulu; Diskominfostandi meninjau dokumen dan bukti pengujiannya."];
        var now = clock.GetUtcNow();
        await using var transaction = await session.BeginTransactionAsync();
        var changed = await session.ExecuteAsync("""
            UPDATE app_applications SET state = @waiting, submitted_utc = @now, review_note = NULL WHERE id = @id AND state IN ('draf', 'dikembalikan', 'perubahan')
            """, new { id, waiting = RegistrationStates.Waiting, now = UnixTime.Ms(now) });
        if (changed == 0) return T["Aplikasi ini sudah diajukan atau terdaftar; ubah datanya lebih dulu bila perlu ditinjau ulang."];
        var payload = new ApplicationSubmission(application, tenant.Shell.Record.DisplayName, await documents.LatestCopiesAsync(id, await documents.HeldByPortalAsync(id)), userName, now)
        {
            Datasets = await applications.DatasetLinksAsync(application.DatasetList),
            Programmers = await applications.ProgrammerLinksAsync(application),
        };
        await outbox.SendAsync(TenantRecord.DefaultName, HandoverKinds.Application, id, payload);
        await audit.RecordAsync("application.submitted", id, application.Name, userName);
        await transaction.CommitAsync();
        return null;
    }

    public async Task<string?> SubmitDeviceAsync(string id, string userName)
    {
        if (await devices.FindAsync(id) is not { } device) return T["Perangkat tidak ditemukan."];
        if (!Submittable.Contains(device.State)) return T["Perangkat ini sudah diajukan atau terdaftar."];
        var now = clock.GetUtcNow();
        await using var transaction = await session.BeginTransactionAsync();
        var changed = await session.ExecuteAsync("""
            UPDATE app_devices SET state = @waiting, submitted_utc = @now, review_note = NULL WHERE id = @id AND state IN ('draf', 'dikembalikan', 'perubahan')
            """, new { id, waiting = RegistrationStates.Waiting, now = UnixTime.Ms(now) });
        if (changed == 0) return T["Perangkat ini sudah diajukan atau terdaftar."];
        await outbox.SendAsync(TenantRecord.DefaultName, HandoverKinds.Device, id, new DeviceSubmission(device, userName, now));
        await audit.RecordAsync("device.submitted", id, device.Title, userName);
        await transaction.CommitAsync();
        return null;
    }
}
