using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Search.Indexing;

namespace OrchardSpbe.Search.Tests;

/// <summary>
/// Diskominfostandi adds a root the dictionary lacks, in the portal's admin; derived forms of it are then found,
/// on every site, once the indexes have rebuilt by themselves. The dictionary is one per process, so this runs apart
/// from the other test that watches the analysis version.
/// </summary>
[Collection(AnalysisCollection.Name)]
public sealed class CityRootsTests(SqliteSearchSite fixture) : IClassFixture<SqliteSearchSite>
{
    private TestSite Site => fixture.Site;

    [Fact]
    public async Task A_root_added_by_the_city_joins_its_derived_forms_after_a_background_rebuild()
    {
        var desk = await NewsDesk.OpenAsync(Site, "akarkota");
        await desk.WriteNewsAsync("Warga Diswab Gratis di Puskesmas", "<p>Layanan tes cepat untuk warga.</p>", publish: true);
        using var portalAdmin = Site.NewVisitor();
        await portalAdmin.SignInAsync(Site.Url(null), "admin", TestEnvironment.AdminPassword);
        using var visitor = Site.NewVisitor();

        // "swab" is not in hunspell-id: "diswab" stays as it is, and a search for "swab" finds nothing.
        Assert.Equal("diswab", await StemAsync(portalAdmin, "diswab"));
        Assert.Empty((await visitor.ApiAsync(Site, desk.Pd, "swab")).Titles());

        var status = await portalAdmin.OpenAsync(Site.Url(null, "/admin/search"));
        var saved = await status.SubmitAsync(portalAdmin, "form.city-roots", new Dictionary<string, string> { ["roots"] = "swab\nSwab\n# komentar\n" });
        Assert.Contains("1 kata", saved.SuccessMessage);
        Assert.Equal("swab", saved.Document.QuerySelector("form.city-roots textarea")!.TextContent.Trim());
        var analysis = JsonDocument.Parse(await (await portalAdmin.GetAsync(Site.Url(null, "/admin/search/analyze?text=diswab"))).Content.ReadAsStringAsync());
        Assert.Contains("swab (daftar kota)", analysis.RootElement.GetProperty("tokens")[0].GetProperty("rule").GetString());

        try
        {
            // The PD's index and the portal's rebuild in the background; then "swab" finds "diswab" on both.
            await SearchPages.WaitUntilAsync(async () => (await visitor.ApiAsync(Site, desk.Pd, "swab")).Titles().Contains("Warga Diswab Gratis di Puskesmas"));
            await SearchPages.WaitUntilAsync(async () => (await visitor.ApiAsync(Site, null, "swab")).Titles().Contains("Warga Diswab Gratis di Puskesmas"));
            Assert.False(Site.Services.GetRequiredService<SearchIndexHost>().Open(desk.Pd).IsStale);

            // Only the portal keeps the list: a PD's admin has no such form.
            Assert.Null((await desk.Client.OpenAsync(desk.Url("/admin/search"))).Document.QuerySelector("form.city-roots"));
        }
        finally
        {
            // Back to no city roots, for the tests that share this process's dictionary.
            await (await portalAdmin.OpenAsync(Site.Url(null, "/admin/search"))).SubmitAsync(portalAdmin, "form.city-roots", new Dictionary<string, string> { ["roots"] = "" });
        }
        Assert.Equal("diswab", await StemAsync(portalAdmin, "diswab"));
    }

    private async Task<string?> StemAsync(SiteClient admin, string word)
    {
        var response = await admin.GetAsync(Site.Url(null, "/admin/search/analyze?text=" + Uri.EscapeDataString(word)));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("tokens")[0].GetProperty("stemmed").GetString();
    }
}

/// <summary>Tests that change or watch the process-wide analysis version run alone, after the others.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AnalysisCollection
{
    public const string Name = "analysis version";
}
