namespace OrchardSpbe.Search.Tests;

/// <summary>A citizen types a word; the search finds the pages written with another form of it (issue 18).</summary>
public sealed class StemmedRecallTests(SqliteSearchSite fixture) : IClassFixture<SqliteSearchSite>
{
    private TestSite Site => fixture.Site;

    [Fact]
    public async Task A_root_finds_its_derived_forms_on_the_pd_site_and_the_portal()
    {
        var desk = await NewsDesk.OpenAsync(Site, "akar", "Badan Perencanaan Uji");
        await desk.WriteNewsAsync("Musyawarah Perencanaan Pembangunan Kelurahan", "<p>Warga menyampaikan usulan untuk tahun depan.</p>", publish: true);
        await desk.WriteNewsAsync("Jumlah Penduduk per Kecamatan", "<p>Data penduduk dari buku induk kelurahan, kode SP00077.</p>", publish: true);
        await desk.WriteNewsAsync("Pengelolaan Sampah Terpadu", "<p>Bank sampah di RW 009 mulai beroperasi.</p>", publish: true);
        using var visitor = Site.NewVisitor();

        foreach (var tenant in new[] { desk.Pd, null })
        {
            // "rencana" finds "perencanaan" (Lucene's stock stemmer made it "encana").
            Assert.Contains("Musyawarah Perencanaan Pembangunan Kelurahan", (await visitor.SearchAsync(Site, tenant, "rencana")).HitTitles());
            // "kependudukan" finds "penduduk" (stock: "nduduk" against "duduk").
            Assert.Contains("Jumlah Penduduk per Kecamatan", (await visitor.ApiAsync(Site, tenant, "kependudukan")).Titles());
            // "kelola" finds "pengelolaan" (stock: "elola").
            Assert.Contains("Pengelolaan Sampah Terpadu", (await visitor.SearchAsync(Site, tenant, "kelola")).HitTitles());
        }

        // Codes and exact phrases are still matched through the raw field.
        Assert.Equal(["Jumlah Penduduk per Kecamatan"], (await visitor.SearchAsync(Site, desk.Pd, "SP00077")).HitTitles());
        Assert.Equal(["Pengelolaan Sampah Terpadu"], (await visitor.SearchAsync(Site, desk.Pd, "\"RW 009\"")).HitTitles());
        Assert.Empty((await visitor.SearchAsync(Site, desk.Pd, "\"RW 008\"")).HitTitles());
        // And an exact phrase of derived forms stays exact: "sampah terpadu", not "padu sampah".
        Assert.Equal(["Pengelolaan Sampah Terpadu"], (await visitor.SearchAsync(Site, desk.Pd, "\"sampah terpadu\"")).HitTitles());
        // Suggestions stay real words, not stems.
        var suggest = await visitor.GetAsync(desk.Url("/api/search/suggest?q=perencan"));
        Assert.Contains("perencanaan", await suggest.Content.ReadAsStringAsync());
    }
}
