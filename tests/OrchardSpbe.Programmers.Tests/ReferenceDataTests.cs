namespace OrchardSpbe.Programmers.Tests;

/// <summary>
/// The reference data the recipes import from the module's files: every occupation of 004's "DAFTAR OKUPASI TIK NASIONAL"
/// (493 entries in 16 domains A–P, extracted by Data/extract-okupasi.py), the seven roles of 000 Pasal 17–19 and the six SPBE areas.
/// </summary>
public sealed class ReferenceDataTests(SqliteSite fixture) : IClassFixture<SqliteSite>
{
    [Fact]
    public async Task The_occupation_list_holds_every_entry_of_004_with_its_domain_and_level()
    {
        using var admin = fixture.Site.NewVisitor();
        await admin.SignInAsync(fixture.Site.Url(null), "admin", TestEnvironment.AdminPassword);
        var page = await admin.OpenAsync(fixture.Site.Url(null, "/admin/tim-programmer/referensi"));
        var rows = page.Document.QuerySelectorAll("table.occupations tbody tr").ToDictionary(r => r.GetAttribute("data-code")!, r => r);
        Assert.Equal(493, rows.Count);
        // Samples as the seed lists them: first and last of the list, a six-digit code, and the web developer.
        (string Code, string Name, string Domain, string Level)[] samples =
        [
            ("10901", "CHIEF OF KNOWLEDGE OFFICER", "A", "9"),
            ("10101", "DATA ENTRY CLERK", "A", "1"),
            ("20605", "PENGEMBANG WEB (WEB DEVELOPER)", "B", "6"),
            ("20403", "PENGEMBANG WEB PRATAMA (JUNIOR WEB DEVELOPER)", "B", "4"),
            ("90101", "IT ENTERPRISE MANAGEMENT CLERK", "I", "1"),
            ("100901", "CHIEF CYBER SECURITY OFFICER", "J", "9"),
            ("160101", "IT CONSULTANCY CLERK", "P", "1"),
        ];
        foreach (var (code, name, domain, level) in samples)
        {
            Assert.True(rows.TryGetValue(code, out var row), $"{code} is missing");
            Assert.Contains(name, row!.TextContent);
            Assert.Equal(domain, row.GetAttribute("data-domain"));
            Assert.Equal(level, row.GetAttribute("data-level"));
        }
        Assert.Equal(16, rows.Values.Select(r => r.GetAttribute("data-domain")).Distinct().Count());

        var programming = await admin.OpenAsync(fixture.Site.Url(null, "/admin/tim-programmer/referensi?domain=B&level=6"));
        var codes = programming.Document.QuerySelectorAll("table.occupations tbody tr").Select(r => r.GetAttribute("data-code")).ToList();
        Assert.Contains("20605", codes);
        Assert.All(codes, c => Assert.StartsWith("206", c));

        var roles = page.Document.QuerySelectorAll("table.roles tbody tr").ToDictionary(r => r.GetAttribute("data-role")!, r => r.GetAttribute("data-min-years"));
        Assert.Equal(7, roles.Count);
        Assert.Equal("2", roles["junior-programmer"]);
        Assert.Equal("4", roles["fullstack-programmer"]);
        Assert.Equal("4", roles["data-center-professional"]);
        Assert.Contains("CDCP / CDCS / CDCE", page.Document.QuerySelector("tr[data-role='data-center-professional'] .certificates")!.TextContent);
        Assert.Contains("MTCNA / CCNA / MTCRE / CompTIA Network+", page.Document.QuerySelector("tr[data-role='senior-network-administrator'] .certificates")!.TextContent);
        Assert.Equal(6, page.Document.QuerySelectorAll("ul.spbe-areas li").Length);
    }

    [Fact]
    public async Task A_new_pd_site_gets_the_same_reference_data_from_its_recipe()
    {
        var pd = "ref" + Guid.NewGuid().ToString("N")[..6];
        await fixture.Site.CreateTenantAsync(pd);
        using var admin = fixture.Site.NewVisitor();
        await admin.SignInAsync(fixture.Site.Url(pd), "admin", TestEnvironment.AdminPassword);
        var page = await admin.OpenAsync(fixture.Site.Url(pd, "/admin/tim-programmer/referensi"));
        Assert.Equal("493", page.Document.QuerySelector(".occupation-count")?.GetAttribute("data-count"));
        Assert.NotNull(page.Document.QuerySelector("tr[data-code='20605'][data-domain='B'][data-level='6']"));
    }
}
