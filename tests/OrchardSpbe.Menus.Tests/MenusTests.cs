using System.Net;
using static OrchardSpbe.Menus.Tests.MenuPages;

namespace OrchardSpbe.Menus.Tests;

/// <summary>A PD's administrator builds the site's main menu in the admin; visitors find it in the header of every page.</summary>
public sealed class MenusTests(SqliteSite fixture) : IClassFixture<SqliteSite>
{
    private const string StaleEdit = "Data ini sudah diubah orang lain sejak Anda membukanya. Muat ulang halaman lalu ulangi perubahan Anda.";
    private TestSite Site => fixture.Site;

    [Fact]
    public async Task A_new_pd_site_has_the_recipes_menu_with_its_sections()
    {
        var (pd, _) = await SignedInPdAsync();
        using var visitor = Site.NewVisitor();
        var home = await visitor.OpenAsync(Site.Url(pd));

        var menu = PublicMenu(home);
        Assert.Equal(["Beranda", "Profil", "Layanan", "Berita", "Agenda", "Kontak", "Statistik"], menu.Select(e => e.Text));
        Assert.Equal([("Profil", "/profil"), ("Tugas Pokok dan Fungsi", "/tupoksi"), ("Struktur Organisasi", "/struktur-organisasi")], menu[1].Children);
        Assert.Equal([("Standar Pelayanan", "/standar-pelayanan"), ("Maklumat Pelayanan", "/maklumat-pelayanan")], menu[2].Children);
        Assert.Equal("/kontak", menu[5].Href);
        // The home page is the current page.
        var current = home.Document.QuerySelector(".nav-wide a[aria-current='page']");
        Assert.Equal("Beranda", current?.TextContent.Trim());
        // The narrow-screen menu is the same menu.
        Assert.Equal(menu.Select(e => e.Text), home.Document.QuerySelectorAll(".nav-compact .menu > li").Select(li => li.QuerySelector("summary, a")!.TextContent.Trim()));
    }

    [Fact]
    public async Task The_administrator_adds_an_item_and_a_child_and_the_public_sees_them_nested_in_order()
    {
        var (pd, admin) = await SignedInPdAsync();
        var added = await admin.SubmitAsync(Site.Url(pd, "/admin/menus/create"), "form.card", new Dictionary<string, string>
        {
            ["Text"] = "Informasi Publik", ["Url"] = "/ppid",
        });
        Assert.Equal("Item menu 'Informasi Publik' ditambahkan.", added.SuccessMessage);

        var parentId = IdOf(added, "Informasi Publik");
        var child = await admin.SubmitAsync(Site.Url(pd, $"/admin/menus/create?parentId={parentId}"), "form.card", new Dictionary<string, string>
        {
            ["Text"] = "Daftar Informasi Publik", ["Url"] = "https://ppid.bekasikota.go.id/dip",
        });
        Assert.Equal("Item menu 'Daftar Informasi Publik' ditambahkan.", child.SuccessMessage);
        var second = await admin.SubmitAsync(Site.Url(pd, $"/admin/menus/create?parentId={parentId}"), "form.card", new Dictionary<string, string>
        {
            ["Text"] = "Permohonan Informasi", ["Url"] = "/ppid/permohonan",
        });
        Assert.Equal("Item menu 'Permohonan Informasi' ditambahkan.", second.SuccessMessage);

        using var visitor = Site.NewVisitor();
        var menu = PublicMenu(await visitor.OpenAsync(Site.Url(pd)));
        Assert.Equal(["Beranda", "Profil", "Layanan", "Berita", "Agenda", "Kontak", "Statistik", "Informasi Publik"], menu.Select(e => e.Text));
        // The parent's own page comes first in its dropdown (its button cannot be a link), then the children in order.
        Assert.Equal([("Informasi Publik", "/ppid"), ("Daftar Informasi Publik", "https://ppid.bekasikota.go.id/dip"), ("Permohonan Informasi", "/ppid/permohonan")],
            menu[7].Children);

        var audit = await admin.OpenAsync(Site.Url(pd, "/admin/audit"));
        Assert.Equal(3, audit.Document.QuerySelectorAll("table.list tbody tr[data-action='menu.updated']").Length);
    }

    [Fact]
    public async Task Moving_and_deleting_items_changes_the_public_menu()
    {
        var (pd, admin) = await SignedInPdAsync();
        var index = await admin.OpenAsync(Site.Url(pd, "/admin/menus"));
        var moved = await index.SubmitAsync(admin, $"form[action='/admin/menus/{IdOf(index, "Kontak")}/up']", new Dictionary<string, string>());
        Assert.Equal("Item menu 'Kontak' dipindahkan.", moved.SuccessMessage);
        var childMoved = await moved.SubmitAsync(admin, $"form[action='/admin/menus/{IdOf(moved, "Struktur Organisasi")}/up']", new Dictionary<string, string>());
        Assert.Equal("Item menu 'Struktur Organisasi' dipindahkan.", childMoved.SuccessMessage);

        using var visitor = Site.NewVisitor();
        var menu = PublicMenu(await visitor.OpenAsync(Site.Url(pd)));
        Assert.Equal(["Beranda", "Profil", "Layanan", "Berita", "Kontak", "Agenda", "Statistik"], menu.Select(e => e.Text));
        Assert.Equal(["Profil", "Struktur Organisasi", "Tugas Pokok dan Fungsi"], menu[1].Children.Select(c => c.Text));

        // Deleting asks first (a page of its own, no script needed), then removes the item with its sub-items.
        var confirm = await admin.OpenAsync(Site.Url(pd, $"/admin/menus/{IdOf(childMoved, "Profil")}/delete"));
        Assert.Contains("Tugas Pokok dan Fungsi", confirm.Document.QuerySelector("form.card")!.TextContent);
        var deleted = await confirm.SubmitAsync(admin, "form.card", new Dictionary<string, string>());
        Assert.Equal("Item menu 'Profil' dihapus.", deleted.SuccessMessage);

        menu = PublicMenu(await visitor.OpenAsync(Site.Url(pd)));
        Assert.Equal(["Beranda", "Layanan", "Berita", "Kontak", "Agenda", "Statistik"], menu.Select(e => e.Text));
        Assert.DoesNotContain("/tupoksi", (await visitor.OpenAsync(Site.Url(pd))).Html);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(document.cookie)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("//situs-lain.example/")]
    [InlineData("ftp://files.example/")]
    [InlineData("profil")]
    public async Task A_link_that_is_not_a_site_path_or_a_web_address_is_refused_and_nothing_is_saved(string url)
    {
        var (pd, admin) = await SignedInPdAsync();
        var page = await admin.SubmitAsync(Site.Url(pd, "/admin/menus/create"), "form.card", new Dictionary<string, string>
        {
            ["Text"] = "Klik di sini", ["Url"] = url,
        });
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Alamat tautan harus berupa alamat di situs ini yang diawali / (misalnya /profil) atau alamat lengkap http:// atau https://.", page.FieldError("Url"));

        using var visitor = Site.NewVisitor();
        var home = await visitor.OpenAsync(Site.Url(pd));
        Assert.DoesNotContain("Klik di sini", home.Html);
        Assert.Equal(7, PublicMenu(home).Count);
        Assert.DoesNotContain("Klik di sini", (await admin.OpenAsync(Site.Url(pd, "/admin/menus"))).Html);
    }

    [Fact]
    public async Task Text_and_link_are_required_and_the_text_is_short_in_indonesian_or_english()
    {
        var (pd, admin) = await SignedInPdAsync();
        var page = await admin.SubmitAsync(Site.Url(pd, "/admin/menus/create"), "form.card", new Dictionary<string, string>
        {
            ["Text"] = "", ["Url"] = "",
        });
        Assert.Equal("Teks menu wajib diisi.", page.FieldError("Text"));
        Assert.Equal("Alamat tautan wajib diisi.", page.FieldError("Url"));

        await admin.OpenAsync(Site.Url(pd, "/culture/en?returnUrl=%2Fadmin%2Fmenus"));
        var english = await admin.SubmitAsync(Site.Url(pd, "/admin/menus/create"), "form.card", new Dictionary<string, string>
        {
            ["Text"] = new string('x', 61), ["Url"] = "javascript:alert(1)",
        });
        Assert.Equal("The menu text may be at most 60 characters.", english.FieldError("Text"));
        Assert.Equal("The link must be an address on this site starting with / (for example /profil) or a full http:// or https:// address.", english.FieldError("Url"));
    }

    [Fact]
    public async Task A_stale_form_is_refused_and_changes_nothing()
    {
        var (pd, admin) = await SignedInPdAsync();
        var index = await admin.OpenAsync(Site.Url(pd, "/admin/menus"));
        var beritaId = IdOf(index, "Berita");
        // Two tabs: the administrator opens the edit form, then someone saves first from another one.
        var staleEdit = await admin.OpenAsync(Site.Url(pd, $"/admin/menus/{beritaId}/edit"));
        using var colleague = Site.NewVisitor();
        await colleague.SignInAsync(Site.Url(pd), "admin", TestEnvironment.AdminPassword);
        var saved = await colleague.SubmitAsync(Site.Url(pd, $"/admin/menus/{beritaId}/edit"), "form.card", new Dictionary<string, string>
        {
            ["Text"] = "Kabar Dinas",
        });
        Assert.Equal("Item menu 'Kabar Dinas' disimpan.", saved.SuccessMessage);

        var refused = await staleEdit.SubmitAsync(admin, "form.card", new Dictionary<string, string> { ["Text"] = "Warta" });
        Assert.Contains(StaleEdit, refused.Errors);
        // A move from the page opened before the change is refused too.
        var staleMove = await index.SubmitAsync(admin, $"form[action='/admin/menus/{IdOf(index, "Agenda")}/up']", new Dictionary<string, string>());
        Assert.Contains(StaleEdit, staleMove.Errors);
        var staleDelete = await admin.Http.PostAsync(Site.Url(pd, $"/admin/menus/{IdOf(index, "Kontak")}/delete"), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["version"] = VersionOf(index), ["__RequestVerificationToken"] = TokenOf(index) }));
        Assert.Contains(StaleEdit, (await SiteClient.ReadAsync(await admin.FollowAsync(staleDelete))).Errors);

        using var visitor = Site.NewVisitor();
        Assert.Equal(["Beranda", "Profil", "Layanan", "Kabar Dinas", "Agenda", "Kontak", "Statistik"], TopLevelTexts(await visitor.OpenAsync(Site.Url(pd))));
    }

    [Fact]
    public async Task One_pd_sites_menu_never_appears_on_another()
    {
        var (pdA, adminA) = await SignedInPdAsync();
        var (pdB, _) = await SignedInPdAsync();
        await adminA.SubmitAsync(Site.Url(pdA, "/admin/menus/create"), "form.card", new Dictionary<string, string>
        {
            ["Text"] = "Khusus Situs A", ["Url"] = "/khusus-a",
        });

        using var visitor = Site.NewVisitor();
        Assert.Contains("Khusus Situs A", TopLevelTexts(await visitor.OpenAsync(Site.Url(pdA))));
        var homeB = await visitor.OpenAsync(Site.Url(pdB));
        Assert.DoesNotContain("Khusus Situs A", homeB.Html);
        Assert.Equal(7, PublicMenu(homeB).Count);
        // Nor can A's administrator reach B's menu admin (a cookie from A is not honoured on B).
        var crossing = await adminA.GetAsync(Site.Url(pdB, "/admin/menus"));
        Assert.NotEqual(HttpStatusCode.OK, crossing.StatusCode);
    }

    [Fact]
    public async Task With_the_feature_off_the_header_shows_only_the_way_home()
    {
        var (pd, admin) = await SignedInPdAsync();
        var features = await admin.OpenAsync(Site.Url(pd, "/admin/features"));
        await features.SubmitAsync(admin, "form[action='/admin/features/OrchardSpbe.Menus/disable']", new Dictionary<string, string>());

        using var visitor = Site.NewVisitor();
        var menu = PublicMenu(await visitor.OpenAsync(Site.Url(pd)));
        Assert.Equal([new Entry("Beranda", "/", [])], menu.Select(e => e with { Children = [] }));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Site.Url(pd, "/admin/menus"))).StatusCode);

        features = await admin.OpenAsync(Site.Url(pd, "/admin/features"));
        await features.SubmitAsync(admin, "form[action='/admin/features/OrchardSpbe.Menus/enable']", new Dictionary<string, string>());
        Assert.Equal(7, PublicMenu(await visitor.OpenAsync(Site.Url(pd))).Count);
    }

    [Fact]
    public async Task A_recipe_with_a_bad_menu_entry_names_the_field_and_changes_nothing()
    {
        var (pd, admin) = await SignedInPdAsync();
        var broken = """
            { "steps": [ { "name": "menu", "items": [
                { "text": "Baru", "url": "/baru" },
                { "text": "Layanan", "url": "/layanan", "children": [ { "text": "Jahat", "url": "javascript:alert(1)" } ] } ] } ] }
            """;
        var page = await admin.SubmitAsync(Site.Url(pd, "/admin/recipes"), "form.card", new Dictionary<string, string> { ["json"] = broken });
        Assert.Contains(page.Errors, e => e.StartsWith("Resep tidak diterapkan, tidak ada yang berubah. Langkah 1 (menu), kolom 'items[1].children[0].url'"));

        var good = """{ "steps": [ { "name": "menu", "items": [ { "text": "Baru", "url": "/baru" } ] } ] }""";
        var applied = await admin.SubmitAsync(Site.Url(pd, "/admin/recipes"), "form.card", new Dictionary<string, string> { ["json"] = good });
        Assert.Equal("Resep 'resep impor' diterapkan.", applied.SuccessMessage);
        using var visitor = Site.NewVisitor();
        Assert.Equal(["Baru"], TopLevelTexts(await visitor.OpenAsync(Site.Url(pd))));
    }

    private static string VersionOf(Page page) =>
        page.Document.QuerySelector("input[name='version']")!.GetAttribute("value")!;

    private static string TokenOf(Page page) =>
        page.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

    private async Task<(string Pd, SiteClient Admin)> SignedInPdAsync()
    {
        var pd = "menu" + Guid.NewGuid().ToString("N")[..8];
        await Site.CreateTenantAsync(pd);
        var admin = Site.NewVisitor();
        await admin.SignInAsync(Site.Url(pd), "admin", TestEnvironment.AdminPassword);
        return (pd, admin);
    }
}
