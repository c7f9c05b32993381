using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrchardSpbe.Audit;
using OrchardSpbe.Background;
using OrchardSpbe.Data;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Programmers.Selection;

/// <summary>
/// On the portal, by schedule (UU PDP; 001 Pasal 22): a set time after a selection ended without success — returned or not
/// passed — the applicant's personal data is anonymised and their documents deleted; the row stays, without a person, so
/// the board's counts and the stage decisions remain.
/// </summary>
public sealed class AnonymiseTask(TimeProvider clock, IOptions<ProgrammersOptions> options) : CalendarCheck
{
    public const string AnonymousName = "Pelamar (dianonimkan)";

    public override string? FeatureId => Manifest.FeatureId;

    protected override bool? OnPortal => true;

    protected override TimeProvider Clock => clock;

    protected override TimeSpan Interval => options.Value.ScheduleCheckInterval;

    protected override async Task<bool> CheckAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var before = UnixTime.Ms(now - TimeSpan.FromDays(options.Value.AnonymiseRejectedAfterDays));
        var session = services.GetRequiredService<TenantSession>();
        var due = (await session.QueryAsync<string>("""
            SELECT id FROM prog_applications WHERE state IN ('dikembalikan', 'tidak-lulus') AND anonymised_utc IS NULL AND closed_utc <= @before
            """, new { before })).ToList();
        var documents = services.GetRequiredService<ApplicantDocuments>();
        foreach (var id in due)
        {
            await using var transaction = await session.BeginTransactionAsync(cancellationToken);
            var done = await session.ExecuteAsync("""
                UPDATE prog_applications SET full_name = @name, nik = @nik, email = '', phone = '', address = '', current_unit = '', anonymised_utc = @now
                WHERE id = @id AND anonymised_utc IS NULL
                """, new { id, name = AnonymousName, nik = "anonim-" + id, now = UnixTime.Ms(now) });
            if (done == 0) continue;
            await session.ExecuteAsync("DELETE FROM prog_documents WHERE application_id = @id", new { id });
            await services.GetRequiredService<AuditLog>().RecordAsync("programmers.application.anonymised", "lamaran:" + id, null, "sistem");
            await transaction.CommitAsync();
            documents.Delete(id);
        }
        return true;
    }
}
