namespace OrchardSpbe.Hardening.Tests;

/// <summary>A PD site with its administrator signed in, filling the admin's forms as a person does.</summary>
public sealed class PdDesk(TestSite site, string pd, SiteClient client)
{
    /// <summary>A 1×1 PNG, and the first bytes of a PDF: a real image and a real document.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    public string Pd => pd;
    public SiteClient Client => client;
    public TestSite Site => site;

    public static async Task<PdDesk> OpenAsync(TestSite site, string prefix = "pd")
    {
        var pd = prefix + Guid.NewGuid().ToString("N")[..8];
        await site.CreateTenantAsync(pd, "Dinas Uji " + pd);
        var client = site.NewVisitor();
        await client.SignInAsync(site.Url(pd), "admin", TestEnvironment.AdminPassword);
        return new PdDesk(site, pd, client);
    }

    public Uri Url(string path) => site.Url(pd, path);

    /// <summary>Fills the editor of a new item of <paramref name="type"/> and presses the button (publish or draft).</summary>
    public Task<Page> CreateAsync(string type, IDictionary<string, string> fields, bool publish = true,
        IReadOnlyList<(string Field, string FileName, byte[] Content)>? files = null)
    {
        var values = new Dictionary<string, string>(fields) { ["submit"] = publish ? "publish" : "draft" };
        return client.SubmitAsync(Url($"/admin/contents/create/{type}"), "form.content-editor", values, files);
    }

    /// <summary>Runs a recipe pasted into the admin's import form.</summary>
    public Task<Page> ImportRecipeAsync(string json) =>
        client.SubmitAsync(Url("/admin/recipes"), "form[action$='import']", new Dictionary<string, string> { ["json"] = json });
}
