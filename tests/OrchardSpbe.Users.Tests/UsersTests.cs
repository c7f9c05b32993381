using System.Net;

namespace OrchardSpbe.Users.Tests;

/// <summary>A PD administrator manages the people of the site; they sign in with the rights their roles give.</summary>
public abstract class UsersTests(SiteFixture fixture)
{
    private TestSite Site => fixture.Site;

    [Fact]
    public async Task A_pd_administrator_signs_in_and_lands_on_the_dashboard()
    {
        var pd = await NewPdAsync();
        using var admin = Site.NewVisitor();
        var page = await admin.SignInAsync(Site.Url(pd), "admin", TestEnvironment.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("Dasbor", page.Heading);
        Assert.NotNull(page.Document.QuerySelector("nav.sidebar a[href='/admin/users']"));
    }

    [Fact]
    public async Task A_wrong_password_is_explained_in_indonesian_and_repeated_failures_slow_that_client_down_without_locking_the_account()
    {
        var pd = await NewPdAsync();
        using var visitor = Site.NewVisitor();
        var wrong = await visitor.SignInAsync(Site.Url(pd), "admin", "bukan-kata-sandinya");
        Assert.Contains("Nama pengguna atau kata sandi salah.", wrong.Errors);
        for (var i = 0; i < 4; i++) await visitor.SignInAsync(Site.Url(pd), "admin", "bukan-kata-sandinya");

        // The guessing client waits, even with the right password; the account itself is not locked.
        var slowed = await visitor.SignInAsync(Site.Url(pd), "admin", TestEnvironment.AdminPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, slowed.Status);
        Assert.Contains(slowed.Errors, e => e.StartsWith("Terlalu banyak percobaan yang gagal"));
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync(Site.Url(pd, "/admin"))).StatusCode);

        using var rightful = Site.NewVisitorFrom("127.0.0.9");
        Assert.StartsWith("Dasbor", (await rightful.SignInAsync(Site.Url(pd), "admin", TestEnvironment.AdminPassword)).Heading);
    }

    [Fact]
    public async Task A_form_posted_without_the_antiforgery_token_is_refused()
    {
        var pd = await NewPdAsync();
        using var visitor = Site.NewVisitor();
        var response = await visitor.Http.PostAsync(Site.Url(pd, "/admin/login"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "admin", ["Password"] = TestEnvironment.AdminPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync(Site.Url(pd, "/admin"))).StatusCode);
    }

    [Fact]
    public async Task An_editor_created_by_the_administrator_works_within_the_rights_of_the_role()
    {
        var pd = await NewPdAsync();
        using var admin = Site.NewVisitor();
        await admin.SignInAsync(Site.Url(pd), "admin", TestEnvironment.AdminPassword);

        var weak = await admin.SubmitAsync(Site.Url(pd, "/admin/users/create"), "form.card", NewUser("editor1", "pendek"));
        Assert.Contains("Kata sandi paling sedikit 10 karakter.", weak.FieldError("Password"));
        var created = await admin.SubmitAsync(Site.Url(pd, "/admin/users/create"), "form.card", NewUser("editor1", "Editor-Kuat-2026"));
        Assert.Equal("Pengguna 'editor1' dibuat.", created.SuccessMessage);

        using var editor = Site.NewVisitor();
        var dashboard = await editor.SignInAsync(Site.Url(pd), "editor1", "Editor-Kuat-2026");
        Assert.StartsWith("Dasbor", dashboard.Heading);
        Assert.Null(dashboard.Document.QuerySelector("nav.sidebar a[href='/admin/users']"));
        var denied = await editor.OpenAsync(Site.Url(pd, "/admin/users"));
        Assert.Equal(HttpStatusCode.Forbidden, denied.Status);
        Assert.Equal("Akses ditolak", denied.Heading);

        var granted = await admin.SubmitAsync(Site.Url(pd, "/admin/roles/Editor/edit"), "form.card",
            new Dictionary<string, string> { ["Permissions"] = "AccessAdmin,ManageUsers" });
        Assert.Equal("Izin peran 'Editor' disimpan.", granted.SuccessMessage);
        var users = await editor.OpenAsync(Site.Url(pd, "/admin/users"));
        Assert.Equal(HttpStatusCode.OK, users.Status);
        Assert.Contains("editor1", users.Document.QuerySelector("table.list")!.TextContent);
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in()
    {
        var pd = await NewPdAsync();
        using var admin = Site.NewVisitor();
        await admin.SignInAsync(Site.Url(pd), "admin", TestEnvironment.AdminPassword);
        var fields = NewUser("penulis", "Penulis-Kuat-2026", roles: "Author");
        fields["IsEnabled"] = "false";
        await admin.SubmitAsync(Site.Url(pd, "/admin/users/create"), "form.card", fields);

        using var author = Site.NewVisitor();
        var refused = await author.SignInAsync(Site.Url(pd), "penulis", "Penulis-Kuat-2026");
        Assert.Contains("Akun ini dinonaktifkan. Hubungi administrator situs.", refused.Errors);
    }

    [Fact]
    public async Task The_last_administrator_cannot_be_disabled_or_demoted()
    {
        var pd = await NewPdAsync();
        using var admin = Site.NewVisitor();
        await admin.SignInAsync(Site.Url(pd), "admin", TestEnvironment.AdminPassword);
        var list = await admin.OpenAsync(Site.Url(pd, "/admin/users"));
        var editUrl = list.Document.QuerySelector("table.list a")!.GetAttribute("href")!;

        var page = await admin.SubmitAsync(Site.Url(pd, editUrl), "form.card", new Dictionary<string, string> { ["IsEnabled"] = "false", ["Roles"] = "" });
        Assert.Contains("Harus ada paling sedikit satu administrator aktif.", page.Errors);
        Assert.StartsWith("Dasbor", (await admin.OpenAsync(Site.Url(pd, "/admin"))).Heading);
    }

    [Fact]
    public async Task A_stale_edit_is_refused_and_overwrites_nothing()
    {
        var pd = await NewPdAsync();
        using var first = Site.NewVisitor();
        using var second = Site.NewVisitor();
        await first.SignInAsync(Site.Url(pd), "admin", TestEnvironment.AdminPassword);
        await second.SignInAsync(Site.Url(pd), "admin", TestEnvironment.AdminPassword);
        await first.SubmitAsync(Site.Url(pd, "/admin/users/create"), "form.card", NewUser("reviewer1", "Reviewer-Kuat-2026", roles: "Reviewer"));
        var list = await first.OpenAsync(Site.Url(pd, "/admin/users?q=reviewer1"));
        var editUrl = Site.Url(pd, list.Document.QuerySelector("table.list a")!.GetAttribute("href")!);

        var formOfFirst = await first.OpenAsync(editUrl);
        var formOfSecond = await second.OpenAsync(editUrl);
        var saved = await formOfFirst.SubmitAsync(first, "form.card", new Dictionary<string, string> { ["Email"] = "kepala@dinas.go.id" });
        Assert.Equal("Perubahan pada pengguna 'reviewer1' disimpan.", saved.SuccessMessage);
        var stale = await formOfSecond.SubmitAsync(second, "form.card", new Dictionary<string, string> { ["Email"] = "lama@dinas.go.id" });
        Assert.Contains(stale.Errors, e => e.StartsWith("Data ini sudah diubah orang lain"));

        var reread = await first.OpenAsync(editUrl);
        Assert.Equal("kepala@dinas.go.id", reread.Document.QuerySelector("input[name='Email']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_interface_switches_to_english_and_back()
    {
        var pd = await NewPdAsync();
        using var visitor = Site.NewVisitor();
        var indonesian = await visitor.OpenAsync(Site.Url(pd, "/admin/login"));
        Assert.Equal("Masuk ke halaman admin", indonesian.Heading);
        Assert.Equal("id", indonesian.Document.DocumentElement.GetAttribute("lang"));

        var english = await visitor.OpenAsync(Site.Url(pd, "/culture/en?returnUrl=%2Fadmin%2Flogin"));
        Assert.Equal("Sign in to the admin", english.Heading);
        Assert.Equal("en", english.Document.DocumentElement.GetAttribute("lang"));
        var wrong = await visitor.SignInAsync(Site.Url(pd), "admin", "bukan-kata-sandinya");
        Assert.Contains("Wrong user name or password.", wrong.Errors);

        var back = await visitor.OpenAsync(Site.Url(pd, "/culture/id?returnUrl=%2Fadmin%2Flogin"));
        Assert.Equal("Masuk ke halaman admin", back.Heading);
    }

    private async Task<string> NewPdAsync()
    {
        var name = "pd" + Guid.NewGuid().ToString("N")[..8];
        await Site.CreateTenantAsync(name);
        return name;
    }

    private static Dictionary<string, string> NewUser(string userName, string password, string roles = "Editor") => new()
    {
        ["UserName"] = userName,
        ["Email"] = userName + "@dinas.bekasikota.go.id",
        ["DisplayName"] = "Pengguna " + userName,
        ["Password"] = password,
        ["ConfirmPassword"] = password,
        ["Roles"] = roles,
    };
}

public sealed class UsersOnSqlite(SqliteSite fixture) : UsersTests(fixture), IClassFixture<SqliteSite>;

public sealed class UsersOnPostgres(PostgresSite fixture) : UsersTests(fixture), IClassFixture<PostgresSite>;
