using System.Net;

namespace OrchardSpbe.Admin.Tests;

/// <summary>A PD's administrator runs the site: its settings and logo, its features, recipes, and who did what.</summary>
public sealed class AdminTests(SiteWithDemoModule fixture) : IClassFixture<SiteWithDemoModule>
{
    private TestSite Site => fixture.Site;

    [Fact]
    public async Task The_administrator_changes_the_site_name_and_contact_and_the_public_sees_them()
    {
        var (pd, admin) = await SignedInPdAsync();
        var saved = await admin.SubmitAsync(Site.Url(pd, "/admin/settings"), "form.card", new Dictionary<string, string>
        {
            ["SiteName"] = "Dinas Kesehatan Kota Bekasi",
            ["Phone"] = "(021) 8841 234",
            ["Address"] = "Jl. Pramuka No. 1, Bekasi Selatan",
        });
        Assert.Equal("Pengaturan situs disimpan.", saved.SuccessMessage);

        using var visitor = Site.NewVisitor();
        var home = await visitor.OpenAsync(Site.Url(pd));
        Assert.Equal("Dinas Kesehatan Kota Bekasi", home.Heading);
        Assert.Contains("Jl. Pramuka No. 1, Bekasi Selatan", home.Document.QuerySelector(".contact")!.TextContent);

        var audit = await admin.OpenAsync(Site.Url(pd, "/admin/audit"));
        // Said in words, in WIB (the code stays in the row's markup for tools).
        var row = audit.Document.QuerySelectorAll("table.audit-list tbody tr").First(r => r.GetAttribute("data-action") == "settings.updated");
        Assert.Contains("Pengaturan situs diubah", row.TextContent);
        Assert.Contains("WIB", row.TextContent);
        Assert.Contains("admin", row.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Invalid_settings_are_explained_and_nothing_is_saved()
    {
        var (pd, admin) = await SignedInPdAsync();
        var page = await admin.SubmitAsync(Site.Url(pd, "/admin/settings"), "form.card", new Dictionary<string, string>
        {
            ["SiteName"] = "",
            ["Email"] = "bukan-email",
            ["PrimaryColor"] = "merah",
        });
        Assert.Equal("Nama situs wajib diisi.", page.FieldError("SiteName"));
        Assert.Equal("Alamat email tidak valid.", page.FieldError("Email"));
        Assert.Equal("Warna utama harus berformat #rrggbb.", page.FieldError("PrimaryColor"));
        using var visitor = Site.NewVisitor();
        Assert.Equal("Dinas Uji " + pd, (await visitor.OpenAsync(Site.Url(pd))).Heading);
    }

    [Fact]
    public async Task A_png_logo_is_shown_but_a_program_renamed_to_jpg_is_refused()
    {
        var (pd, admin) = await SignedInPdAsync();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];
        byte[] exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF];

        var refused = await admin.SubmitAsync(Site.Url(pd, "/admin/settings"), "form.card", new Dictionary<string, string>(),
            [("Logo", "logo.jpg", exe)]);
        Assert.Equal("Logo harus berupa gambar PNG, JPEG, GIF atau WebP.", refused.FieldError("Logo"));
        using var visitor = Site.NewVisitor();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(Site.Url(pd, "/site/logo"))).StatusCode);

        var saved = await admin.SubmitAsync(Site.Url(pd, "/admin/settings"), "form.card", new Dictionary<string, string>(),
            [("Logo", "logo.png", png)]);
        Assert.Equal("Pengaturan situs disimpan.", saved.SuccessMessage);
        var logo = await visitor.GetAsync(Site.Url(pd, "/site/logo"));
        Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
        Assert.Equal("image/png", logo.Content.Headers.ContentType!.MediaType);
        Assert.Equal(png, await logo.Content.ReadAsByteArrayAsync());
        Assert.NotNull((await visitor.OpenAsync(Site.Url(pd))).Document.QuerySelector("img.site-logo"));
    }

    [Fact]
    public async Task Enabling_a_feature_enables_what_it_needs_and_a_needed_feature_cannot_be_disabled()
    {
        var (pd, admin) = await SignedInPdAsync();
        var features = await admin.OpenAsync(Site.Url(pd, "/admin/features"));
        var enabled = await features.SubmitAsync(admin, "form[action='/admin/features/Demo.Extra/enable']", new Dictionary<string, string>());
        Assert.Equal("Fitur diaktifkan: Demo Dasar, Demo Tambahan.", enabled.SuccessMessage);

        var refused = await enabled.SubmitAsync(admin, "form[action='/admin/features/Demo.Base/disable']", new Dictionary<string, string>());
        Assert.Contains("Fitur 'Demo Dasar' masih dibutuhkan oleh: Demo Tambahan. Nonaktifkan fitur tersebut terlebih dahulu.", refused.Errors);

        var extraOff = await refused.SubmitAsync(admin, "form[action='/admin/features/Demo.Extra/disable']", new Dictionary<string, string>());
        var baseOff = await extraOff.SubmitAsync(admin, "form[action='/admin/features/Demo.Base/disable']", new Dictionary<string, string>());
        Assert.Equal("Fitur dinonaktifkan: Demo Dasar.", baseOff.SuccessMessage);
    }

    [Fact]
    public async Task A_pd_site_cannot_enable_a_portal_only_feature_nor_disable_a_core_one()
    {
        var (pd, admin) = await SignedInPdAsync();
        var features = await admin.OpenAsync(Site.Url(pd, "/admin/features"));
        Assert.Null(features.Document.QuerySelector("form[action='/admin/features/OrchardSpbe.Tenants/enable']"));

        // A hand-made request, as a curious administrator might send.
        var token = features.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var forced = await admin.Http.PostAsync(Site.Url(pd, "/admin/features/OrchardSpbe.Tenants/enable"),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var page = await SiteClient.ReadAsync(await admin.FollowAsync(forced));
        Assert.Contains("Fitur 'Manajemen tenant' hanya tersedia untuk portal kota.", page.Errors);

        var core = await admin.Http.PostAsync(Site.Url(pd, "/admin/features/OrchardSpbe.Users/disable"),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Contains("Fitur 'Pengguna dan Peran' adalah bagian inti dan tidak dapat dinonaktifkan.",
            (await SiteClient.ReadAsync(await admin.FollowAsync(core))).Errors);
    }

    [Fact]
    public async Task Disabling_the_public_site_feature_takes_its_pages_away_until_it_is_enabled_again()
    {
        var (pd, admin) = await SignedInPdAsync();
        using var visitor = Site.NewVisitor();
        var features = await admin.OpenAsync(Site.Url(pd, "/admin/features"));
        await features.SubmitAsync(admin, "form[action='/admin/features/OrchardSpbe.PublicSite/disable']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(Site.Url(pd))).StatusCode);

        features = await admin.OpenAsync(Site.Url(pd, "/admin/features"));
        await features.SubmitAsync(admin, "form[action='/admin/features/OrchardSpbe.PublicSite/enable']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(Site.Url(pd))).StatusCode);
    }

    [Fact]
    public async Task An_imported_recipe_with_a_failing_step_changes_nothing_and_says_which_step_failed()
    {
        var (pd, admin) = await SignedInPdAsync();
        var broken = """
            { "steps": [
              { "name": "settings", "siteName": "Nama Yang Tidak Boleh Tersimpan" },
              { "name": "users", "users": [ { "userName": "operator", "email": "operator@dinas.go.id", "password": "123" } ] } ] }
            """;
        var page = await admin.SubmitAsync(Site.Url(pd, "/admin/recipes"), "form.card", new Dictionary<string, string> { ["json"] = broken });
        Assert.Contains(page.Errors, e => e.StartsWith("Resep tidak diterapkan, tidak ada yang berubah. Langkah 2 (users), kolom 'users[0].password'"));

        var notJson = await admin.SubmitAsync(Site.Url(pd, "/admin/recipes"), "form.card", new Dictionary<string, string> { ["json"] = "{ steps: " });
        Assert.Contains(notJson.Errors, e => e.Contains("Resep bukan JSON yang valid"));

        using var visitor = Site.NewVisitor();
        Assert.Equal("Dinas Uji " + pd, (await visitor.OpenAsync(Site.Url(pd))).Heading);
        Assert.Contains("Nama pengguna atau kata sandi salah.", (await visitor.SignInAsync(Site.Url(pd), "operator", "123")).Errors);
    }

    [Fact]
    public async Task A_valid_imported_recipe_applies_all_its_steps()
    {
        var (pd, admin) = await SignedInPdAsync();
        var recipe = """
            { "steps": [
              { "name": "feature", "enable": ["Demo.Base"] },
              { "name": "settings", "tagline": "Melayani dengan sepenuh hati" },
              { "name": "users", "users": [ { "userName": "operator", "email": "operator@dinas.go.id", "password": "Operator-Kuat-2026", "roles": ["Contributor"] } ] } ] }
            """;
        var page = await admin.SubmitAsync(Site.Url(pd, "/admin/recipes"), "form.card", new Dictionary<string, string> { ["json"] = recipe });
        Assert.Equal("Resep 'resep impor' diterapkan.", page.SuccessMessage);

        using var visitor = Site.NewVisitor();
        Assert.Equal("Melayani dengan sepenuh hati", (await visitor.OpenAsync(Site.Url(pd))).Document.QuerySelector(".lead")!.TextContent);
        Assert.StartsWith("Dasbor", (await visitor.SignInAsync(Site.Url(pd), "operator", "Operator-Kuat-2026")).Heading);
        var features = await admin.OpenAsync(Site.Url(pd, "/admin/features"));
        Assert.NotNull(features.Document.QuerySelector("form[action='/admin/features/Demo.Base/disable']"));
    }

    private async Task<(string Pd, SiteClient Admin)> SignedInPdAsync()
    {
        var pd = "adm" + Guid.NewGuid().ToString("N")[..8];
        await Site.CreateTenantAsync(pd);
        var admin = Site.NewVisitor();
        await admin.SignInAsync(Site.Url(pd), "admin", TestEnvironment.AdminPassword);
        return (pd, admin);
    }
}
