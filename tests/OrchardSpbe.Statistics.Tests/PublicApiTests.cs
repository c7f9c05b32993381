using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrchardSpbe.Statistics.Tests;

/// <summary>
/// A developer uses the statistics API of bekasikota.go.id: its answers equal the city's database for every filter
/// and format, paging reads every observation exactly once, ETags spare a re-download, and bad parameters get a
/// clear 400 — never a 500. The OpenAPI document describes it.
/// </summary>
public sealed class PublicApiTests(SampleCity city) : IClassFixture<SampleCity>
{
    private Uri Portal(string path) => city.Site.Url(null, path);

    private static IEnumerable<(string, string, string, string, string, double, string)> Rows(JsonElement json) =>
        json.GetProperty("observations").EnumerateArray().Select(o => (o.GetProperty("pd").GetString()!, o.GetProperty("indicator").GetString()!,
            o.GetProperty("period").GetString()!, o.GetProperty("area").GetString()!, o.GetProperty("disaggregation").GetString()!,
            o.GetProperty("value").GetDouble(), o.GetProperty("status").GetString()!));

    [Fact]
    public async Task The_answers_equal_the_database_for_every_filter_and_format()
    {
        using var client = city.Site.NewVisitor();
        var all = await city.PortalRowsAsync("tenant = 'dinkes' AND code = 'DBD-KASUS'");
        Assert.True(all.Count > 300);
        var periods = all.Select(r => r.Period).Distinct().Order().ToList();
        var (from, to) = (periods[3], periods[8]);

        async Task Same(string query, IEnumerable<(string, string, string, string, string, double, string)> expected)
        {
            var json = await client.Http.GetFromJsonAsync<JsonElement>(Portal("/api/statistik/data/dinkes/DBD-KASUS?pageSize=10000&" + query));
            Assert.Equal(expected.ToList(), Rows(json).ToList());
        }
        await Same("", all);
        await Same("area=32.75.01", all.Where(r => r.Area == "32.75.01"));
        await Same("area=32.75%2B32.75.02", all.Where(r => r.Area is "32.75" or "32.75.02"));
        await Same($"startPeriod={from}&endPeriod={to}", all.Where(r => string.CompareOrdinal(r.Period, from) >= 0 && string.CompareOrdinal(r.Period, to) <= 0));
        await Same("lastNObservations=2", all.Where(r => string.CompareOrdinal(r.Period, periods[^2]) >= 0));
        await Same("updatedAfter=2999-01-01T00:00:00Z", []);

        var population = await city.PortalRowsAsync("code = 'PENDUDUK' AND disaggregation = 'Perempuan'");
        var women = await client.Http.GetFromJsonAsync<JsonElement>(Portal("/api/statistik/data/disdukcapil/PENDUDUK?disaggregation=Perempuan"));
        Assert.Equal(population, Rows(women).ToList());

        // CSV by the Accept header, and the SDMX-JSON data message: the same observations.
        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, Portal("/api/statistik/data/dinkes/DBD-KASUS?area=32.75.01&pageSize=10000"));
        csvRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var csv = await (await client.SendAsync(csvRequest)).Content.ReadAsStringAsync();
        var csvLines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(all.Count(r => r.Area == "32.75.01"), csvLines.Count);
        Assert.All(csvLines, l => Assert.Contains(",32.75.01,", l));

        using var sdmxRequest = new HttpRequestMessage(HttpMethod.Get, Portal("/api/statistik/data/dinkes/DBD-KASUS?pageSize=10000"));
        sdmxRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.sdmx.data+json"));
        var sdmxResponse = await client.SendAsync(sdmxRequest);
        Assert.Equal("application/vnd.sdmx.data+json", sdmxResponse.Content.Headers.ContentType?.MediaType);
        var sdmx = await sdmxResponse.Content.ReadFromJsonAsync<JsonElement>();
        var structure = sdmx.GetProperty("data").GetProperty("structures")[0].GetProperty("dimensions");
        var areaValues = structure.GetProperty("series")[2].GetProperty("values").EnumerateArray().Select(v => v.GetProperty("id").GetString()).ToList();
        var timeValues = structure.GetProperty("observation")[0].GetProperty("values").EnumerateArray().Select(v => v.GetProperty("id").GetString()).ToList();
        var fromSdmx = new List<(string Area, string Period, double Value)>();
        foreach (var series in sdmx.GetProperty("data").GetProperty("dataSets")[0].GetProperty("series").EnumerateObject())
        {
            var area = areaValues[int.Parse(series.Name.Split(':')[2], CultureInfo.InvariantCulture)]!;
            foreach (var observation in series.Value.GetProperty("observations").EnumerateObject())
                fromSdmx.Add((area, timeValues[int.Parse(observation.Name, CultureInfo.InvariantCulture)]!, observation.Value[0].GetDouble()));
        }
        Assert.Equal(all.Select(r => (r.Area, r.Period, r.Value)).OrderBy(x => x).ToList(), fromSdmx.OrderBy(x => x).ToList());
    }

    [Fact]
    public async Task A_client_following_the_next_links_reads_every_observation_of_the_city_exactly_once()
    {
        using var client = city.Site.NewVisitor();
        var seen = new List<(string, string, string, string, string, double, string)>();
        Uri? next = Portal("/api/statistik/data?pageSize=97");
        var pages = 0;
        while (next is not null)
        {
            var response = await client.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var json = await response.Content.ReadFromJsonAsync<JsonElement>();
            seen.AddRange(Rows(json));
            next = json.GetProperty("next").GetString() is { } link ? new Uri(Portal("/"), link) : null;
            pages++;
        }
        var expected = await city.PortalRowsAsync();
        Assert.True(pages > 5);
        Assert.Equal(expected.Count, seen.Distinct().Count());
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task An_unchanged_answer_is_not_sent_again_and_bad_parameters_get_a_clear_400()
    {
        using var client = city.Site.NewVisitor();
        var first = await client.GetAsync(Portal("/api/statistik/data/dinkes/DBD-KASUS?area=32.75"));
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Contains("max-age", first.Headers.CacheControl?.ToString());
        using var again = new HttpRequestMessage(HttpMethod.Get, Portal("/api/statistik/data/dinkes/DBD-KASUS?area=32.75"));
        again.Headers.IfNoneMatch.Add(etag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);

        foreach (var (query, field) in new[]
                 {
                     ("startPeriod=kemarin", "startPeriod"), ("endPeriod=2025-M13", "endPeriod"), ("area=99.99", "area"),
                     ("cursor=%%%", "cursor"), ("pageSize=0", "pageSize"), ("lastNObservations=-1", "lastNObservations"), ("format=pdf", "format"),
                 })
        {
            var response = await client.GetAsync(Portal("/api/statistik/data/dinkes/DBD-KASUS?" + query));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{query}: {problem}");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Portal("/api/statistik/data/dinkes/TIDAK-ADA"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(Portal("/api/statistik/data?updatedAfter=bukan-tanggal"))).StatusCode);
    }

    [Fact]
    public async Task Indicators_are_listed_and_searched_with_Indonesian_stemming()
    {
        using var client = city.Site.NewVisitor();
        var list = await client.Http.GetFromJsonAsync<JsonElement>(Portal("/api/statistik/indikator?kelompok=kesehatan"));
        Assert.Equal(["DBD-KASUS"], list.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToArray());
        // "kependudukan" shares its root with "penduduk": the stemmed search finds the population indicator.
        var found = await client.Http.GetFromJsonAsync<JsonElement>(Portal("/api/statistik/indikator?q=kependudukan"));
        Assert.Contains(found.GetProperty("indicators").EnumerateArray(), i => i.GetProperty("code").GetString() == "PENDUDUK" && i.GetProperty("pd").GetString() == "disdukcapil");
    }

    [Fact]
    public async Task The_API_is_described_by_an_OpenAPI_document_with_a_reference_page()
    {
        using var client = city.Site.NewVisitor();
        var document = await client.Http.GetFromJsonAsync<JsonElement>(Portal("/openapi/v1.json"));
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/statistik/data/{pd}/{code}", paths);
        Assert.Contains("/api/statistik/indikator", paths);
        var data = document.GetProperty("paths").GetProperty("/api/statistik/data/{pd}/{code}").GetProperty("get");
        var parameters = data.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("startPeriod", parameters, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("lastNObservations", parameters, StringComparer.OrdinalIgnoreCase);
        var reference = await client.OpenAsync(Portal("/openapi/referensi"));
        Assert.Equal(HttpStatusCode.OK, reference.Status);
    }

    // Issue 15: the sample PD sites a newcomer's first run makes show a whole contact, like the portal (this class
    // holds the one sample-city fixture of the suite).
    [Theory]
    [InlineData("dinkes", "Jl. Ir. H. Juanda No. 100")]
    [InlineData("kec-jatiasih", "Kantor Kecamatan Jatiasih")]
    public async Task The_sample_pd_sites_show_their_office_address_and_phone(string pd, string address)
    {
        using var visitor = city.Site.NewVisitor();
        var home = await visitor.OpenAsync(city.Site.Url(pd, "/"));
        var contact = home.Document.QuerySelector("section.contact")!.TextContent;
        Assert.Contains(address, contact);
        Assert.Contains("(021) 88397963", contact);
        Assert.Contains($"admin@{pd}.bekasikota.go.id", contact);
    }
}
