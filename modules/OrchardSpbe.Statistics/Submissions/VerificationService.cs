using System.Text.Json;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Audit;
using OrchardSpbe.Data;
using OrchardSpbe.Handover;
using OrchardSpbe.Localization;
using OrchardSpbe.Signals;
using OrchardSpbe.Statistics.Public;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Statistics.Submissions;

/// <summary>
/// The portal side: Diskominfostandi's verifier accepts a PD's submission — its values join the city's database at
/// once — or returns it with a note. The decision goes back to the PD by the hand-over, in the same transaction.
/// </summary>
public sealed class VerificationService(
    TenantSession session,
    HandoverOutbox outbox,
    PublicStatisticsWriter publicWriter,
    AuditLog audit,
    IChangeBus changes,
    TimeProvider clock,
    IStringLocalizer<Strings> T)
{
    public async Task<IReadOnlyList<InboundSubmission>> ListAsync(string? state = null, int take = 200) =>
        (await session.QueryAsync<InboundSubmission>($"""
            SELECT {Columns} FROM stat_inbound_submissions {(state is null ? "" : "WHERE state = @state")}
            ORDER BY received_utc DESC LIMIT {take}
            """, new { state })).ToList();

    public async Task<InboundSubmission?> FindAsync(string tenant, string id) =>
        await session.QuerySingleOrDefaultAsync<InboundSubmission>(
            $"SELECT {Columns}, payload AS Payload FROM stat_inbound_submissions WHERE tenant = @tenant AND id = @id", new { tenant, id });

    public Task<string?> AcceptAsync(string tenant, string id, string userName) => DecideAsync(tenant, id, SubmissionStates.Accepted, null, userName);

    public Task<string?> ReturnAsync(string tenant, string id, string? note, string userName) =>
        string.IsNullOrWhiteSpace(note)
            ? Task.FromResult<string?>(T["Tulis catatan untuk perangkat daerah: apa yang perlu diperbaiki."])
            : note.Length > 4000 ? Task.FromResult<string?>(T["Catatan paling banyak 4.000 karakter."])
            : DecideAsync(tenant, id, SubmissionStates.Returned, note.Trim(), userName);

    /// <summary>Null when done; otherwise why not (already decided by someone, month already accepted).</summary>
    private async Task<string?> DecideAsync(string tenant, string id, string decision, string? note, string userName)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await session.BeginTransactionAsync();
        int claimed;
        try
        {
            // The first decision counts: a second verifier (or a second click) finds the submission decided.
            claimed = await session.ExecuteAsync("""
                UPDATE stat_inbound_submissions SET state = @decision, decided_by = @userName, decided_utc = @now, decision_note = @note
                WHERE tenant = @tenant AND id = @id AND state = @waiting
                """, new { decision, userName, now = UnixTime.Ms(now), note, tenant, id, waiting = SubmissionStates.Waiting });
        }
        catch (Exception exception) when (SqlDialect.IsUniqueViolation(exception))
        {
            return T["Penyampaian bulan ini dari perangkat daerah tersebut sudah diterima sebelumnya."];
        }
        if (claimed == 0)
        {
            var current = await FindAsync(tenant, id);
            return current is null ? T["Penyampaian tidak ditemukan."] : T["Penyampaian ini sudah diputuskan oleh {0}.", current.DecidedBy ?? "-"];
        }
        if (decision == SubmissionStates.Accepted)
        {
            var submission = await FindAsync(tenant, id);
            var payload = JsonSerializer.Deserialize<SubmissionPayload>(submission!.Payload!, HandoverOutbox.Json)!;
            await publicWriter.ApplyAcceptedAsync(tenant, payload.Indicators, payload.Values, now);
            await session.AfterCommitAsync("statistics-pages", () => changes.PublishAsync(new HostChange(HostChangeKind.ContentChanged, TenantRecord.DefaultName)));
        }
        await outbox.SendAsync(tenant, HandoverKinds.Decision, id, new DecisionPayload(decision, note, userName, now));
        await audit.RecordAsync(decision == SubmissionStates.Accepted ? "statistics.accepted" : "statistics.returned", $"{tenant}/{id}", note);
        await transaction.CommitAsync();
        return null;
    }

    private const string Columns = """
        tenant AS Tenant, id AS Id, month AS Month, state AS State, summary AS Summary, value_count AS ValueCount, submitted_by AS SubmittedBy,
        submitted_utc AS SubmittedUtc, received_utc AS ReceivedUtc, decided_by AS DecidedBy, decided_utc AS DecidedUtc, decision_note AS DecisionNote
        """;
}

public sealed class InboundSubmission : SubmissionRow
{
    public string Tenant { get; set; } = "";
    public DateTimeOffset ReceivedUtc { get; set; }
    public string? Payload { get; set; }
}
