using System.Text.Json;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Applications.Catalogue;
using OrchardSpbe.Applications.Register;
using OrchardSpbe.Audit;
using OrchardSpbe.Data;
using OrchardSpbe.Handover;
using OrchardSpbe.Localization;
using OrchardSpbe.Signals;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Applications.Registration;

/// <summary>
/// Diskominfostandi on the portal (001 Pasal 9(2)): reads what a PD handed over with its documents and test evidence,
/// sets the security level and registers it (a registration number is issued) or returns it with notes. The decision
/// travels back to the PD by the hand-over, in the same transaction. A registered public application is copied — its
/// non-sensitive fields only — into the catalogue.
/// </summary>
public sealed class ReviewService(
    TenantSession session, TenantContext context, IChangeBus changes, AppDataFolder appData, HandoverOutbox outbox, CatalogueWriter catalogue, AuditLog audit, TimeProvider clock, IStringLocalizer<Strings> T)
{
    public async Task<IReadOnlyList<RegisterRow>> ListAsync(string? kind, string? state) =>
        (await session.QueryAsync<RegisterRow>("""
            SELECT tenant, kind, id, name, state, registration_number, security_level, submitted_by, submitted_utc, received_utc, decided_by, decided_utc, note
            FROM app_register WHERE (@kind IS NULL OR kind = @kind) AND (@state IS NULL OR state = @state) ORDER BY received_utc DESC LIMIT 500
            """, new { kind, state })).ToList();

    public async Task<RegisterRow?> FindAsync(string tenant, string kind, string id) =>
        await session.QuerySingleOrDefaultAsync<RegisterRow>("SELECT * FROM app_register WHERE tenant = @tenant AND kind = @kind AND id = @id", new { tenant, kind, id });

    public async Task<IReadOnlyList<RegisterDocument>> DocumentsAsync(string tenant, string id) =>
        (await session.QueryAsync<RegisterDocument>("SELECT * FROM app_register_documents WHERE tenant = @tenant AND application_id = @id ORDER BY kind", new { tenant, id })).ToList();

    public string PathOf(RegisterDocument document) =>
        appData.Combine("Sites", TenantRecord.DefaultName, "aplikasi", document.Tenant, document.ApplicationId, document.StoredName);

    public async Task<string?> RegisterAsync(string tenant, string kind, string id, string? securityLevel, string userName)
    {
        if (!ApplicationTerms.IsOneOf(ApplicationTerms.SecurityLevels, securityLevel))
            return T["Pilih tingkat keamanan sebelum meregistrasi (Perwal 001 Pasal 9 ayat 2)."];
        await using var transaction = await session.BeginTransactionAsync();
        if (await FindAsync(tenant, kind, id) is not { State: RegistrationStates.Waiting } row) return T["Pengajuan ini tidak sedang menunggu tinjauan."];
        var now = clock.GetUtcNow();
        var number = row.RegistrationNumber;
        if (number is null)
        {
            var prefix = $"SPBE-{(kind == RegisterKinds.Device ? "PRT" : "APL")}-{now.ToOffset(TimeSpan.FromHours(7)).Year:D4}-";
            var count = await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM app_register WHERE registration_number LIKE @pattern", new { pattern = prefix + "%" });
            number = prefix + (count + 1).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        }
        try
        {
            await session.ExecuteAsync("""
                UPDATE app_register SET state = 'terdaftar', registration_number = @number, security_level = @securityLevel, decided_by = @userName,
                    decided_utc = @now, note = NULL WHERE tenant = @tenant AND kind = @kind AND id = @id
                """, new { number, securityLevel, userName, now = UnixTime.Ms(now), tenant, kind, id });
        }
        catch (Exception exception) when (SqlDialect.IsUniqueViolation(exception))
        {
            return T["Alamat aplikasi ini sudah terdaftar untuk aplikasi lain; kembalikan pengajuan dengan catatan."];
        }
        if (kind == RegisterKinds.Application)
        {
            var submission = JsonSerializer.Deserialize<ApplicationSubmission>(row.Payload, HandoverOutbox.Json)!;
            await catalogue.WriteAsync(tenant, submission.Application, submission.Datasets, submission.Programmers, number, now);
            // The catalogue's cached pages and the search index catch up on every node.
            var portal = context.Name;
            await session.AfterCommitAsync("applications-catalogue", () => changes.PublishAsync(new HostChange(HostChangeKind.ContentChanged, portal)));
        }
        await outbox.SendAsync(tenant, HandoverKinds.Decision, id, new RegistrationDecision(kind, id, RegistrationStates.Registered, number, securityLevel, null, userName, now)
        {
            SubmittedBy = row.SubmittedBy, Held = kind == RegisterKinds.Application ? await RegisterReplies.HeldAsync(session, tenant, id) : null,
        });
        await audit.RecordAsync(kind == RegisterKinds.Device ? "device.registered" : "application.registered", $"{tenant}/{id}", $"{row.Name}: {number}, keamanan {securityLevel}", userName);
        await transaction.CommitAsync();
        return null;
    }

    public async Task<string?> ReturnAsync(string tenant, string kind, string id, string? note, string userName)
    {
        note = note?.Trim();
        if (string.IsNullOrEmpty(note) || note.Length > 4000) return T["Tulis catatan untuk perangkat daerah (paling banyak 4.000 karakter)."];
        await using var transaction = await session.BeginTransactionAsync();
        if (await FindAsync(tenant, kind, id) is not { State: RegistrationStates.Waiting } row) return T["Pengajuan ini tidak sedang menunggu tinjauan."];
        var now = clock.GetUtcNow();
        await session.ExecuteAsync("""
            UPDATE app_register SET state = 'dikembalikan', decided_by = @userName, decided_utc = @now, note = @note WHERE tenant = @tenant AND kind = @kind AND id = @id
            """, new { userName, now = UnixTime.Ms(now), note, tenant, kind, id });
        // A returned device frees the ranges it held; it claims them again when resubmitted.
        if (kind == RegisterKinds.Device) await session.ExecuteAsync("DELETE FROM app_register_ranges WHERE tenant = @tenant AND device_id = @id", new { tenant, id });
        await outbox.SendAsync(tenant, HandoverKinds.Decision, id, new RegistrationDecision(kind, id, RegistrationStates.Returned, null, null, note, userName, now)
        {
            SubmittedBy = row.SubmittedBy, Held = kind == RegisterKinds.Application ? await RegisterReplies.HeldAsync(session, tenant, id) : null,
        });
        await audit.RecordAsync(kind == RegisterKinds.Device ? "device.returned" : "application.returned", $"{tenant}/{id}", $"{row.Name}: {note}", userName);
        await transaction.CommitAsync();
        return null;
    }
}
