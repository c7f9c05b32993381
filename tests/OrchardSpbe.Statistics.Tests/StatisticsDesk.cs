using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace OrchardSpbe.Statistics.Tests;

/// <summary>
/// The people of the monthly hand-over on one test site: a PD (new tenant, pd-site recipe) with its administrator and
/// data officer (DataOfficer), and the city portal's verifier (Verifier) — each signing in through the login form —
/// and the steps they take in the admin, as their browsers would post them.
/// </summary>
public sealed class StatisticsDesk(TestSite site, string pd, SiteClient pdAdmin)
{
    public const string Password = "Petugas-Data-Kuat-2026";

    public string Pd => pd;
    public TestSite Site => site;
    public SiteClient PdAdmin => pdAdmin;

    public Uri Url(string path) => site.Url(pd, path);
    public Uri PortalUrl(string path) => site.Url(null, path);

    public static async Task<StatisticsDesk> OpenAsync(TestSite site, string prefix = "dinkes", bool withVerifier = true)
    {
        var pd = prefix + Guid.NewGuid().ToString("N")[..6];
        await site.CreateTenantAsync(pd, "Dinas Kesehatan Uji " + pd);
        var admin = site.NewVisitor();
        await admin.SignInAsync(site.Url(pd), "admin", TestEnvironment.AdminPassword);
        await AddUsersAsync(admin, site.Url(pd, "/admin/recipes"), pd, ("petugas", "DataOfficer"), ("petugas2", "DataOfficer"));
        if (withVerifier)
        {
            using var portalAdmin = site.NewVisitor();
            await portalAdmin.SignInAsync(site.Url(null), "admin", TestEnvironment.AdminPassword);
            await AddUsersAsync(portalAdmin, site.Url(null, "/admin/recipes"), "portal", ("verifikator" + pd, "Verifier"));
        }
        return new StatisticsDesk(site, pd, admin);
    }

    public string VerifierName => "verifikator" + pd;

    public static async Task AddUsersAsync(SiteClient admin, Uri recipes, string domain, params (string UserName, string Role)[] users)
    {
        var list = string.Join(",", users.Select(u =>
            $$"""{ "userName": "{{u.UserName}}", "email": "{{u.UserName}}@{{domain}}.bekasikota.go.id", "password": "{{Password}}", "roles": ["{{u.Role}}"] }"""));
        var result = await admin.SubmitAsync(recipes, "form.card", new Dictionary<string, string>
        {
            ["json"] = $$"""{ "name": "tim-data", "steps": [ { "name": "users", "users": [ {{list}} ] } ] }""",
        });
        Assert.Empty(result.Errors);
    }

    public async Task<SiteClient> OfficerAsync(string userName = "petugas")
    {
        var client = site.NewVisitor();
        await client.SignInAsync(site.Url(pd), userName, Password);
        return client;
    }

    public async Task<SiteClient> VerifierAsync()
    {
        var client = site.NewVisitor();
        await client.SignInAsync(site.Url(null), VerifierName, Password);
        return client;
    }

    /// <summary>The PD administrator creates an indicator in the content editor and publishes it; returns its content item id.</summary>
    public async Task<string> CreateIndicatorAsync(string code, string title, string periodicity = "bulanan", string disaggregations = "", string level = "kecamatan")
    {
        var page = await pdAdmin.SubmitAsync(Url("/admin/contents/create/Indicator"), "form.content-editor", new Dictionary<string, string>
        {
            ["TitlePart.Title"] = title,
            ["IndicatorPart.Code"] = code,
            ["IndicatorPart.Category"] = "sektoral",
            ["IndicatorPart.DataGroup"] = "kesehatan",
            ["IndicatorPart.Periodicity"] = periodicity,
            ["IndicatorPart.EstimationLevel"] = level,
            ["IndicatorPart.Concept"] = "Demam berdarah dengue adalah penyakit yang ditularkan nyamuk Aedes aegypti.",
            ["IndicatorPart.Definition"] = "Jumlah kasus demam berdarah dengue yang tercatat menurut kecamatan.",
            ["IndicatorPart.Method"] = "Penjumlahan kasus dari laporan puskesmas dan rumah sakit.",
            ["IndicatorPart.Unit"] = "kasus",
            ["IndicatorPart.Disaggregations"] = disaggregations,
            ["submit"] = "publish",
        });
        Assert.Empty(page.Errors);
        var list = await pdAdmin.OpenAsync(Url("/admin/statistik"));
        var row = list.Document.QuerySelector($"tr[data-indicator='{code}']") ?? throw new InvalidOperationException("Indicator not listed: " + list.Html[..400]);
        return row.QuerySelector("a[href*='/admin/statistik/indikator/']")!.GetAttribute("href")!.Split('/')[4];
    }

    /// <summary>A year of monthly values per kecamatan and for the city, as a data officer's CSV.</summary>
    public static string MonthlyCsv(int year, Func<int, string, double> value)
    {
        var csv = new StringBuilder("periode,wilayah,nilai,status\n");
        string[] areas = ["32.75", .. Enumerable.Range(1, 12).Select(k => $"32.75.{k:D2}")];
        for (var month = 1; month <= 12; month++)
            foreach (var area in areas)
                csv.Append(CultureInfo.InvariantCulture, $"{year}-M{month:D2},{area},{value(month, area).ToString(CultureInfo.InvariantCulture)},tetap\n");
        return csv.ToString();
    }

    /// <summary>Uploads a file on the indicator's import page; returns the import page it leads to.</summary>
    public async Task<Page> UploadAsync(SiteClient officer, string indicatorId, string fileName, byte[] content, string decimalSeparator = "titik") =>
        await officer.SubmitAsync(Url($"/admin/statistik/indikator/{indicatorId}/impor"), "form.card",
            new Dictionary<string, string> { ["decimal"] = decimalSeparator }, [("file", fileName, content)]);

    /// <summary>Follows the import's status (as the progress bar does) until checking or writing ends.</summary>
    public async Task<JsonElement> WaitForImportAsync(SiteClient officer, Uri importPage, Action<JsonElement>? observe = null)
    {
        var status = new Uri(importPage + "/status");
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var json = await officer.Http.GetFromJsonAsync<JsonElement>(status);
            observe?.Invoke(json);
            var state = json.GetProperty("state").GetString();
            if (state is not ("memeriksa" or "menulis")) return json;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The import did not finish: " + json);
            await Task.Delay(100);
        }
    }

    /// <summary>Checks, confirms and writes a valid file, as the officer does on the import page.</summary>
    public async Task ImportAsync(SiteClient officer, string indicatorId, string csv)
    {
        var page = await UploadAsync(officer, indicatorId, "data.csv", Encoding.UTF8.GetBytes(csv));
        var checkedState = await WaitForImportAsync(officer, page.Url);
        Assert.Equal("valid", checkedState.GetProperty("state").GetString());
        var show = await officer.OpenAsync(page.Url);
        var written = await show.SubmitAsync(officer, "form[action$='/simpan']", new Dictionary<string, string>());
        var done = await WaitForImportAsync(officer, written.Url);
        Assert.Equal("selesai", done.GetProperty("state").GetString());
    }

    public Task<Page> SubmitMonthAsync(SiteClient officer, string month, string summary) =>
        officer.SubmitAsync(Url("/admin/statistik/penyampaian"), "form.submission-form", new Dictionary<string, string> { ["month"] = month, ["summary"] = summary });

    /// <summary>Waits until the portal's verifier sees the PD's submission waiting; returns its page address.</summary>
    public async Task<Uri> WaitForInboundAsync(SiteClient verifier, string state = "menunggu")
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var list = await verifier.OpenAsync(PortalUrl("/admin/statistik/verifikasi?state=" + state));
            if (list.Document.QuerySelector($"tr[data-pd='{pd}'] a") is { } link) return new Uri(list.Url, link.GetAttribute("href"));
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The submission never reached the portal's verifiers.");
            await Task.Delay(200);
        }
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException(what);
            await Task.Delay(200);
        }
    }
}
