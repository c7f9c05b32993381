using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace OrchardSpbe.Datasets.Tests;

public sealed class TokenTests(SqliteSite fixture) : IClassFixture<SqliteSite>
{
    private static async Task<string> CreateTokenAsync(DataDesk desk, SiteClient client, string name)
    {
        var page = await client.SubmitAsync(desk.Url("/admin/token"), "form.token-form", new Dictionary<string, string> { ["name"] = name, ["days"] = "30" });
        Assert.Empty(page.Errors);
        return page.Document.QuerySelector("code.new-token")!.TextContent.Trim();
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(SiteClient client, Uri url, string json, string? token, string header = "Authorization")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (token is not null) request.Headers.TryAddWithoutValidation(header, token);
        var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    // The PD's administrator creates a token in the admin and a CKAN client writes with it; once revoked it gets 403.
    [Fact]
    public async Task A_write_with_a_token_works_and_a_revoked_or_foreign_token_gets_403()
    {
        var desk = await DataDesk.OpenAsync(fixture.Site);
        var token = await CreateTokenAsync(desk, desk.PdAdmin, "ckanapi");
        using var client = fixture.Site.NewVisitor();
        var create = desk.Url("/api/3/action/package_create");
        var (status, created) = await PostAsync(client, create, $$"""
            {"name": "kunjungan-puskesmas", "title": "Kunjungan puskesmas 2025", "notes": "Jumlah kunjungan pasien per puskesmas.",
             "owner_org": "{{desk.Pd}}", "license_id": "cc-by", "groups": [{"name": "kesehatan"}], "tags": [{"name": "puskesmas"}],
             "extras": [{"key": "frekuensi", "value": "bulanan"}]}
            """, token);
        Assert.True(status == HttpStatusCode.OK, created.ToString());
        Assert.Equal("kunjungan-puskesmas", created.GetProperty("result").GetProperty("name").GetString());
        var shown = await client.Http.GetFromJsonAsync<JsonElement>(desk.Url("/api/3/action/package_show?id=kunjungan-puskesmas"));
        Assert.Equal("bulanan", shown.GetProperty("result").GetProperty("extras").EnumerateArray().First(e => e.GetProperty("key").GetString() == "frekuensi").GetProperty("value").GetString());

        var (patchStatus, patched) = await PostAsync(client, desk.Url("/api/action/package_patch"), """{"id": "kunjungan-puskesmas", "title": "Kunjungan puskesmas 2025 (revisi)"}""", token, "X-CKAN-API-Key");
        Assert.True(patchStatus == HttpStatusCode.OK, patched.ToString());
        Assert.Equal("Kunjungan puskesmas 2025 (revisi)", (await client.OpenAsync(desk.Url("/data/kunjungan-puskesmas"))).Heading);
        Assert.Equal("kesehatan", patched.GetProperty("result").GetProperty("groups")[0].GetProperty("name").GetString());

        var (invalid, error) = await PostAsync(client, create, """{"name": "Nama Tidak Sah!", "title": "x", "notes": "y"}""", token);
        Assert.Equal(HttpStatusCode.Conflict, invalid);
        Assert.Equal("Validation Error", error.GetProperty("error").GetProperty("__type").GetString());
        Assert.True(error.GetProperty("error").TryGetProperty("name", out _));

        // Without a token, even the signed-in administrator's cookie writes nothing.
        var (cookieStatus, _) = await PostAsync(desk.PdAdmin, create, """{"name": "lewat-cookie", "title": "x", "notes": "y"}""", null);
        Assert.Equal(HttpStatusCode.Forbidden, cookieStatus);

        // The token means nothing on another PD.
        var other = await DataDesk.OpenAsync(fixture.Site, "disdik");
        var (foreign, foreignBody) = await PostAsync(client, other.Url("/api/3/action/package_create"), """{"name": "asing", "title": "x", "notes": "y"}""", token);
        Assert.Equal(HttpStatusCode.Forbidden, foreign);
        Assert.Equal("Authorization Error", foreignBody.GetProperty("error").GetProperty("__type").GetString());

        // ckanapi's resource_create with a file (multipart, "upload"), then datastore_upsert appends and updates rows.
        using var multipart = new MultipartFormDataContent
        {
            { new StringContent("kunjungan-puskesmas"), "package_id" }, { new StringContent("Kunjungan 2025"), "name" },
            { new ByteArrayContent(DataDesk.DbdCsv(1)), "upload", "kunjungan.csv" },
        };
        var upload = new HttpRequestMessage(HttpMethod.Post, desk.Url("/api/3/action/resource_create")) { Content = multipart };
        upload.Headers.TryAddWithoutValidation("Authorization", token);
        var uploaded = await (await client.SendAsync(upload)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(uploaded.GetProperty("success").GetBoolean(), uploaded.ToString());
        var resourceId = uploaded.GetProperty("result").GetProperty("id").GetString()!;
        Assert.True(uploaded.GetProperty("result").GetProperty("datastore_active").GetBoolean());
        var (upserted, upsertBody) = await PostAsync(client, desk.Url("/api/3/action/datastore_upsert"), $$"""
            {"resource_id": "{{resourceId}}", "method": "insert", "records": [{"bulan": "2025-02-01", "kecamatan": "Kecamatan 13", "kasus": 5, "rasio": 1.5}]}
            """, token);
        Assert.True(upserted == HttpStatusCode.OK, upsertBody.ToString());
        var (badRecord, badBody) = await PostAsync(client, desk.Url("/api/3/action/datastore_upsert"), $$"""
            {"resource_id": "{{resourceId}}", "method": "insert", "records": [{"kasus": "banyak"}]}
            """, token);
        Assert.Equal(HttpStatusCode.Conflict, badRecord);
        Assert.True(badBody.GetProperty("error").TryGetProperty("records", out _));
        var (updated, _) = await PostAsync(client, desk.Url("/api/3/action/datastore_upsert"), $$"""
            {"resource_id": "{{resourceId}}", "method": "update", "records": [{"_id": 1, "bulan": "2025-01-01", "kecamatan": "Kecamatan 01", "kasus": 99, "rasio": 1.5}]}
            """, token);
        Assert.Equal(HttpStatusCode.OK, updated);
        var search = await client.Http.GetFromJsonAsync<JsonElement>(desk.Url($"/api/3/action/datastore_search?resource_id={resourceId}&sort=_id"));
        Assert.Equal(13, search.GetProperty("result").GetProperty("total").GetInt32());
        Assert.Equal(99, search.GetProperty("result").GetProperty("records")[0].GetProperty("kasus").GetInt32());
        // The unfiltered total is the kept row count, the filtered one counted on the column's index: both see the upsert.
        var kecamatan = Uri.EscapeDataString("""{"kecamatan": ["Kecamatan 13", "Kecamatan 01"]}""");
        var filtered = await client.Http.GetFromJsonAsync<JsonElement>(desk.Url($"/api/3/action/datastore_search?resource_id={resourceId}&filters={kecamatan}"));
        Assert.Equal(2, filtered.GetProperty("result").GetProperty("total").GetInt32());
        Assert.Equal([1L, 13L], filtered.GetProperty("result").GetProperty("records").EnumerateArray().Select(r => r.GetProperty("_id").GetInt64()));

        var list = await desk.PdAdmin.OpenAsync(desk.Url("/admin/token"));
        var revoked = await list.SubmitAsync(desk.PdAdmin, "tr[data-token] form", new Dictionary<string, string>());
        Assert.Empty(revoked.Errors);
        var (after, body) = await PostAsync(client, desk.Url("/api/3/action/package_patch"), """{"id": "kunjungan-puskesmas", "title": "Tidak boleh"}""", token);
        Assert.Equal(HttpStatusCode.Forbidden, after);
        Assert.Equal("Authorization Error", body.GetProperty("error").GetProperty("__type").GetString());
        Assert.Equal("Kunjungan puskesmas 2025 (revisi)", (await client.OpenAsync(desk.Url("/data/kunjungan-puskesmas"))).Heading);
    }

    // A data officer cannot publish: the package is saved and goes to the head's approval, not to the public.
    [Fact]
    public async Task A_data_officers_package_waits_for_approval()
    {
        var desk = await DataDesk.OpenAsync(fixture.Site);
        using var officer = await desk.SignInAsync("petugas");
        var token = await CreateTokenAsync(desk, officer, "skrip");
        using var client = fixture.Site.NewVisitor();
        var (status, created) = await PostAsync(client, desk.Url("/api/3/action/package_create"),
            """{"name": "menunggu-persetujuan", "title": "Menunggu persetujuan", "notes": "Draf dari API.", "groups": [{"name": "kesehatan"}]}""", token);
        Assert.True(status == HttpStatusCode.OK, created.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(desk.Url("/data/menunggu-persetujuan"))).StatusCode);
        using var head = await desk.SignInAsync("kepala");
        var inbox = await head.OpenAsync(desk.Url("/admin/tasks"));
        Assert.Contains(inbox.Document.QuerySelectorAll(".task-list a"), a => a.TextContent.Contains("Menunggu persetujuan"));
    }
}
