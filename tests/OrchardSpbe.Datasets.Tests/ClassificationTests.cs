using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace OrchardSpbe.Datasets.Tests;

public sealed class ClassificationTests(SqliteSite fixture) : IClassFixture<SqliteSite>
{
    // Dinkes excludes a dataset (dikecualikan): no page, preview, download, catalogue entry, search hit, DCAT or API answer
    // reaches the public or another PD; its own data officer reads it, and every such read is in Dinkes' audit log.
    [Fact]
    public async Task An_excluded_dataset_reaches_nobody_but_the_walidata_and_each_access_is_audited()
    {
        var site = fixture.Site;
        var desk = await DataDesk.OpenAsync(site);
        var other = await DataDesk.OpenAsync(site, "disdik");
        var id = await desk.PublishDatasetAsync("Data pasien TBC rahasia", "pasien-tbc", "dikecualikan", "tbc");
        Assert.Empty((await desk.AddResourceAsync(desk.PdAdmin, id, "Daftar pasien", "pasien.csv", Encoding.UTF8.GetBytes("nama,umur\nAgus,30\nBudi,40\n"))).Errors);
        var resourceId = await desk.ResourceIdAsync(id, "Daftar pasien");
        var publicId = await desk.PublishDatasetAsync("Kasus TBC per kecamatan", "kasus-tbc", "terbuka", "tbc");

        using var visitor = site.NewVisitor();
        foreach (var path in new[] { "/data/pasien-tbc", $"/data/pasien-tbc/sumber/{resourceId}", $"/data/pasien-tbc/sumber/{resourceId}/unduh", "/dataset/pasien-tbc.ttl" })
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(desk.Url(path))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await visitor.GetAsync(desk.Url("/api/3/action/package_show?id=pasien-tbc"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await visitor.GetAsync(desk.Url($"/api/3/action/datastore_search?resource_id={resourceId}"))).StatusCode);
        var list = await visitor.Http.GetFromJsonAsync<JsonElement>(desk.Url("/api/3/action/package_search?include_private=true&q=tbc"));
        Assert.Equal(["kasus-tbc"], list.GetProperty("result").GetProperty("results").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        Assert.DoesNotContain("pasien-tbc", (await visitor.OpenAsync(desk.Url("/data"))).Html);
        Assert.DoesNotContain("pasien-tbc", await (await visitor.GetAsync(desk.Url("/catalog.ttl"))).Content.ReadAsStringAsync());
        Assert.DoesNotContain("pasien-tbc", await (await visitor.GetAsync(desk.Url("/sitemap.xml"))).Content.ReadAsStringAsync());
        await DataDesk.WaitUntilAsync(async () => (await visitor.OpenAsync(desk.PortalUrl("/data?pd=" + desk.Pd))).Html.Contains("kasus-tbc"), "the portal never listed the public dataset");
        Assert.DoesNotContain("pasien-tbc", (await visitor.OpenAsync(desk.PortalUrl("/data?pd=" + desk.Pd))).Html);
        Assert.DoesNotContain("pasien-tbc", (await visitor.OpenAsync(desk.PortalUrl("/data?q=pasien"))).Html);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(desk.PortalUrl("/api/3/action/package_show?id=pasien-tbc"))).StatusCode);

        // Disdik's administrator, signed in on Disdik, is nobody on Dinkes.
        Assert.Equal(HttpStatusCode.NotFound, (await other.PdAdmin.GetAsync(desk.Url("/data/pasien-tbc"))).StatusCode);

        // Dinkes' data officer reads it; each read is audited.
        using var officer = await desk.SignInAsync("petugas");
        Assert.Equal("Data pasien TBC rahasia", (await officer.OpenAsync(desk.Url("/data/pasien-tbc"))).Heading);
        var preview = await officer.OpenAsync(desk.Url($"/data/pasien-tbc/sumber/{resourceId}"));
        Assert.Contains("2 baris", preview.Html);
        var api = await officer.Http.GetFromJsonAsync<JsonElement>(desk.Url($"/api/3/action/datastore_search?resource_id={resourceId}"));
        Assert.Equal(2, api.GetProperty("result").GetProperty("total").GetInt32());
        var audit = await desk.PdAdmin.OpenAsync(desk.Url("/admin/audit"));
        var accesses = audit.Document.QuerySelectorAll("tr[data-action='dataset.access']").Count(r => r.TextContent.Contains("petugas", StringComparison.OrdinalIgnoreCase));
        Assert.True(accesses >= 3, audit.Html[..Math.Min(3000, audit.Html.Length)]);
    }
}
