using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Data;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Applications.Tests;

/// <summary>
/// The people of the register on one test site: a PD (new tenant, pd-site recipe) with its ICT officer (IctOfficer),
/// and the portal's registrar (IctRegistrar) — each signing in through the login form — and the steps they take in
/// the admin, as their browsers would post them.
/// </summary>
public sealed class ApplicationsDesk(TestSite site, string pd, SiteClient pdAdmin)
{
    public const string Password = "Pengelola-TIK-Kuat-2026";

    public string Pd => pd;
    public TestSite Site => site;
    public SiteClient PdAdmin => pdAdmin;
    public string RegistrarName => "registrar" + pd;

    public Uri Url(string path) => site.Url(pd, path);
    public Uri PortalUrl(string path) => site.Url(null, path);

    /// <param name="exact">Use <paramref name="prefix"/> as the tenant name itself (a site of its own, e.g. for the sample PDs' names).</param>
    public static async Task<ApplicationsDesk> OpenAsync(TestSite site, string prefix = "dinkes", string? displayName = null, bool exact = false)
    {
        var pd = exact ? prefix : prefix + Guid.NewGuid().ToString("N")[..6];
        await site.CreateTenantAsync(pd, displayName ?? "Dinas Kesehatan Uji " + pd);
        var admin = site.NewVisitor();
        await admin.SignInAsync(site.Url(pd), "admin", TestEnvironment.AdminPassword);
        await AddUsersAsync(admin, site.Url(pd, "/admin/recipes"), pd, ("pengelola", "IctOfficer"), ("kepala", "Reviewer"));
        using var portalAdmin = site.NewVisitor();
        await portalAdmin.SignInAsync(site.Url(null), "admin", TestEnvironment.AdminPassword);
        await AddUsersAsync(portalAdmin, site.Url(null, "/admin/recipes"), "portal", ("registrar" + pd, "IctRegistrar"));
        return new ApplicationsDesk(site, pd, admin);
    }

    internal static async Task AddUsersAsync(SiteClient admin, Uri recipes, string domain, params (string UserName, string Role)[] users)
    {
        var list = string.Join(",", users.Select(u =>
            $$"""{ "userName": "{{u.UserName}}", "email": "{{u.UserName}}@{{domain}}.bekasikota.go.id", "password": "{{Password}}", "roles": ["{{u.Role}}"] }"""));
        var result = await admin.SubmitAsync(recipes, "form.card", new Dictionary<string, string>
        {
            ["json"] = $$"""{ "name": "tim-tik", "steps": [ { "name": "users", "users": [ {{list}} ] } ] }""",
        });
        Assert.Empty(result.Errors);
    }

    public async Task<SiteClient> OfficerAsync()
    {
        var client = site.NewVisitor();
        await client.SignInAsync(site.Url(pd), "pengelola", Password);
        return client;
    }

    /// <summary>The PD head (role Reviewer), told of Diskominfostandi's decisions.</summary>
    public async Task<SiteClient> HeadAsync()
    {
        var client = site.NewVisitor();
        await client.SignInAsync(site.Url(pd), "kepala", Password);
        return client;
    }

    public string EmailOf(string userName) => userName == RegistrarName ? $"{userName}@portal.bekasikota.go.id" : $"{userName}@{pd}.bekasikota.go.id";

    public async Task<SiteClient> RegistrarAsync()
    {
        var client = site.NewVisitor();
        await client.SignInAsync(site.Url(null), RegistrarName, Password);
        return client;
    }

    public static Dictionary<string, string> Application(string name, string url, string lifecycle = "uji-coba", string appClass = "umum-kecil", string builder = "dinas") => new()
    {
        ["Name"] = name,
        ["Description"] = "Aplikasi uji untuk " + name + ".",
        ["AppClass"] = appClass,
        ["Builder"] = builder,
        ["Lifecycle"] = lifecycle,
        ["Url"] = url,
        ["Hosting"] = "pusat-data-kota",
        ["Stack"] = "ASP.NET Core, PostgreSQL",
        ["Licence"] = "MIT",
        ["Repository"] = "https://git.bekasikota.go.id/dinkes/aplikasi",
        ["ApisProvided"] = "jadwal-vaksin",
        ["IsPublic"] = "true",
    };

    /// <summary>Creates an application through the editor; returns its page.</summary>
    public async Task<Page> CreateAsync(SiteClient officer, Dictionary<string, string> fields) =>
        await officer.SubmitAsync(Url("/admin/aplikasi/baru"), "form.application-editor", fields);

    public static string IdOf(Page page) => page.Url.AbsolutePath.Split('/')[3];

    public async Task<Page> UploadAsync(SiteClient officer, string id, string kind, string fileName, byte[] content) =>
        await officer.SubmitAsync(Url($"/admin/aplikasi/{id}"), "form.document-upload", new Dictionary<string, string> { ["kind"] = kind }, [("file", fileName, content)]);

    public static byte[] Pdf(string text) => Encoding.ASCII.GetBytes("%PDF-1.4\n% " + text + "\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Docx()
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, body) in new[] { ("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<document/>") })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(body);
            }
        }
        return memory.ToArray();
    }

    /// <summary>A Windows executable's first bytes.</summary>
    public static byte[] Executable() => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, .. new byte[200]];

    /// <summary>Uploads every document a production application needs except those named.</summary>
    public async Task UploadAllAsync(SiteClient officer, string id, params string[] except)
    {
        foreach (var kind in new[] { "spesifikasi-kebutuhan", "arsitektur", "dokumen-teknis", "manual-pengguna", "kode-sumber", "bukti-uji", "backup-restore", "sdlc", "manual-operasi", "materi-pelatihan" })
        {
            if (except.Contains(kind)) continue;
            var page = await UploadAsync(officer, id, kind, kind + ".pdf", Pdf(kind));
            Assert.Empty(page.Errors);
        }
    }

    /// <summary>Waits until the portal's registrar sees the PD's item in the given state; returns its review page address.</summary>
    public async Task<Uri> WaitForRegisterAsync(SiteClient registrar, string id, string state = "menunggu")
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var list = await registrar.OpenAsync(PortalUrl("/admin/aplikasi/register?state=" + state));
            if (list.Document.QuerySelector($"tr[data-pd='{pd}'][data-id='{id}'] a") is { } link) return new Uri(list.Url, link.GetAttribute("href"));
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{id} never reached the portal's register as {state}.");
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// The applications this PD handed to the portal, as the portal's hand-over inbox received them (oldest first): for
    /// each, how many documents it listed and how many carried their bytes.
    /// </summary>
    public async Task<IReadOnlyList<(int Listed, int WithBytes)>> HandedOverAsync(string id)
    {
        var shell = site.Services.GetRequiredService<ShellHost>().Find(TenantRecord.DefaultName)!;
        await using var scope = site.Services.GetRequiredService<TenantScopeFactory>().CreateScope(shell);
        var payloads = await scope.ServiceProvider.GetRequiredService<TenantSession>().QueryAsync<string>(
            "SELECT payload FROM spbe_handover_inbox WHERE from_tenant = @pd AND kind = 'applications.application' AND subject = @id ORDER BY received_utc, created_utc",
            new { pd, id });
        return payloads.Select(p => JsonDocument.Parse(p).RootElement.GetProperty("documents").EnumerateArray().ToList())
            .Select(d => (d.Count, d.Count(x => x.GetProperty("content").ValueKind == JsonValueKind.String))).ToList();
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
