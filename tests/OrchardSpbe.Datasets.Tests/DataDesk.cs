using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace OrchardSpbe.Datasets.Tests;

/// <summary>
/// The people of open data on one test site: a PD (new tenant, pd-site recipe) with its administrator, a data officer
/// (DataOfficer: writes datasets and submits them) and the PD head (Reviewer: approves) — each signing in through the
/// login form — and the steps they take in the admin, as their browsers would post them.
/// </summary>
public sealed class DataDesk(TestSite site, string pd, SiteClient pdAdmin)
{
    public const string Password = "Walidata-Kuat-2026";

    public string Pd => pd;
    public TestSite Site => site;
    public SiteClient PdAdmin => pdAdmin;

    public Uri Url(string path) => site.Url(pd, path);
    public Uri PortalUrl(string path) => site.Url(null, path);

    public static async Task<DataDesk> OpenAsync(TestSite site, string prefix = "dinkes")
    {
        var pd = prefix + Guid.NewGuid().ToString("N")[..6];
        await site.CreateTenantAsync(pd, "Dinas Kesehatan Uji " + pd);
        var admin = site.NewVisitor();
        await admin.SignInAsync(site.Url(pd), "admin", TestEnvironment.AdminPassword);
        var list = string.Join(",", new[] { ("petugas", "DataOfficer"), ("kepala", "Reviewer") }.Select(u =>
            $$"""{ "userName": "{{u.Item1}}", "email": "{{u.Item1}}@{{pd}}.bekasikota.go.id", "password": "{{Password}}", "roles": ["{{u.Item2}}"] }"""));
        var result = await admin.SubmitAsync(site.Url(pd, "/admin/recipes"), "form.card", new Dictionary<string, string>
        {
            ["json"] = $$"""{ "name": "tim-data", "steps": [ { "name": "users", "users": [ {{list}} ] } ] }""",
        });
        Assert.Empty(result.Errors);
        return new DataDesk(site, pd, admin);
    }

    public async Task<SiteClient> SignInAsync(string userName)
    {
        var client = site.NewVisitor();
        await client.SignInAsync(site.Url(pd), userName, Password);
        return client;
    }

    public static Dictionary<string, string> DatasetForm(string title, string slug, string classification = "terbuka", string button = "publish", string tags = "dbd, kesehatan") => new()
    {
        ["TitlePart.Title"] = title,
        ["DatasetPart.Slug"] = slug,
        ["DatasetPart.Description"] = "Jumlah kasus demam berdarah dengue yang tercatat di puskesmas menurut kecamatan dan bulan.",
        ["DatasetPart.DataGroup"] = "kesehatan",
        ["DatasetPart.LicenseId"] = "cc-by",
        ["DatasetPart.Classification"] = classification,
        ["DatasetPart.UpdateFrequency"] = "bulanan",
        ["DatasetPart.SpatialCoverage"] = "32.75",
        ["DatasetPart.TemporalStart"] = "2025",
        ["DatasetPart.TemporalEnd"] = "2025-12-31",
        ["DatasetPart.Tags"] = tags,
        ["DatasetPart.ContactName"] = "Seksi Surveilans",
        ["DatasetPart.ContactEmail"] = "surveilans@dinkes.bekasikota.go.id",
        ["submit"] = button,
    };

    /// <summary>The PD administrator writes a dataset and publishes it at once; returns its content item id.</summary>
    public async Task<string> PublishDatasetAsync(string title, string slug, string classification = "terbuka", string tags = "dbd, kesehatan")
    {
        var page = await pdAdmin.SubmitAsync(Url("/admin/contents/create/Dataset"), "form.content-editor", DatasetForm(title, slug, classification, "publish", tags));
        Assert.Empty(page.Errors);
        return IdOf(page);
    }

    /// <summary>The item's id, from the address of its editor.</summary>
    public static string IdOf(Page editor) => editor.Url.AbsolutePath.Split('/')[3];

    /// <summary>Adds a resource on the dataset's resources page: a file, or a link with its format.</summary>
    public Task<Page> AddResourceAsync(SiteClient client, string datasetId, string name, string? fileName = null, byte[]? content = null, string? url = null, string format = "CSV") =>
        client.SubmitAsync(Url($"/admin/data/{datasetId}"), "form.add-resource",
            new Dictionary<string, string> { ["name"] = name, ["url"] = url ?? "", ["format"] = format },
            fileName is null ? null : [("file", fileName, content!)]);

    /// <summary>The id of the resource called <paramref name="name"/>, from the resources page.</summary>
    public async Task<string> ResourceIdAsync(string datasetId, string name)
    {
        var page = await pdAdmin.OpenAsync(Url($"/admin/data/{datasetId}"));
        var row = page.Document.QuerySelectorAll("tr[data-resource]").FirstOrDefault(r => r.TextContent.Contains(name))
                  ?? throw new InvalidOperationException("Resource not listed: " + page.Html[..Math.Min(2000, page.Html.Length)]);
        return row.GetAttribute("data-resource")!;
    }

    /// <summary>A table of DBD cases: month × 12 kecamatan, <paramref name="months"/> months.</summary>
    public static byte[] DbdCsv(int months = 12, int offset = 0)
    {
        var csv = new StringBuilder("bulan,kecamatan,kasus,rasio\n");
        for (var month = 1; month <= months; month++)
            for (var k = 1; k <= 12; k++)
                csv.Append($"2025-{month:D2}-01,Kecamatan {k:D2},{(month * 7 + k * 3 + offset) % 40},{k}.5\n");
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    public async Task<JsonElement> ActionAsync(SiteClient client, string action, string query = "")
    {
        var response = await client.GetAsync(Url($"/api/3/action/{action}{(query.Length > 0 ? "?" + query : "")}"));
        return await response.Content.ReadFromJsonAsync<JsonElement>();
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
