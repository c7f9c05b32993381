using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Applications.Register;
using OrchardSpbe.Data;
using OrchardSpbe.Handover;
using OrchardSpbe.Notifications;

namespace OrchardSpbe.Applications.Registration;

/// <summary>
/// On the portal: a PD's application arrives for registration. A URL another application is registered under is
/// refused at once (the PD is told why, the register keeps nothing); otherwise it waits for Diskominfostandi's review,
/// its documents kept in Diskominfo's repository (002 Pasal 13(5)).
/// </summary>
public sealed class ApplicationReceivedHandler(AppDataFolder appData, TimeProvider clock) : IHandoverHandler
{
    public string Kind => HandoverKinds.Application;

    public async Task HandleAsync(HandoverMessage message, IServiceProvider services, CancellationToken cancellationToken)
    {
        var submission = JsonSerializer.Deserialize<ApplicationSubmission>(message.Payload, HandoverOutbox.Json)!;
        var application = submission.Application;
        var session = services.GetRequiredService<TenantSession>();
        var urlKey = ApplicationRecord.UrlKeyOf(application.Url);
        var owner = await session.QuerySingleOrDefaultAsync<string>("""
            SELECT registration_number FROM app_register WHERE url_key = @urlKey AND state = 'terdaftar' AND NOT (tenant = @tenant AND id = @id)
            """, new { urlKey, tenant = message.From, id = message.Subject });
        if (owner is not null)
        {
            await RegisterReplies.SendAsync(services, message.From, new RegistrationDecision(RegisterKinds.Application, message.Subject, RegistrationStates.Refused, null, null,
                $"Alamat {application.Url} sudah terdaftar untuk aplikasi lain ({owner}); satu alamat hanya untuk satu aplikasi.", "Diskominfostandi", clock.GetUtcNow())
                { SubmittedBy = submission.SubmittedBy, Held = await RegisterReplies.HeldAsync(session, message.From, message.Subject) });
            return;
        }

        // The repository keeps what it holds (by SHA-256) and writes only the bytes that came; the listing is the full set,
        // so the checklist still sees every document. Versions no longer listed go, their files once this commits.
        var folder = appData.Combine("Sites", message.To, "aplikasi", message.From, message.Subject);
        Directory.CreateDirectory(folder);
        var holding = (await session.QueryAsync<RegisterDocument>("SELECT * FROM app_register_documents WHERE tenant = @tenant AND application_id = @id",
            new { tenant = message.From, id = message.Subject })).ToList();
        await session.ExecuteAsync("DELETE FROM app_register_documents WHERE tenant = @tenant AND application_id = @id", new { tenant = message.From, id = message.Subject });
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in submission.Documents)
        {
            string stored;
            if (document.Content is null)
            {
                // Listed as held, but not here (never arrived): left out, so the checklist shows it missing.
                if (holding.FirstOrDefault(h => h.Sha256 == document.Sha256) is not { } held) continue;
                stored = held.StoredName;
            }
            else
            {
                stored = document.Id + Path.GetExtension(document.FileName).ToLowerInvariant() switch { { Length: > 1 and < 8 } e => e, _ => "" };
                await File.WriteAllBytesAsync(Path.Combine(folder, stored), Convert.FromBase64String(document.Content), cancellationToken);
            }
            kept.Add(stored);
            await session.ExecuteAsync("""
                INSERT INTO app_register_documents (tenant, application_id, id, kind, version, file_name, stored_name, content_type, size, sha256, uploaded_by, uploaded_utc)
                VALUES (@tenant, @id, @documentId, @kind, @version, @fileName, @stored, @contentType, @size, @sha, @uploadedBy, @uploadedUtc)
                """, new
            {
                tenant = message.From, id = message.Subject, documentId = document.Id, kind = document.Kind, version = document.Version, fileName = document.FileName, stored,
                contentType = document.ContentType, size = document.Size, sha = document.Sha256, uploadedBy = document.UploadedBy, uploadedUtc = UnixTime.Ms(document.UploadedUtc),
            });
        }
        var dropped = holding.Select(h => h.StoredName).Where(s => !kept.Contains(s)).Distinct().Select(s => Path.Combine(folder, s)).ToList();
        if (dropped.Count > 0)
            await session.AfterCommitAsync(() =>
            {
                foreach (var file in dropped) File.Delete(file);
                return Task.CompletedTask;
            });
        var payload = JsonSerializer.Serialize(submission with { Documents = [] }, HandoverOutbox.Json);
        await RegisterReplies.UpsertWaitingAsync(session, message.From, RegisterKinds.Application, message.Subject, application.Name, urlKey, payload, submission.SubmittedBy, submission.SubmittedUtc);
        // A registered application coming back after a change of class, hosting or lifecycle is a re-review (001 Pasal 9).
        await RegisterNotices.ToRegistrarsAsync(services, message.From, pd => application.RegistrationNumber is { } number
            ? new Notification($"Perubahan aplikasi {application.Name} ({number}) dari {pd}",
                $"{pd} mengubah kelas, hosting atau tahap aplikasi {application.Name} yang terdaftar dengan nomor {number}; tinjau ulang lalu registrasi atau kembalikan dengan catatan.",
                $"/admin/aplikasi/register/{message.From}/{RegisterKinds.Application}/{message.Subject}")
            : new Notification($"Pengajuan aplikasi {application.Name} dari {pd}",
                $"{pd} mengajukan aplikasi {application.Name} ({submission.Documents.Count} dokumen) untuk registrasi. Tinjau dokumennya, tetapkan tingkat keamanan lalu registrasi atau kembalikan dengan catatan.",
                $"/admin/aplikasi/register/{message.From}/{RegisterKinds.Application}/{message.Subject}"));
    }
}

/// <summary>
/// On the portal: a PD's network device arrives. An IP range overlapping any other device's in the city register
/// (registered or waiting) is refused at once with the clash named (001 Pasal 9(3)); otherwise its ranges are held while
/// it waits for review.
/// </summary>
public sealed class DeviceReceivedHandler(TimeProvider clock) : IHandoverHandler
{
    public string Kind => HandoverKinds.Device;

    public async Task HandleAsync(HandoverMessage message, IServiceProvider services, CancellationToken cancellationToken)
    {
        var submission = JsonSerializer.Deserialize<DeviceSubmission>(message.Payload, HandoverOutbox.Json)!;
        var session = services.GetRequiredService<TenantSession>();
        var (ranges, _) = IpRange.ParseList(submission.Device.IpRanges);
        foreach (var range in ranges)
        {
            var clash = await session.QuerySingleOrDefaultAsync<string>("""
                SELECT cidr FROM app_register_ranges WHERE NOT (tenant = @tenant AND device_id = @id) AND ip_start <= @end AND @start <= ip_end LIMIT 1
                """, new { tenant = message.From, id = message.Subject, start = range.Start, end = range.End });
            if (clash is null) continue;
            await RegisterReplies.SendAsync(services, message.From, new RegistrationDecision(RegisterKinds.Device, message.Subject, RegistrationStates.Refused, null, null,
                $"Rentang IP {range.Cidr} tumpang tindih dengan rentang {clash} yang sudah tercatat di register kota; minta penomoran IP ke Diskominfostandi (Perwal 001 Pasal 9 ayat 3).",
                "Diskominfostandi", clock.GetUtcNow()) { SubmittedBy = submission.SubmittedBy });
            return;
        }
        await session.ExecuteAsync("DELETE FROM app_register_ranges WHERE tenant = @tenant AND device_id = @id", new { tenant = message.From, id = message.Subject });
        foreach (var range in ranges)
            await session.ExecuteAsync("INSERT INTO app_register_ranges (tenant, device_id, cidr, ip_start, ip_end) VALUES (@tenant, @id, @cidr, @start, @end)",
                new { tenant = message.From, id = message.Subject, cidr = range.Cidr, start = range.Start, end = range.End });
        await RegisterReplies.UpsertWaitingAsync(session, message.From, RegisterKinds.Device, message.Subject, submission.Device.Title, null, message.Payload,
            submission.SubmittedBy, submission.SubmittedUtc);
        await RegisterNotices.ToRegistrarsAsync(services, message.From, pd => new Notification($"Pengajuan perangkat {submission.Device.Title} dari {pd}",
            $"{pd} mengajukan perangkat jaringan {submission.Device.Title} ({submission.Device.IpRanges.Replace('\n', ' ')}) untuk registrasi. Tetapkan tingkat keamanan lalu registrasi atau kembalikan dengan catatan.",
            $"/admin/aplikasi/register/{message.From}/{RegisterKinds.Device}/{message.Subject}"));
    }
}

/// <summary>On the PD: Diskominfostandi's decision arrives — the state, registration number, security level and notes.</summary>
public sealed class DecisionReceivedHandler : IHandoverHandler
{
    public string Kind => HandoverKinds.Decision;

    public async Task HandleAsync(HandoverMessage message, IServiceProvider services, CancellationToken cancellationToken)
    {
        var decision = JsonSerializer.Deserialize<RegistrationDecision>(message.Payload, HandoverOutbox.Json)!;
        var device = decision.Kind == RegisterKinds.Device;
        var table = device ? "app_devices" : "app_applications";
        var session = services.GetRequiredService<TenantSession>();
        await session.ExecuteAsync($"""
            UPDATE {table} SET state = @state, registration_number = COALESCE(@number, registration_number), security_level = COALESCE(@level, security_level),
                review_note = @note, decided_utc = @at WHERE id = @id
            """, new { state = decision.State, number = decision.RegistrationNumber, level = decision.SecurityLevel, note = decision.Note, at = UnixTime.Ms(decision.DecidedUtc), id = decision.Id });
        if (!device && decision.Held is { } held)
        {
            await session.ExecuteAsync("DELETE FROM app_portal_documents WHERE application_id = @id", new { id = decision.Id });
            foreach (var sha in held.Distinct())
                await session.ExecuteAsync("INSERT INTO app_portal_documents (application_id, sha256) VALUES (@id, @sha)", new { id = decision.Id, sha });
        }
        var name = await session.QuerySingleOrDefaultAsync<string>(
            device ? "SELECT vendor || ' ' || model FROM app_devices WHERE id = @id" : "SELECT name FROM app_applications WHERE id = @id", new { id = decision.Id });
        if (name is null) return; // a decision on something this PD no longer has: nothing to tell
        var link = device ? "/admin/aplikasi" : $"/admin/aplikasi/{decision.Id}";
        await RegisterNotices.ToPdAsync(services, decision.SubmittedBy, RegisterNotices.Decision(decision, name, link));
    }
}

internal static class RegisterReplies
{
    /// <summary>The SHA-256 of the documents Diskominfo's repository holds for a PD's application.</summary>
    public static async Task<IReadOnlyList<string>> HeldAsync(TenantSession session, string tenant, string id) =>
        (await session.QueryAsync<string>("SELECT DISTINCT sha256 FROM app_register_documents WHERE tenant = @tenant AND application_id = @id", new { tenant, id })).ToList();

    public static Task SendAsync(IServiceProvider services, string pd, RegistrationDecision decision) =>
        services.GetRequiredService<HandoverOutbox>().SendAsync(pd, HandoverKinds.Decision, decision.Id, decision);

    public static Task UpsertWaitingAsync(TenantSession session, string tenant, string kind, string id, string name, string? urlKey, string payload, string submittedBy, DateTimeOffset submittedUtc) =>
        session.ExecuteAsync("""
            INSERT INTO app_register (tenant, kind, id, name, url_key, state, payload, submitted_by, submitted_utc, received_utc)
            VALUES (@tenant, @kind, @id, @name, @urlKey, 'menunggu', @payload, @submittedBy, @submitted, @now)
            ON CONFLICT (tenant, kind, id) DO UPDATE SET name = excluded.name, url_key = excluded.url_key, state = excluded.state, payload = excluded.payload,
                submitted_by = excluded.submitted_by, submitted_utc = excluded.submitted_utc, received_utc = excluded.received_utc,
                decided_by = NULL, decided_utc = NULL, note = NULL
            """, new { tenant, kind, id, name, urlKey, payload, submittedBy, submitted = UnixTime.Ms(submittedUtc), now = UnixTime.Now });
}
