using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace OrchardSpbe.Statistics.Tests;

/// <summary>
/// A data officer's script imports values with the officer's API token, through the same import as the admin's page.
/// The values then wait for the monthly hand-over like any others, and are public once the portal accepts them. A file
/// with mistakes gets every mistake by row and column and writes nothing. A colleague without the permission gets 403.
/// </summary>
public sealed class ImportApiTests(SqliteSite fixture) : IClassFixture<SqliteSite>
{
    private static readonly int LastYear = DateTime.UtcNow.Year - 1;
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ImportAsync(StatisticsDesk desk, string code, string token, HttpContent content)
    {
        using var script = desk.Site.NewVisitor();
        using var response = await script.SendAsync(ApiTokens.Request(HttpMethod.Post, desk.Url($"/api/statistik/impor/{code}"), token, content));
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static StringContent Csv(string csv) => new(csv, Encoding.UTF8, "text/csv");

    /// <summary>How many values the indicator holds, as the officer's indicator list shows.</summary>
    private static async Task<string> ValuesShownAsync(StatisticsDesk desk, string code) =>
        (await desk.PdAdmin.OpenAsync(desk.Url("/admin/statistik"))).Document.QuerySelector($"tr[data-indicator='{code}'] td:nth-child(4)")!.TextContent.Trim();

    [Fact]
    public async Task An_officers_token_imports_a_year_of_values_that_are_public_once_the_portal_accepts_them()
    {
        var desk = await StatisticsDesk.OpenAsync(fixture.Site, "impapi");
        await desk.CreateIndicatorAsync("DBD-KASUS", "Kasus demam berdarah dengue per kecamatan");
        using var officer = await desk.OfficerAsync();
        var token = await ApiTokens.CreateAsync(officer, desk.Url("/admin/token"), "impor-bulanan");

        var (status, result) = await ImportAsync(desk, "DBD-KASUS", token, Csv(StatisticsDesk.MonthlyCsv(LastYear, (month, area) => month * 10 + area.Length)));
        Assert.True(status == HttpStatusCode.OK, result.ToString());
        Assert.Equal("selesai", result.GetProperty("state").GetString());
        Assert.Equal(156, result.GetProperty("rows").GetInt64());
        Assert.Equal(156, result.GetProperty("changed").GetInt64());
        Assert.Equal("156", await ValuesShownAsync(desk, "DBD-KASUS"));

        using var visitor = desk.Site.NewVisitor();
        var publicIndicator = desk.PortalUrl($"/api/statistik/indikator/{desk.Pd}/DBD-KASUS");
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(publicIndicator)).StatusCode);

        var month = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var sent = await desk.SubmitMonthAsync(officer, month, "Impor lewat API");
        Assert.Contains("156 nilai", sent.SuccessMessage);
        using var verifier = await desk.VerifierAsync();
        var review = await verifier.OpenAsync(await desk.WaitForInboundAsync(verifier));
        var accepted = await review.SubmitAsync(verifier, "form[action$='/terima']", new Dictionary<string, string>());
        Assert.Equal("diterima", accepted.Document.QuerySelector(".submission-state")?.GetAttribute("data-state"));

        var indicator = await visitor.Http.GetFromJsonAsync<JsonElement>(publicIndicator);
        Assert.Equal($"{LastYear}-M12", indicator.GetProperty("indicator").GetProperty("latestPeriod").GetString());
        var march = await visitor.Http.GetFromJsonAsync<JsonElement>(
            desk.PortalUrl($"/api/statistik/data/{desk.Pd}/DBD-KASUS?area=32.75.01&startPeriod={LastYear}-M03&endPeriod={LastYear}-M03"));
        Assert.Equal(30 + "32.75.01".Length, march.GetProperty("observations")[0].GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task A_file_with_mistakes_gets_each_by_row_and_column_and_writes_nothing()
    {
        var desk = await StatisticsDesk.OpenAsync(fixture.Site, "impsalah", withVerifier: false);
        await desk.CreateIndicatorAsync("DBD-KASUS", "Kasus demam berdarah dengue");
        using var officer = await desk.OfficerAsync();
        var token = await ApiTokens.CreateAsync(officer, desk.Url("/admin/token"), "skrip");

        // Multipart, as curl -F file=@salah.csv sends it.
        using var multipart = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes($"periode,wilayah,nilai\n{LastYear}-M01,32.75,12\n{LastYear}-M02,32.99.99,3\n{LastYear}-M03,32.75,dua belas\n")), "file", "salah.csv" },
        };
        var (status, result) = await ImportAsync(desk, "DBD-KASUS", token, multipart);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("tidak-valid", result.GetProperty("state").GetString());
        Assert.Equal(2, result.GetProperty("errorCount").GetInt32());
        var errors = result.GetProperty("errors").EnumerateArray()
            .Select(e => (Row: e.GetProperty("row").GetInt64(), Column: e.GetProperty("column").GetString(), Message: e.GetProperty("message").GetString()!)).ToList();
        Assert.Contains(errors, e => e is { Row: 3, Column: "wilayah" } && e.Message.Contains("32.99.99"));
        Assert.Contains(errors, e => e is { Row: 4, Column: "nilai" } && e.Message.Contains("bukan angka"));

        // Bytes that are no spreadsheet, no file at all, another content type, an unknown indicator.
        var notXlsx = new ByteArrayContent("bukan berkas excel"u8.ToArray());
        notXlsx.Headers.ContentType = new MediaTypeHeaderValue(XlsxType);
        var broken = await ImportAsync(desk, "DBD-KASUS", token, notXlsx);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.Status);
        Assert.NotEmpty(broken.Body.GetProperty("errors")[0].GetProperty("message").GetString()!);
        using var noFile = new MultipartFormDataContent { { new StringContent("koma"), "decimal" } };
        var missing = await ImportAsync(desk, "DBD-KASUS", token, noFile);
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.True(missing.Body.GetProperty("errors").TryGetProperty("file", out _));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await ImportAsync(desk, "DBD-KASUS", token, JsonContent.Create(new { nilai = 1 }))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ImportAsync(desk, "TIDAK-ADA", token, Csv($"periode,wilayah,nilai\n{LastYear}-M01,32.75,1\n"))).Status);
        Assert.Equal("0", await ValuesShownAsync(desk, "DBD-KASUS"));

        // A spreadsheet with decimal commas, said so in the query, is written.
        var xlsx = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(xlsx, new[] { new Dictionary<string, object> { ["periode"] = $"{LastYear}-M01", ["wilayah"] = "32.75", ["nilai"] = "12,5" } });
        var sheet = new ByteArrayContent(xlsx.ToArray());
        sheet.Headers.ContentType = new MediaTypeHeaderValue(XlsxType);
        using var script = desk.Site.NewVisitor();
        using var written = await script.SendAsync(ApiTokens.Request(HttpMethod.Post, desk.Url("/api/statistik/impor/DBD-KASUS?decimal=koma"), token, sheet));
        Assert.True(written.StatusCode == HttpStatusCode.OK, await written.Content.ReadAsStringAsync());
        Assert.Equal("1", await ValuesShownAsync(desk, "DBD-KASUS"));
    }

    [Fact]
    public async Task A_colleague_without_the_import_permission_gets_403_and_a_bad_token_401()
    {
        var desk = await StatisticsDesk.OpenAsync(fixture.Site, "impizin", withVerifier: false);
        await desk.CreateIndicatorAsync("DBD-KASUS", "Kasus demam berdarah dengue");
        await StatisticsDesk.AddUsersAsync(desk.PdAdmin, desk.Url("/admin/recipes"), desk.Pd, ("penulis", "Author"));
        using var author = await desk.OfficerAsync("penulis");
        var token = await ApiTokens.CreateAsync(author, desk.Url("/admin/token"), "penulis");
        var csv = $"periode,wilayah,nilai\n{LastYear}-M01,32.75,1\n";

        var (status, problem) = await ImportAsync(desk, "DBD-KASUS", token, Csv(csv));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("Akses ditolak", problem.GetProperty("title").GetString());
        var (badStatus, badProblem) = await ImportAsync(desk, "DBD-KASUS", token + "x", Csv(csv));
        Assert.Equal(HttpStatusCode.Unauthorized, badStatus);
        Assert.Equal("Token API ditolak.", badProblem.GetProperty("title").GetString());
        Assert.Equal("0", await ValuesShownAsync(desk, "DBD-KASUS"));
    }

    // A script's author finds the import in the OpenAPI document: what it takes, what it answers, and that it takes a token.
    [Fact]
    public async Task The_import_is_described_in_the_openapi_document()
    {
        using var client = fixture.Site.NewVisitor();
        var document = await client.Http.GetFromJsonAsync<JsonElement>(fixture.Site.Url(null, "/openapi/v1.json"));
        var import = document.GetProperty("paths").GetProperty("/api/statistik/impor/{code}").GetProperty("post");
        var bodies = import.GetProperty("requestBody").GetProperty("content").EnumerateObject().Select(c => c.Name).ToList();
        Assert.Equal(["text/csv", XlsxType, "multipart/form-data"], bodies);
        var answers = import.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
        Assert.Contains("200", answers);
        Assert.Contains("422", answers);
        Assert.Contains("401", answers);
        Assert.Equal("token", import.GetProperty("security")[0].EnumerateObject().Single().Name);
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("token").GetProperty("scheme").GetString());
        var tenants = document.GetProperty("paths").GetProperty("/api/tenants").GetProperty("post");
        Assert.Equal("token", tenants.GetProperty("security")[0].EnumerateObject().Single().Name);
        Assert.False(document.GetProperty("paths").GetProperty("/api/statistik/indikator").GetProperty("get").TryGetProperty("security", out _));
    }
}
