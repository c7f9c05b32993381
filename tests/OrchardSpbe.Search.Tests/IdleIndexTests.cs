using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Search.Indexing;

namespace OrchardSpbe.Search.Tests;

/// <summary>
/// Issue 17 closes the indexes of PDs nobody used lately. The portal's search reads its own copy of every PD's
/// documents, so it keeps finding an idle PD's items without opening that PD's index again — it used to reopen and
/// catch up every closed index on the next portal search, a stall every few seconds with 120 PDs.
/// </summary>
public sealed class IdleIndexTests
{
    [Fact]
    public async Task The_portal_finds_an_idle_pds_items_without_reopening_its_index_and_a_new_item_still_arrives()
    {
        var settings = new Dictionary<string, string?>(SearchSite.FastTick)
        {
            // Every tenant's index closes as soon as the release passes (it runs every five seconds).
            ["Spbe:Database:OpenTenantStores"] = "0",
            ["Spbe:Database:IdleStoreRelease"] = "00:00:00.100",
        };
        await using var site = await TestSite.StartAsync(new TestSiteOptions { Settings = settings });
        var desk = await NewsDesk.OpenAsync(site, "diam");
        await desk.WriteNewsAsync("Jadwal Pemadaman Listrik Bergilir", "<p>Pemadaman bergilir di tiga kelurahan.</p>", publish: true);
        using var visitor = site.NewVisitor();
        Assert.Contains("Jadwal Pemadaman Listrik Bergilir", (await visitor.SearchAsync(site, null, "pemadaman listrik")).HitTitles());

        var indexes = site.Services.GetRequiredService<SearchIndexHost>();
        await SearchPages.WaitUntilAsync(() => Task.FromResult(indexes.Find(desk.Pd) is null), seconds: 20);

        // Found from the portal's copy; the PD's index stays closed.
        Assert.Contains("Jadwal Pemadaman Listrik Bergilir", (await visitor.SearchAsync(site, null, "pemadaman listrik")).HitTitles());
        Assert.Contains("Jadwal Pemadaman Listrik Bergilir", (await visitor.ApiAsync(site, null, "pemadaman listrik")).Titles());
        Assert.Null(indexes.Find(desk.Pd));

        // A change on the idle PD still reaches the portal.
        await desk.WriteNewsAsync("Pemadaman Listrik Dibatalkan", "<p>Pemadaman bergilir dibatalkan.</p>", publish: true);
        Assert.Contains("Pemadaman Listrik Dibatalkan", (await visitor.SearchAsync(site, null, "pemadaman listrik")).HitTitles());
    }
}
