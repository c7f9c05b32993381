using System.Text.Json;
using OrchardSpbe.Data;

namespace OrchardSpbe.Programmers.Reference;

/// <summary>The reference data as the tenant imported it (<see cref="ReferenceStep"/>).</summary>
public sealed class ReferenceDirectory(TenantSession session)
{
    public async Task<IReadOnlyList<RoleCategory>> CategoriesAsync() =>
        (await session.QueryAsync<RoleCategory>("SELECT code AS Code, name AS Name, article AS Article FROM prog_categories ORDER BY position")).ToList();

    public async Task<IReadOnlyList<RoleDefinition>> RolesAsync() =>
        (await session.QueryAsync<RoleRow>("""
            SELECT code AS Code, name AS Name, category AS Category, level AS Level, min_years AS MinYears, certificate_required AS CertificateRequired,
                   competencies AS Competencies, certificates AS Certificates, outputs AS Outputs, note AS Note
            FROM prog_roles ORDER BY position
            """)).Select(r => r.ToDefinition()).ToList();

    public async Task<RoleDefinition?> RoleAsync(string? code) =>
        string.IsNullOrEmpty(code) ? null : (await RolesAsync()).FirstOrDefault(r => r.Code == code);

    public async Task<IReadOnlyList<OccupationDomain>> DomainsAsync() =>
        (await session.QueryAsync<(string Code, long Number, string Name)>("SELECT code, number, name FROM prog_domains ORDER BY number"))
        .Select(d => new OccupationDomain(d.Code, (int)d.Number, d.Name)).ToList();

    /// <summary>Occupations, optionally of one domain (A–P) and/or KKNI level; ordered by domain, then level downwards as 004 lists them.</summary>
    public async Task<IReadOnlyList<Occupation>> OccupationsAsync(string? domain = null, int? level = null) =>
        (await session.QueryAsync<(string Code, string Name, string Domain, long Level)>("""
            SELECT o.code, o.name, o.domain, o.level
            FROM prog_occupations o JOIN prog_domains d ON d.code = o.domain
            WHERE (@domain IS NULL OR o.domain = @domain) AND (@level IS NULL OR o.level = @level)
            ORDER BY d.number, o.level DESC, o.code
            """, new { domain, level })).Select(o => new Occupation(o.Code, o.Name, o.Domain, (int)o.Level)).ToList();

    public async Task<IReadOnlyList<SpbeArea>> AreasAsync() =>
        (await session.QueryAsync<(string Code, string Name, string Domains)>("SELECT code, name, domains FROM prog_areas ORDER BY position"))
        .Select(a => new SpbeArea(a.Code, a.Name, a.Domains.Split(',', StringSplitOptions.RemoveEmptyEntries))).ToList();

    private sealed class RoleRow
    {
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public string Category { get; set; } = "";
        public string Level { get; set; } = "";
        public long MinYears { get; set; }
        public bool CertificateRequired { get; set; }
        public string Competencies { get; set; } = "[]";
        public string Certificates { get; set; } = "[]";
        public string Outputs { get; set; } = "[]";
        public string? Note { get; set; }

        public RoleDefinition ToDefinition() => new(Code, Name, Category, Level, (int)MinYears, CertificateRequired,
            List(Competencies), List(Certificates), List(Outputs), Note);

        private static List<string> List(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];
    }
}
