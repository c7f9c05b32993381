namespace OrchardSpbe.Search.Tests;

/// <summary>Drafts are found by their own site's editors only — never by the public, never by another PD.</summary>
public sealed class DraftVisibilityTests(SqliteSearchSite fixture) : IClassFixture<SqliteSearchSite>
{
    private TestSite Site => fixture.Site;

    [Fact]
    public async Task Drafts_are_found_by_their_own_editors_only()
    {
        var deskA = await NewsDesk.OpenAsync(Site, "drafa");
        var deskB = await NewsDesk.OpenAsync(Site, "drafb");
        await deskA.WriteNewsAsync("Rancangan Anggaran Perubahan Kelurahan", "<p>Draf internal anggaran perubahan.</p>", publish: false);
        await deskB.WriteNewsAsync("Rancangan Anggaran Perubahan Kecamatan", "<p>Draf internal anggaran perubahan.</p>", publish: false);
        using var visitor = Site.NewVisitor();

        // The public: nowhere.
        Assert.Empty((await visitor.SearchAsync(Site, null, "anggaran perubahan")).HitTitles());
        Assert.Empty((await visitor.SearchAsync(Site, deskA.Pd, "anggaran perubahan")).HitTitles());
        Assert.Empty((await visitor.ApiAsync(Site, deskB.Pd, "anggaran perubahan")).Titles());
        // Autocomplete never reveals a draft's words either.
        var suggest = await visitor.GetAsync(deskA.Url("/api/search/suggest?q=anggar"));
        Assert.Equal("[]", await suggest.Content.ReadAsStringAsync());

        // PD A's editor finds A's draft on A's site, marked as a draft, and not B's.
        var onA = await deskA.Client.SearchAsync(Site, deskA.Pd, "anggaran perubahan");
        Assert.Equal(["Rancangan Anggaran Perubahan Kelurahan"], onA.HitTitles());
        Assert.Contains("Draf", onA.Document.QuerySelector(".search-hit .meta")!.TextContent);
        // On B's site A's sign-in counts for nothing: the public view.
        Assert.Empty((await deskA.Client.SearchAsync(Site, deskB.Pd, "anggaran perubahan")).HitTitles());
        Assert.Empty((await deskA.Client.SearchAsync(Site, null, "anggaran perubahan")).HitTitles());
        // B's editor the other way round.
        Assert.Equal(["Rancangan Anggaran Perubahan Kecamatan"], (await deskB.Client.SearchAsync(Site, deskB.Pd, "anggaran perubahan")).HitTitles());
    }
}
