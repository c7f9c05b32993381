using System.Net;
using System.Text.Json.Nodes;

namespace OrchardSpbe.Datasets.Tests;

/// <summary>A PD with 105 public datasets (by a recipe), one with a CSV resource, and an excluded one.</summary>
public sealed class DcatCity : IAsyncLifetime
{
    public const int PublicCount = 105;
    public TestSite Site { get; private set; } = null!;
    public DataDesk Desk { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Site = await TestSite.StartAsync(new TestSiteOptions());
        Desk = await DataDesk.OpenAsync(Site);
        var items = new JsonArray();
        for (var i = 1; i <= PublicCount + 1; i++)
            items.Add(new JsonObject
            {
                ["id"] = $"dataset{i:D3}", ["type"] = "Dataset", ["title"] = $"Dataset uji {i} \"kutip\" & <sudut>",
                ["parts"] = new JsonObject
                {
                    ["DatasetPart"] = new JsonObject
                    {
                        ["Slug"] = $"dataset-uji-{i:D3}", ["Description"] = $"Deskripsi dataset {i}, dengan baris baru\ndan tanda \\ miring.",
                        ["DataGroup"] = i % 2 == 0 ? "kesehatan" : "pendidikan", ["Tags"] = new JsonArray("uji", "tag " + i % 5),
                        ["LicenseId"] = "cc-by", ["Classification"] = i == PublicCount + 1 ? "dikecualikan" : "terbuka", ["UpdateFrequency"] = "tahunan",
                        ["TemporalStart"] = "2020", ["TemporalEnd"] = "2025-12-31", ["SpatialCoverage"] = "32.75.01",
                        ["ContactName"] = "Seksi Data", ["ContactEmail"] = "data@dinkes.bekasikota.go.id", ["Version"] = "1." + i,
                    },
                },
            });
        var recipe = new JsonObject { ["name"] = "dataset-uji", ["steps"] = new JsonArray(new JsonObject { ["name"] = "content", ["items"] = items }) };
        var result = await Desk.PdAdmin.SubmitAsync(Desk.Url("/admin/recipes"), "form.card", new Dictionary<string, string> { ["json"] = recipe.ToJsonString() });
        Assert.Empty(result.Errors);
        var id = await Desk.PdAdmin.OpenAsync(Desk.Url("/admin/data"));
        var first = id.Document.QuerySelector("tr[data-dataset='dataset-uji-001'] a")!.GetAttribute("href")!.Split('/').Last();
        Assert.Empty((await Desk.AddResourceAsync(Desk.PdAdmin, first, "Tabel", "tabel.csv", DataDesk.DbdCsv(2))).Errors);
    }

    public async Task DisposeAsync() => await Site.DisposeAsync();
}

public sealed class DcatTests(DcatCity city) : IClassFixture<DcatCity>
{
    // A harvester pages through the catalogue in each serialisation: every page passes DCAT-AP 2.1.1's SHACL shapes
    // with no violation, and the pages visit every public dataset exactly once.
    [Theory]
    [InlineData("ttl")]
    [InlineData("jsonld")]
    [InlineData("rdf")]
    public async Task The_catalogue_passes_DCAT_AP_SHACL_and_its_pages_visit_every_dataset_once(string format)
    {
        using var harvester = city.Site.NewVisitor();
        var seen = new List<string>();
        var next = city.Desk.Url($"/catalog.{format}").ToString();
        var pages = 0;
        while (next is not null)
        {
            var response = await harvester.GetAsync(new Uri(next));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var report = await ShaclValidator.ValidateAsync(format, await response.Content.ReadAsByteArrayAsync());
            Assert.True(report.GetProperty("violations").GetArrayLength() == 0, report.GetProperty("violations").ToString());
            Assert.Equal(DcatCity.PublicCount.ToString(), report.GetProperty("total").GetString());
            seen.AddRange(report.GetProperty("datasets").EnumerateArray().Select(d => d.GetString()!));
            next = report.GetProperty("next").GetString();
            Assert.True(++pages <= 3, "paging does not end");
        }
        Assert.Equal(2, pages);
        Assert.Equal(DcatCity.PublicCount, seen.Count);
        Assert.Equal(DcatCity.PublicCount, seen.Distinct().Count());
    }

    [Fact]
    public async Task A_dataset_in_each_serialisation_passes_SHACL_and_an_excluded_one_is_not_found()
    {
        using var harvester = city.Site.NewVisitor();
        foreach (var format in new[] { "ttl", "jsonld", "rdf" })
        {
            var response = await harvester.GetAsync(city.Desk.Url($"/dataset/dataset-uji-001.{format}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsByteArrayAsync();
            var report = await ShaclValidator.ValidateAsync(format, body);
            Assert.True(report.GetProperty("violations").GetArrayLength() == 0, report.GetProperty("violations").ToString());
            var text = System.Text.Encoding.UTF8.GetString(body);
            Assert.Contains("downloadURL", text);
            Assert.Contains("byteSize", text);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await harvester.GetAsync(city.Desk.Url($"/dataset/dataset-uji-{DcatCity.PublicCount + 1:D3}.ttl"))).StatusCode);
        var catalogue = await (await harvester.GetAsync(city.Desk.Url("/catalog.ttl?page=2"))).Content.ReadAsStringAsync();
        Assert.DoesNotContain($"dataset-uji-{DcatCity.PublicCount + 1:D3}", catalogue);
        Assert.Equal(HttpStatusCode.BadRequest, (await harvester.GetAsync(city.Desk.Url("/catalog.ttl?page=0"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await harvester.GetAsync(city.Desk.Url("/catalog.ttl?modified_since=kemarin"))).StatusCode);
        var future = await ShaclValidator.ValidateAsync("ttl", await (await harvester.GetAsync(city.Desk.Url("/catalog.ttl?modified_since=2999-01-01"))).Content.ReadAsByteArrayAsync());
        Assert.Equal("0", future.GetProperty("total").GetString());
    }
}
