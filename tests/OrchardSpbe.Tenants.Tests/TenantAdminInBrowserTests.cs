using Microsoft.Playwright;

namespace OrchardSpbe.Tenants.Tests;

/// <summary>In Chromium: a Diskominfostandi administrator creates a PD site, which serves at once; disables it (503) and enables it again.</summary>
public sealed class TenantAdminInBrowserTests(SqliteSite fixture, ChromiumFixture chromium) : IClassFixture<SqliteSite>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task A_portal_administrator_creates_a_pd_site_in_the_browser_then_disables_and_enables_it()
    {
        var site = fixture.Site;
        var name = "disdik" + Guid.NewGuid().ToString("N")[..5];
        var admin = await chromium.NewPageAsync();

        await admin.GotoAsync(site.Url(null, "/admin/login").ToString());
        await admin.FillAsync("#UserName", "admin");
        await admin.FillAsync("#Password", TestEnvironment.AdminPassword);
        await admin.ClickAsync("button[type=submit]");
        await Assertions.Expect(admin.Locator("h1")).ToContainTextAsync("Dasbor");

        await admin.ClickAsync("nav.sidebar >> text=Tenant");
        await admin.ClickAsync("text=Tambah tenant");
        await admin.FillAsync("#Name", "Dinas Pendidikan!");
        await admin.FillAsync("#DisplayName", "Dinas Pendidikan");
        await admin.ClickAsync("text=Buat situs");
        await Assertions.Expect(admin.Locator("[data-valmsg-for='Name']")).ToContainTextAsync("Nama teknis harus 2–40 karakter");

        await admin.FillAsync("#Name", name);
        await admin.SelectOptionAsync("#Category", "Dinas");
        await admin.FillAsync("#AdminEmail", $"admin@{name}.bekasikota.go.id");
        await admin.FillAsync("#AdminPassword", TestEnvironment.AdminPassword);
        await admin.FillAsync("#ContactAddress", "Jl. Lapan No. 1, Pekayon Jaya, Bekasi Selatan");
        await admin.FillAsync("#ContactPhone", "telepon kantor");
        await admin.ClickAsync("text=Buat situs");
        await Assertions.Expect(admin.Locator("[data-valmsg-for='ContactPhone']")).ToContainTextAsync("Nomor telepon hanya boleh berisi angka");
        Assert.Null(site.Registry.Find(name));

        await admin.FillAsync("#AdminPassword", TestEnvironment.AdminPassword);
        await admin.FillAsync("#ContactPhone", "(021) 8840 1234");
        await admin.ClickAsync("text=Buat situs");
        await Assertions.Expect(admin.Locator(".alert-success")).ToHaveTextAsync("Situs 'Dinas Pendidikan' dibuat dan sudah berjalan.");

        var visitor = await chromium.NewPageAsync();
        var home = await visitor.GotoAsync(site.Url(name).ToString());
        Assert.Equal(200, home!.Status);
        await Assertions.Expect(visitor.Locator("h1")).ToHaveTextAsync("Dinas Pendidikan");
        // The PD's contact, as typed at creation, on its home page (address, phone and the administrator's e-mail).
        await Assertions.Expect(visitor.Locator("section.contact")).ToContainTextAsync("Jl. Lapan No. 1, Pekayon Jaya, Bekasi Selatan");
        await Assertions.Expect(visitor.Locator("section.contact a[href='tel:(021)88401234']")).ToHaveTextAsync("(021) 8840 1234");

        var row = admin.Locator($"tr[data-tenant='{name}']");
        await row.Locator("text=Nonaktifkan").ClickAsync();
        await Assertions.Expect(admin.Locator(".alert-success")).ToHaveTextAsync("Situs 'Dinas Pendidikan' dinonaktifkan.");
        var disabled = await visitor.ReloadAsync();
        Assert.Equal(503, disabled!.Status);
        await Assertions.Expect(visitor.Locator("h1")).ToHaveTextAsync("Situs ini sedang tidak tersedia");

        await row.Locator("text=Aktifkan").ClickAsync();
        var enabled = await visitor.ReloadAsync();
        Assert.Equal(200, enabled!.Status);
        await Assertions.Expect(visitor.Locator("h1")).ToHaveTextAsync("Dinas Pendidikan");
    }
}
