using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace OrchardSpbe.Datasets.Tests;

/// <summary>A PD with a public dataset (a CSV in the DataStore) and an excluded one, on SQLite.</summary>
public sealed class CkanCity : IAsyncLifetime
{
    public TestSite Site { get; private set; } = null!;
    public DataDesk Desk { get; private set; } = null!;
    public string ResourceId { get; private set; } = "";
    public string ExcludedResourceId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Site = await TestSite.StartAsync(new TestSiteOptions());
        Desk = await DataDesk.OpenAsync(Site);
        var id = await Desk.PublishDatasetAsync("Kasus DBD per kecamatan", "kasus-dbd");
        Assert.Empty((await Desk.AddResourceAsync(Desk.PdAdmin, id, "Kasus DBD 2025", "kasus.csv", DataDesk.DbdCsv())).Errors);
        ResourceId = await Desk.ResourceIdAsync(id, "Kasus DBD 2025");
        var excluded = await Desk.PublishDatasetAsync("Data pasien rahasia", "data-pasien", "dikecualikan", "rahasia");
        Assert.Empty((await Desk.AddResourceAsync(Desk.PdAdmin, excluded, "Pasien", "pasien.csv", Encoding.UTF8.GetBytes("nama,umur\nA,30\nB,40\n"))).Errors);
        ExcludedResourceId = await Desk.ResourceIdAsync(excluded, "Pasien");
    }

    public async Task DisposeAsync() => await Site.DisposeAsync();
}

public sealed class CkanApiTests(CkanCity city) : IClassFixture<CkanCity>
{
    private DataDesk Desk => city.Desk;

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string action, string query = "", string prefix = "/api/3/action/")
    {
        using var client = city.Site.NewVisitor();
        var response = await client.GetAsync(Desk.Url(prefix + action + (query.Length > 0 ? "?" + query : "")));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json", $"{action}?{query}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 600)]}");
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string action, string json)
    {
        using var client = city.Site.NewVisitor();
        var response = await client.Http.PostAsync(Desk.Url("/api/3/action/" + action), new StringContent(json, Encoding.UTF8, "application/json"));
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    // A client (ckanapi) searches, opens the dataset and pages through its DataStore with a filter: the same rows the
    // resource page shows.
    [Fact]
    public async Task A_client_sequence_returns_the_same_data_as_the_pages()
    {
        var (status, search) = await GetAsync("package_search", $"fq=organization:{Desk.Pd}&facet.field=[\"res_format\",\"tags\"]&rows=5");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(search.GetProperty("success").GetBoolean());
        Assert.EndsWith("/api/3/action/help_show?name=package_search", search.GetProperty("help").GetString());
        var result = search.GetProperty("result");
        Assert.Equal(1, result.GetProperty("count").GetInt32()); // the excluded dataset is not listed
        Assert.Equal(1, result.GetProperty("facets").GetProperty("res_format").GetProperty("CSV").GetInt32());
        Assert.Equal("CSV", result.GetProperty("search_facets").GetProperty("res_format").GetProperty("items")[0].GetProperty("name").GetString());
        var name = result.GetProperty("results")[0].GetProperty("name").GetString()!;

        var (_, show) = await GetAsync("package_show", "id=" + name, "/api/action/");
        var package = show.GetProperty("result");
        Assert.Equal("Kasus DBD per kecamatan", package.GetProperty("title").GetString());
        Assert.Equal(Desk.Pd, package.GetProperty("organization").GetProperty("name").GetString());
        Assert.Equal("kesehatan", package.GetProperty("groups")[0].GetProperty("name").GetString());
        var resource = package.GetProperty("resources")[0];
        Assert.True(resource.GetProperty("datastore_active").GetBoolean());
        Assert.StartsWith("sha256:", resource.GetProperty("hash").GetString());
        var resourceId = resource.GetProperty("id").GetString()!;

        var filters = Uri.EscapeDataString("""{"kecamatan": "Kecamatan 03"}""");
        var (_, page1) = await GetAsync("datastore_search", $"resource_id={resourceId}&filters={filters}&limit=5&sort=kasus desc");
        var data = page1.GetProperty("result");
        Assert.Equal(12, data.GetProperty("total").GetInt32());
        Assert.Equal(["_id", "bulan", "kecamatan", "kasus", "rasio"], data.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
        Assert.Equal(["int8", "timestamp", "text", "int8", "numeric"], data.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("type").GetString()));
        Assert.Equal(5, data.GetProperty("records").GetArrayLength());
        Assert.EndsWith("offset=5", data.GetProperty("_links").GetProperty("next").GetString());
        var (_, page3) = await GetAsync("datastore_search", $"resource_id={resourceId}&filters={filters}&limit=5&offset=10&sort=kasus desc");
        Assert.Equal(2, page3.GetProperty("result").GetProperty("records").GetArrayLength());
        var apiCases = page1.GetProperty("result").GetProperty("records").EnumerateArray().Select(r => r.GetProperty("kasus").GetInt64().ToString()).ToList();

        using var visitor = city.Site.NewVisitor();
        var preview = await visitor.OpenAsync(Desk.Url($"/data/{name}/sumber/{resourceId}?kolom=kecamatan&nilai=Kecamatan%2003&urut=kasus&arah=turun"));
        var pageCases = preview.Document.QuerySelectorAll("table.data-preview tbody tr").Take(5).Select(r => r.QuerySelectorAll("td")[2].TextContent).ToList();
        Assert.Equal(pageCases, apiCases);

        var (_, sql) = await GetAsync("datastore_search_sql", "sql=" + Uri.EscapeDataString($"SELECT kecamatan, SUM(kasus) AS jumlah FROM \"{resourceId}\" GROUP BY kecamatan ORDER BY kecamatan"));
        Assert.True(sql.GetProperty("success").GetBoolean(), sql.ToString());
        Assert.Equal(12, sql.GetProperty("result").GetProperty("records").GetArrayLength());
    }

    [Fact]
    public async Task The_lists_answer_in_CKANs_shapes()
    {
        Assert.Equal([Desk.Pd], (await GetAsync("organization_list")).Body.GetProperty("result").EnumerateArray().Select(e => e.GetString()));
        var org = (await GetAsync("organization_list", "all_fields=true")).Body.GetProperty("result")[0];
        Assert.Equal(1, org.GetProperty("package_count").GetInt32());
        Assert.Equal(20, (await GetAsync("group_list")).Body.GetProperty("result").GetArrayLength());
        Assert.Contains("dbd", (await GetAsync("tag_list")).Body.GetProperty("result").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain("rahasia", (await GetAsync("tag_list")).Body.GetProperty("result").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("cc-by", (await GetAsync("license_list")).Body.GetProperty("result").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        Assert.Equal(["kasus-dbd"], (await GetAsync("package_list")).Body.GetProperty("result").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("2.10.0", (await GetAsync("status_show")).Body.GetProperty("result").GetProperty("ckan_version").GetString());
        Assert.Equal(city.ResourceId, (await GetAsync("resource_show", "id=" + city.ResourceId)).Body.GetProperty("result").GetProperty("id").GetString());
        Assert.Equal(1, (await GetAsync("organization_show", "id=" + Desk.Pd)).Body.GetProperty("result").GetProperty("package_count").GetInt32());
        var (status, posted) = await PostAsync("package_search", """{"q": "kasus", "rows": 5000}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, posted.GetProperty("result").GetProperty("count").GetInt32());
        var (_, clamped) = await GetAsync("datastore_search", $"resource_id={city.ResourceId}&limit=100000&include_total=false");
        Assert.Equal(32000, clamped.GetProperty("result").GetProperty("limit").GetInt32());
        Assert.False(clamped.GetProperty("result").TryGetProperty("total", out _));
        Assert.Equal(100, (await GetAsync("datastore_search", $"resource_id={city.ResourceId}")).Body.GetProperty("result").GetProperty("records").GetArrayLength());
    }

    // What harvesters and ckanapi scripts send in fq: groups, negation, AND/OR, and date and count ranges
    // (incremental harvesting asks for metadata_modified:[last run TO *]).
    [Theory]
    [InlineData("organization:(tidak-ada OR {pd}) AND name:kasus-dbd", 1)]
    [InlineData("+name:kasus-dbd -tags:dbd", 0)]
    [InlineData("name:kasus-dbd AND NOT res_format:PDF", 1)]
    [InlineData("name:kasus-dbd AND (tags:tidak-ada OR tags:kesehatan)", 1)]
    [InlineData("name:kasus-dbd tags:tidak-ada", 0)]
    [InlineData("name:\"kasus-dbd\" metadata_modified:[NOW-1DAY TO *]", 1)]
    [InlineData("name:kasus-dbd metadata_modified:[* TO 2020-01-01T00:00:00Z]", 0)]
    [InlineData("name:kasus-dbd metadata_created:{2020-01-01 TO NOW/DAY+1DAY}", 1)]
    [InlineData("name:kasus-dbd num_resources:[1 TO *] tags:*", 1)]
    [InlineData("name:kasus-dbd num_resources:[2 TO *]", 0)]
    public async Task Package_search_understands_the_filters_clients_send(string fq, int count)
    {
        var (status, body) = await GetAsync("package_search", "fq=" + Uri.EscapeDataString(fq.Replace("{pd}", Desk.Pd)));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(count, body.GetProperty("result").GetProperty("count").GetInt32());
        var (_, inQ) = await GetAsync("package_search", "q=" + Uri.EscapeDataString(fq.Replace("{pd}", Desk.Pd)));
        Assert.Equal(count, inQ.GetProperty("result").GetProperty("count").GetInt32());
    }

    [Theory]
    [InlineData("tidak_ada", "", 400, null, "Bad request: Action name not known: tidak_ada")]
    [InlineData("package_create", "", 400, null, "Bad request: JSON Error: Invalid request. Please use POST method for your request")]
    [InlineData("package_show", "id=tidak-ada", 404, "Not Found Error", null)]
    [InlineData("package_show", "", 409, "Validation Error", "id")]
    [InlineData("package_search", "rows=-1", 409, "Validation Error", "rows")]
    [InlineData("package_search", "start=abc", 409, "Validation Error", "start")]
    [InlineData("package_search", "fq=organization:x OR 1=1", 400, "Search Query Error", null)]
    [InlineData("package_search", "q={!xmlparser v='x'}", 400, "Search Query Error", null)]
    [InlineData("package_search", "fq=metadata_modified:[kemarin TO *]", 400, "Search Query Error", null)]
    [InlineData("package_search", "fq=num_resources:[satu TO *]", 400, "Search Query Error", null)]
    [InlineData("package_search", "fq=tags:(dbd", 400, "Search Query Error", null)]
    [InlineData("package_search", "fq=tags:db*", 400, "Search Query Error", null)]
    [InlineData("package_search", "fq=tags:dbd~2", 400, "Search Query Error", null)]
    [InlineData("package_search", "fq=password:x", 400, "Search Query Error", null)]
    [InlineData("package_search", "fq=((((((((((((((((((tags:dbd))))))))))))))))))", 400, "Search Query Error", null)]
    [InlineData("package_search", "sort=password desc", 400, "Search Query Error", null)]
    [InlineData("package_search", "facet.field=[not json", 409, "Validation Error", "facet.field")]
    [InlineData("package_show", "id=data-pasien", 403, "Authorization Error", null)]
    [InlineData("datastore_search", "resource_id=00000000-0000-0000-0000-000000000000", 404, "Not Found Error", null)]
    [InlineData("datastore_search", "limit=-5&resource_id=x", 409, "Validation Error", "limit")]
    [InlineData("datastore_search_sql", "sql=DELETE FROM x", 403, "Authorization Error", null)]
    public async Task Every_error_answers_with_CKANs_type_and_status(string action, string query, int status, string? type, string? detail)
    {
        var (code, body) = await GetAsync(action, query);
        Assert.Equal(status, (int)code);
        if (type is null)
        {
            Assert.Equal(JsonValueKind.String, body.ValueKind);
            Assert.Equal(detail, body.GetString());
            return;
        }
        Assert.False(body.GetProperty("success").GetBoolean());
        var error = body.GetProperty("error");
        Assert.Equal(type, error.GetProperty("__type").GetString());
        if (type == "Validation Error") Assert.Equal(JsonValueKind.Array, error.GetProperty(detail!).ValueKind);
        else Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task The_DataStore_of_an_excluded_dataset_and_writes_are_refused()
    {
        var (status, body) = await GetAsync("datastore_search", "resource_id=" + city.ExcludedResourceId);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("Authorization Error", body.GetProperty("error").GetProperty("__type").GetString());
        (status, _) = await GetAsync("datastore_search_sql", "sql=" + Uri.EscapeDataString($"SELECT * FROM \"{city.ExcludedResourceId}\""));
        Assert.Equal(HttpStatusCode.Forbidden, status);

        var table = $"\"{city.ResourceId}\"";
        foreach (var (sql, expected, type) in new[]
                 {
                     ($"SELECT * FROM {table}; DROP TABLE ds_resources", 409, "Validation Error"),
                     ($"SELECT * FROM {table} -- comment", 409, "Validation Error"),
                     ($"SELECT pg_read_file('/etc/passwd') FROM {table}", 403, "Authorization Error"),
                     ($"SELECT readfile('/etc/passwd') FROM {table}", 403, "Authorization Error"),
                     ($"SELECT * FROM {table}, ds_resources", 403, "Authorization Error"),
                     ($"SELECT * FROM {table} WHERE _id IN (SELECT 1 FROM spbe_users)", 403, "Authorization Error"),
                     ($"UPDATE {table} SET kasus = 0", 403, "Authorization Error"),
                     ($"SELECT * INTO salinan FROM {table}", 403, "Authorization Error"),
                 })
        {
            var (code, answer) = await GetAsync("datastore_search_sql", "sql=" + Uri.EscapeDataString(sql));
            Assert.True(expected == (int)code, sql + " → " + answer);
            Assert.Equal(type, answer.GetProperty("error").GetProperty("__type").GetString());
        }
        Assert.Equal(144, (await GetAsync("datastore_search", "resource_id=" + city.ResourceId)).Body.GetProperty("result").GetProperty("total").GetInt32());

        var (postStatus, post) = await PostAsync("package_create", """{"name": "baru", "owner_org": "x"}""");
        Assert.Equal(HttpStatusCode.Forbidden, postStatus);
        Assert.Equal("Authorization Error", post.GetProperty("error").GetProperty("__type").GetString());
        var (badStatus, bad) = await PostAsync("package_search", """{"q": "x",""");
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.StartsWith("Bad request: JSON Error", bad.GetString());
        var (listStatus, list) = await PostAsync("package_search", "[1, 2]");
        Assert.Equal(HttpStatusCode.BadRequest, listStatus);
        Assert.StartsWith("Bad request: JSON Error", list.GetString());
    }

    [Fact]
    public async Task The_portal_answers_for_every_PDs_public_datasets()
    {
        using var client = city.Site.NewVisitor();
        await DataDesk.WaitUntilAsync(async () =>
        {
            var json = await client.Http.GetFromJsonAsync<JsonElement>(Desk.PortalUrl($"/api/3/action/package_search?fq=organization:{Desk.Pd}"));
            return json.GetProperty("result").GetProperty("count").GetInt32() == 1;
        }, "the portal never listed the PD's dataset");
        var show = await client.Http.GetFromJsonAsync<JsonElement>(Desk.PortalUrl("/api/3/action/package_show?id=kasus-dbd"));
        Assert.Contains(Desk.Pd, show.GetProperty("result").GetProperty("resources")[0].GetProperty("url").GetString());
        var hidden = await client.GetAsync(Desk.PortalUrl("/api/3/action/package_show?id=data-pasien"));
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);

        // A second PD publishes a dataset of the same name: on the portal it is "kasus-dbd--{pd}", and each name
        // answers with its own PD's data, in package_show, package_list, package_search and DCAT.
        var other = await DataDesk.OpenAsync(city.Site, "disdik");
        await other.PublishDatasetAsync("Kasus DBD di sekolah", "kasus-dbd");
        await DataDesk.WaitUntilAsync(async () =>
        {
            var json = await client.Http.GetFromJsonAsync<JsonElement>(Desk.PortalUrl($"/api/3/action/package_search?fq=organization:{other.Pd}"));
            return json.GetProperty("result").GetProperty("count").GetInt32() == 1;
        }, "the portal never listed the second PD's dataset");
        var qualified = "kasus-dbd--" + other.Pd;
        var found = await client.Http.GetFromJsonAsync<JsonElement>(Desk.PortalUrl($"/api/3/action/package_search?fq=organization:{other.Pd}"));
        Assert.Equal(qualified, found.GetProperty("result").GetProperty("results")[0].GetProperty("name").GetString());
        var first = await client.Http.GetFromJsonAsync<JsonElement>(Desk.PortalUrl("/api/3/action/package_show?id=kasus-dbd"));
        Assert.Equal(Desk.Pd, first.GetProperty("result").GetProperty("organization").GetProperty("name").GetString());
        var second = await client.Http.GetFromJsonAsync<JsonElement>(Desk.PortalUrl("/api/3/action/package_show?id=" + qualified));
        Assert.Equal(other.Pd, second.GetProperty("result").GetProperty("organization").GetProperty("name").GetString());
        Assert.Equal("Kasus DBD di sekolah", second.GetProperty("result").GetProperty("title").GetString());
        var names = (await client.Http.GetFromJsonAsync<JsonElement>(Desk.PortalUrl("/api/3/action/package_list"))).GetProperty("result").EnumerateArray().Select(n => n.GetString()).ToList();
        Assert.Contains("kasus-dbd", names);
        Assert.Contains(qualified, names);
        Assert.Equal(names.Count, names.Distinct().Count());
        var byName = await client.Http.GetFromJsonAsync<JsonElement>(Desk.PortalUrl($"/api/3/action/package_search?fq=name:{qualified}"));
        Assert.Equal(1, byName.GetProperty("result").GetProperty("count").GetInt32());
        var dcat = await client.Http.GetStringAsync(Desk.PortalUrl($"/dataset/{qualified}.jsonld"));
        Assert.Contains("Kasus DBD di sekolah", dcat);
        // On its own site the second PD's dataset keeps its plain name.
        var own = await client.Http.GetFromJsonAsync<JsonElement>(other.Url("/api/3/action/package_show?id=kasus-dbd"));
        Assert.Equal("kasus-dbd", own.GetProperty("result").GetProperty("name").GetString());
    }
}
