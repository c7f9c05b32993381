using System.Net.Http.Json;
using System.Text.Json;

namespace OrchardSpbe.Datasets.Tests;

/// <summary>A newcomer's first run: the sample PDs with their sample statistics and datasets.</summary>
public sealed class SampleCity() : SiteFixture(DatabaseProviderName.Sqlite)
{
    protected override TestSiteOptions Options => new() { SampleTenants = true };
}

public sealed class SampleCityTests(SampleCity city) : IClassFixture<SampleCity>
{
    // The sample datasets are in the portal's catalogue and API; Dinkes' links to its related statistics indicator
    // through Core's contract (Statistics is on there), and its table is in the DataStore.
    [Fact]
    public async Task The_sample_datasets_are_catalogued_and_link_to_their_related_indicator()
    {
        using var visitor = city.Site.NewVisitor();
        var search = await visitor.Http.GetFromJsonAsync<JsonElement>(city.Site.Url(null, "/api/3/action/package_search?facet.field=[\"organization\"]&rows=20"));
        var organizations = search.GetProperty("result").GetProperty("facets").GetProperty("organization").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(["dinkes", "disdik", "disdukcapil", "disnaker"], organizations);

        var page = await visitor.OpenAsync(city.Site.Url("dinkes", "/data/kasus-dbd-per-kecamatan"));
        var link = page.Document.QuerySelectorAll("a").FirstOrDefault(a => a.GetAttribute("href")?.EndsWith("/statistik/DBD-KASUS") == true);
        Assert.NotNull(link);
        var resource = page.Document.QuerySelector(".resource-list li")!.GetAttribute("data-resource");
        var data = await visitor.Http.GetFromJsonAsync<JsonElement>(city.Site.Url("dinkes", $"/api/3/action/datastore_search?resource_id={resource}&limit=1"));
        Assert.Equal(144, data.GetProperty("result").GetProperty("total").GetInt32());
    }
}
