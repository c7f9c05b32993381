using System.Text.Json;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Audit;
using OrchardSpbe.Data;
using OrchardSpbe.Handover;
using OrchardSpbe.Localization;
using OrchardSpbe.Programmers.Members;
using OrchardSpbe.Programmers.Reference;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Programmers.Competency;

public sealed class StaffRow
{
    public string Tenant { get; set; } = "";
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Occupations { get; set; } = "";
    public string Certificates { get; set; } = "";
}

/// <summary>
/// PD → portal: the PD's registered ICT staff, whole (the portal replaces its copy), and its needs per SPBE area when the PD's
/// head has just set them (null otherwise: Diskominfostandi may have set them on the portal since).
/// </summary>
public sealed record CompetencySnapshot(IReadOnlyList<StaffRow> Staff, IReadOnlyDictionary<string, int>? Needs, string SetBy);

/// <summary>One PD's six areas: needed against available, and the gap (004 BAB III B.3).</summary>
public sealed record GapRow(string Tenant, string PdName, IReadOnlyDictionary<string, int> Needed, IReadOnlyDictionary<string, int> Available)
{
    public int Gap(string area) => Math.Max(0, Needed.GetValueOrDefault(area) - Available.GetValueOrDefault(area));
}

public static class CompetencyHandoverKinds
{
    public const string Snapshot = "programmers.competency";
}

/// <summary>
/// The competency map of 004: ICT staff a PD registers and the programmers placed there, each linked to national
/// occupation codes (whose domain A–P counts towards an SPBE area) and certificates; each PD's needs per area, set by its
/// head on the PD (sent to the portal by the hand-over) or by Diskominfostandi on the portal. Available in an area = the
/// people with an occupation of one of the area's domains; the gap follows as soon as a member is placed or staff registered.
/// </summary>
public sealed class CompetencyMap(
    TenantSession session, TenantContext tenant, TenantRegistry registry, ReferenceDirectory reference, HandoverOutbox outbox, AuditLog audit,
    TimeProvider clock, IStringLocalizer<Strings> T)
{
    public static IReadOnlyList<string> Split(string? list) =>
        (list ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    /// <summary>Occupation codes checked against the national list; the first unknown code as an error.</summary>
    public async Task<(IReadOnlyList<string> Codes, string? Error)> CheckCodesAsync(string? list)
    {
        var codes = Split(list);
        if (codes.Count > 20) return ([], T["Paling banyak 20 kode okupasi."]);
        var known = (await reference.OccupationsAsync()).Select(o => o.Code).ToHashSet();
        var unknown = codes.FirstOrDefault(c => !known.Contains(c));
        return unknown is null ? (codes, null) : ([], T["Kode okupasi {0} tidak ada dalam daftar okupasi TIK nasional.", unknown]);
    }

    public async Task<IReadOnlyList<StaffRow>> StaffAsync(string pd) =>
        (await session.QueryAsync<StaffRow>("SELECT tenant AS Tenant, id AS Id, name AS Name, occupations AS Occupations, certificates AS Certificates FROM prog_staff WHERE tenant = @pd ORDER BY name",
            new { pd })).ToList();

    public async Task<IReadOnlyDictionary<string, int>> NeedsAsync(string pd) =>
        (await session.QueryAsync<(string Area, long Needed)>("SELECT area, needed FROM prog_needs WHERE tenant = @pd", new { pd })).ToDictionary(n => n.Area, n => (int)n.Needed);

    /// <summary>Sets a PD's needs (<paramref name="pd"/>: the PD, or on a PD site its own name) from the six numbers typed.</summary>
    public async Task<string?> SetNeedsAsync(string pd, IReadOnlyDictionary<string, string?> typed, string userName)
    {
        var needs = new Dictionary<string, int>();
        foreach (var area in await reference.AreasAsync())
        {
            var text = typed.GetValueOrDefault(area.Code)?.Trim();
            if (string.IsNullOrEmpty(text)) { needs[area.Code] = 0; continue; }
            if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n > 500)
                return T["Kebutuhan {0} harus bilangan bulat 0–500.", area.Name];
            needs[area.Code] = n;
        }
        await using var transaction = await session.BeginTransactionAsync();
        await ReplaceNeedsAsync(pd, needs, userName);
        await audit.RecordAsync("programmers.competency.needs", "pd:" + pd, string.Join(", ", needs.Select(n => $"{n.Key} {n.Value}")), userName);
        if (!tenant.IsDefault) await SendSnapshotAsync(userName, withNeeds: true);
        await transaction.CommitAsync();
        return null;
    }

    /// <summary>On a PD: registers an ICT staff member with their occupation codes and certificates.</summary>
    public async Task<string?> AddStaffAsync(string? name, string? occupations, string? certificates, string userName)
    {
        name = (name ?? "").Trim();
        if (name.Length is < 3 or > 120) return T["Tulis nama staf TIK (3–120 karakter)."];
        var (codes, error) = await CheckCodesAsync(occupations);
        if (error is not null) return error;
        if (codes.Count == 0) return T["Tulis sekurang-kurangnya satu kode okupasi (mis. 20605)."];
        var certs = Split(certificates);
        if (certs.Count > 20 || certs.Any(c => c.Length > 100)) return T["Sertifikat paling banyak 20, masing-masing 100 karakter."];
        await using var transaction = await session.BeginTransactionAsync();
        await session.ExecuteAsync("INSERT INTO prog_staff (tenant, id, name, occupations, certificates) VALUES (@tenant, @id, @name, @codes, @certs)",
            new { tenant = tenant.Name, id = Guid.NewGuid().ToString("N")[..12], name, codes = string.Join(",", codes), certs = string.Join(", ", certs) });
        await audit.RecordAsync("programmers.competency.staff", "pd:" + tenant.Name, $"{name}: {string.Join(",", codes)}", userName);
        await SendSnapshotAsync(userName, withNeeds: false);
        await transaction.CommitAsync();
        return null;
    }

    private async Task SendSnapshotAsync(string userName, bool withNeeds) =>
        await outbox.SendAsync(TenantRecord.DefaultName, CompetencyHandoverKinds.Snapshot, Guid.NewGuid().ToString("N"),
            new CompetencySnapshot(await StaffAsync(tenant.Name), withNeeds ? await NeedsAsync(tenant.Name) : null, userName));

    /// <summary>On the portal: a PD's snapshot replaces the portal's copy of its staff and needs.</summary>
    public async Task ApplySnapshotAsync(string pd, CompetencySnapshot snapshot)
    {
        await session.ExecuteAsync("DELETE FROM prog_staff WHERE tenant = @pd", new { pd });
        await session.ExecuteAsync("INSERT INTO prog_staff (tenant, id, name, occupations, certificates) VALUES (@pd, @Id, @Name, @Occupations, @Certificates)",
            snapshot.Staff.Select(s => new { pd, s.Id, s.Name, s.Occupations, s.Certificates }));
        if (snapshot.Needs is not null) await ReplaceNeedsAsync(pd, snapshot.Needs, snapshot.SetBy);
    }

    private async Task ReplaceNeedsAsync(string pd, IReadOnlyDictionary<string, int> needs, string userName)
    {
        await session.ExecuteAsync("DELETE FROM prog_needs WHERE tenant = @pd", new { pd });
        await session.ExecuteAsync("INSERT INTO prog_needs (tenant, area, needed, set_by, set_utc) VALUES (@pd, @area, @needed, @userName, @now)",
            needs.Select(n => new { pd, area = n.Key, needed = n.Value, userName, now = UnixTime.Ms(clock.GetUtcNow()) }));
    }

    /// <summary>On the portal: a member's occupation codes and certificates (given at appointment).</summary>
    public Task SetMemberCompetenciesAsync(string memberId, IReadOnlyList<string> codes, IReadOnlyList<string> certificates) =>
        session.ExecuteAsync("""
            INSERT INTO prog_member_competencies (member_id, occupations, certificates) VALUES (@memberId, @codes, @certs)
            ON CONFLICT (member_id) DO UPDATE SET occupations = excluded.occupations, certificates = excluded.certificates
            """, new { memberId, codes = string.Join(",", codes), certs = string.Join(", ", certificates) });

    /// <summary>On the portal: every PD's six areas, needed against available (serving members placed there and its registered staff).</summary>
    public async Task<IReadOnlyList<GapRow>> GapsAsync()
    {
        var areas = await reference.AreasAsync();
        var domainOf = (await reference.OccupationsAsync()).ToDictionary(o => o.Code, o => o.Domain);
        var people = (await session.QueryAsync<(string Tenant, string Occupations)>("""
            SELECT placement, c.occupations FROM prog_members m JOIN prog_member_competencies c ON c.member_id = m.id WHERE m.status IN ('aktif', 'diperingatkan')
            UNION ALL SELECT tenant, occupations FROM prog_staff
            """)).ToLookup(p => p.Tenant, p => Split(p.Occupations).Select(c => domainOf.GetValueOrDefault(c)).OfType<string>().ToHashSet());
        var needs = (await session.QueryAsync<(string Tenant, string Area, long Needed)>("SELECT tenant, area, needed FROM prog_needs"))
            .ToLookup(n => n.Tenant);
        return registry.All.Where(t => !t.IsDefault).OrderBy(t => t.DisplayName).Select(t => new GapRow(t.Name, t.DisplayName,
            needs[t.Name].ToDictionary(n => n.Area, n => (int)n.Needed),
            areas.ToDictionary(a => a.Code, a => people[t.Name].Count(domains => a.Domains.Any(domains.Contains))))).ToList();
    }
}
