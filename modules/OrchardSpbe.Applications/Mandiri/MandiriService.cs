using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Audit;
using OrchardSpbe.Data;
using OrchardSpbe.Handover;
using OrchardSpbe.Localization;
using OrchardSpbe.Notifications;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Applications.Mandiri;

/// <summary>
/// PD Mandiri TIK (002 Pasal 18): the PD proposes itself against the criteria; Diskominfostandi evaluates on the portal
/// and records the designation with its date and decree, which travels back to the PD by the hand-over. Only then may
/// the PD be the builder of an aplikasi khusus.
/// </summary>
public sealed class MandiriService(TenantSession session, HandoverOutbox outbox, AuditLog audit, TimeProvider clock, IStringLocalizer<Strings> T)
{
    public async Task<IReadOnlyList<MandiriRow>> HistoryAsync() =>
        (await session.QueryAsync<MandiriRow>("SELECT * FROM app_mandiri ORDER BY submitted_utc DESC")).ToList();

    public async Task<string?> ProposeAsync(IReadOnlyList<MandiriCriterion> criteria, string? proposal, string userName)
    {
        proposal = proposal?.Trim() ?? "";
        if (proposal.Length is 0 or > 4000) return T["Tulis usulan penetapan (paling banyak 4.000 karakter)."];
        if (MandiriCriteria.All.Any(c => criteria.FirstOrDefault(x => x.Code == c.Code) is not { Met: true, Evidence.Length: > 0 and <= 2000 }))
            return T["Kedua kriteria Perwal 002 Pasal 18 ayat 4 harus dipenuhi, masing-masing dengan buktinya (paling banyak 2.000 karakter)."];
        await using var transaction = await session.BeginTransactionAsync();
        if (await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM app_mandiri WHERE state IN ('menunggu', 'ditetapkan')") > 0)
            return T["Perangkat daerah ini sudah mengajukan atau sudah ditetapkan sebagai PD Mandiri TIK."];
        var id = Guid.NewGuid().ToString("N")[..16];
        var now = clock.GetUtcNow();
        await session.ExecuteAsync("""
            INSERT INTO app_mandiri (id, criteria, proposal, state, submitted_by, submitted_utc) VALUES (@id, @criteria, @proposal, 'menunggu', @userName, @now)
            """, new { id, criteria = JsonSerializer.Serialize(criteria, HandoverOutbox.Json), proposal, userName, now = UnixTime.Ms(now) });
        await outbox.SendAsync(TenantRecord.DefaultName, Registration.HandoverKinds.MandiriProposal, id, new MandiriProposal(id, criteria, proposal, userName, now));
        await audit.RecordAsync("mandiri.proposed", id, proposal.Length > 200 ? proposal[..200] : proposal, userName);
        await transaction.CommitAsync();
        return null;
    }

    // The portal side.

    public async Task<IReadOnlyList<MandiriRow>> ProposalsAsync() =>
        (await session.QueryAsync<MandiriRow>("SELECT * FROM app_mandiri_register ORDER BY submitted_utc DESC")).ToList();

    public async Task<MandiriRow?> ProposalAsync(string tenant) =>
        await session.QuerySingleOrDefaultAsync<MandiriRow>("SELECT * FROM app_mandiri_register WHERE tenant = @tenant", new { tenant });

    public async Task<string?> DecideAsync(string tenant, bool designate, string? designatedOn, string? decree, string? note, string userName)
    {
        decree = decree?.Trim();
        note = note?.Trim();
        if (designate)
        {
            if (!DateOnly.TryParseExact(designatedOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date.Year < 2000)
                return T["Tulis tanggal penetapan (tahun-bulan-tanggal)."];
            if (string.IsNullOrEmpty(decree) || decree.Length > 200) return T["Tulis nomor Keputusan Wali Kota yang menetapkan (Perwal 002 Pasal 18 ayat 6)."];
            designatedOn = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        else if (string.IsNullOrEmpty(note) || note.Length > 4000)
        {
            return T["Tulis catatan evaluasi untuk perangkat daerah (paling banyak 4.000 karakter)."];
        }
        await using var transaction = await session.BeginTransactionAsync();
        if (await ProposalAsync(tenant) is not { State: MandiriStates.Waiting } row) return T["Usulan ini tidak sedang menunggu evaluasi."];
        var now = clock.GetUtcNow();
        var state = designate ? MandiriStates.Designated : MandiriStates.Refused;
        await session.ExecuteAsync("""
            UPDATE app_mandiri_register SET state = @state, decided_by = @userName, decided_utc = @now, designated_on = @designatedOn, decree = @decree, note = @note
            WHERE tenant = @tenant
            """, new { state, userName, now = UnixTime.Ms(now), designatedOn = designate ? designatedOn : null, decree = designate ? decree : null, note, tenant });
        await outbox.SendAsync(tenant, Registration.HandoverKinds.MandiriDecision, row.ProposalId,
            new MandiriDecision(row.ProposalId, state, designate ? designatedOn : null, designate ? decree : null, note, userName, now));
        await audit.RecordAsync(designate ? "mandiri.designated" : "mandiri.refused", tenant, designate ? $"{designatedOn}, {decree}" : note, userName);
        await transaction.CommitAsync();
        return null;
    }
}

/// <summary>On the portal: a PD's proposal arrives and waits for evaluation.</summary>
public sealed class MandiriProposalReceivedHandler : IHandoverHandler
{
    public string Kind => Registration.HandoverKinds.MandiriProposal;

    public async Task HandleAsync(HandoverMessage message, IServiceProvider services, CancellationToken cancellationToken)
    {
        var proposal = JsonSerializer.Deserialize<MandiriProposal>(message.Payload, HandoverOutbox.Json)!;
        await services.GetRequiredService<TenantSession>().ExecuteAsync("""
            INSERT INTO app_mandiri_register (tenant, proposal_id, criteria, proposal, state, submitted_by, submitted_utc)
            VALUES (@tenant, @id, @criteria, @proposal, 'menunggu', @by, @at)
            ON CONFLICT (tenant) DO UPDATE SET proposal_id = excluded.proposal_id, criteria = excluded.criteria, proposal = excluded.proposal,
                state = excluded.state, submitted_by = excluded.submitted_by, submitted_utc = excluded.submitted_utc,
                decided_by = NULL, decided_utc = NULL, designated_on = NULL, decree = NULL, note = NULL
            """, new
        {
            tenant = message.From, id = proposal.Id, criteria = JsonSerializer.Serialize(proposal.Criteria, HandoverOutbox.Json), proposal = proposal.Proposal,
            by = proposal.SubmittedBy, at = UnixTime.Ms(proposal.SubmittedUtc),
        });
        await Registration.RegisterNotices.ToRegistrarsAsync(services, message.From, pd => new Notification($"Usulan PD Mandiri TIK dari {pd}",
            $"{pd} mengusulkan penetapan sebagai PD Mandiri TIK (Perwal 002 Pasal 18). Evaluasi kriterianya lalu tetapkan atau kembalikan dengan catatan.",
            $"/admin/aplikasi/mandiri-tik/{message.From}"));
    }
}

/// <summary>On the PD: the evaluation arrives; a designation makes the PD a PD Mandiri TIK from that date.</summary>
public sealed class MandiriDecisionReceivedHandler : IHandoverHandler
{
    public string Kind => Registration.HandoverKinds.MandiriDecision;

    public async Task HandleAsync(HandoverMessage message, IServiceProvider services, CancellationToken cancellationToken)
    {
        var decision = JsonSerializer.Deserialize<MandiriDecision>(message.Payload, HandoverOutbox.Json)!;
        var session = services.GetRequiredService<TenantSession>();
        await session.ExecuteAsync("""
            UPDATE app_mandiri SET state = @State, decided_by = @DecidedBy, decided_utc = @at, designated_on = @DesignatedOn, decree = @Decree, note = @Note WHERE id = @Id
            """, new { decision.State, decision.DecidedBy, at = UnixTime.Ms(decision.DecidedUtc), decision.DesignatedOn, decision.Decree, decision.Note, decision.Id });
        var submittedBy = await session.QuerySingleOrDefaultAsync<string>("SELECT submitted_by FROM app_mandiri WHERE id = @Id", new { decision.Id });
        if (submittedBy is null) return;
        await Registration.RegisterNotices.ToPdAsync(services, submittedBy, decision.State == MandiriStates.Designated
            ? new Notification("Ditetapkan sebagai PD Mandiri TIK",
                $"Diskominfostandi ({decision.DecidedBy}) menetapkan perangkat daerah ini sebagai PD Mandiri TIK sejak {decision.DesignatedOn} ({decision.Decree}).", "/admin/aplikasi/mandiri-tik")
            : new Notification("Usulan PD Mandiri TIK belum layak",
                $"Diskominfostandi ({decision.DecidedBy}) menilai usulan PD Mandiri TIK belum layak, dengan catatan: {decision.Note}", "/admin/aplikasi/mandiri-tik"));
    }
}
