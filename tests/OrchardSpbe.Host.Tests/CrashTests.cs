using System.Net;

namespace OrchardSpbe.Host.Tests;

/// <summary>
/// Issue 12 §2: the real host, as its own process, is killed (SIGKILL) in the middle of each kind of write — just
/// before its commit, or just after it before anything else ran. When it starts again: nothing it acknowledged is
/// lost, nothing half-written shows (no tenant without its data, no item without its version, no file served without
/// its record), and each search index agrees with its database without anyone rebuilding it. On SQLite and PostgreSQL.
/// </summary>
public sealed class CrashTests
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Theory]
    [InlineData(DatabaseProviderName.Sqlite)]
    [InlineData(DatabaseProviderName.Postgres)]
    public async Task Killing_the_process_in_the_middle_of_each_write_loses_nothing_acknowledged_and_shows_nothing_half_written(DatabaseProviderName provider)
    {
        var site = await TestSite.StartAsync(new TestSiteOptions { Provider = provider });
        try
        {
            await site.CreateTenantAsync("kilat", "Dinas Kilat");
            using (var admin = await SignInAsync(site.NewVisitor(), site.Url("kilat"), "admin"))
            {
                var created = await admin.SubmitAsync(site.Url("kilat", "/admin/users/create"), "form.card", new Dictionary<string, string>
                {
                    ["UserName"] = "kepala", ["Email"] = "kepala@kilat.bekasikota.go.id", ["DisplayName"] = "Kepala Dinas Kilat",
                    ["Password"] = TestEnvironment.AdminPassword, ["ConfirmPassword"] = TestEnvironment.AdminPassword, ["Roles"] = "Reviewer",
                });
                Assert.True(created.SuccessMessage is not null, string.Join("; ", created.Errors));
            }
            // From here on the platform runs only as a process that can be killed.
            await site.App.StopAsync();

            // A content publish: killed before its commit, an acknowledged page beside it survives and the article is nowhere.
            await DieAsync(site, "commit:before /admin/contents/create/Article", async node =>
            {
                using var admin = await SignInAsync(node.NewVisitor(), node.Url("kilat"), "admin");
                var page = await admin.SubmitAsync(node.Url("kilat", "/admin/contents/create/Page"), "form.content-editor", new Dictionary<string, string>
                    { ["TitlePart.Title"] = "Halaman Tercatat", ["AutoroutePart.Path"] = "halaman-tercatat", ["submit"] = "publish" });
                Assert.Equal(HttpStatusCode.OK, page.Status);
                await DoomedAsync(admin.SubmitAsync(node.Url("kilat", "/admin/contents/create/Article"), "form.content-editor", new Dictionary<string, string>
                    { ["TitlePart.Title"] = "Berita Hilang", ["AutoroutePart.Path"] = "berita/hilang", ["submit"] = "publish" }));
            });
            // Killed just after its commit: everything of it is there, on the site, in search and on the portal.
            await DieAsync(site, "commit:after /admin/contents/create/Article", async node =>
            {
                using var admin = await SignInAsync(node.NewVisitor(), node.Url("kilat"), "admin");
                await DoomedAsync(admin.SubmitAsync(node.Url("kilat", "/admin/contents/create/Article"), "form.content-editor", new Dictionary<string, string>
                    { ["TitlePart.Title"] = "Berita Tersimpan", ["AutoroutePart.Path"] = "berita/tersimpan", ["submit"] = "publish" }));
            });
            await using (var node = await NodeProcess.StartAsync(site, null))
            {
                using var visitor = node.NewVisitor();
                Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(node.Url("kilat", "/halaman-tercatat"))).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(node.Url("kilat", "/berita/hilang"))).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(node.Url("kilat", "/berita/tersimpan"))).StatusCode);
                using var admin = await SignInAsync(node.NewVisitor(), node.Url("kilat"), "admin");
                var contents = await admin.OpenAsync(node.Url("kilat", "/admin/contents?q=Berita"));
                Assert.DoesNotContain("Berita Hilang", contents.Html);
                Assert.Contains("Berita Tersimpan", contents.Html);
                await WaitUntilAsync(async () => Text(await visitor.OpenAsync(node.Url("kilat", "/search?q=tersimpan"))).Contains("Berita Tersimpan"));
                Assert.DoesNotContain("Berita Hilang", Text(await visitor.OpenAsync(node.Url("kilat", "/search?q=hilang"))));
                await WaitUntilAsync(async () => Text(await visitor.OpenAsync(node.Url(null, "/berita"))).Contains("Berita Tersimpan"));
                await AssertIndexMatchesDatabaseAsync(admin, node, "kilat");
            }

            // A media upload killed before its record commits: the file already moved into place is never served, and
            // the same file uploads again.
            await DieAsync(site, "commit:before /admin/media/upload", async node =>
            {
                using var admin = await SignInAsync(node.NewVisitor(), node.Url("kilat"), "admin");
                await DoomedAsync(admin.SubmitAsync(node.Url("kilat", "/admin/media/upload"), "form.card",
                    new Dictionary<string, string> { ["AltText"] = "Foto" }, [("File", "Foto Kilat.png", Png)]));
            });
            await using (var node = await NodeProcess.StartAsync(site, null))
            {
                var path = $"{DateTime.UtcNow:yyyy}/{DateTime.UtcNow:MM}/foto-kilat.png";
                using var visitor = node.NewVisitor();
                Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(node.Url("kilat", "/media/" + path))).StatusCode);
                using var admin = await SignInAsync(node.NewVisitor(), node.Url("kilat"), "admin");
                Assert.DoesNotContain("foto-kilat", (await admin.OpenAsync(node.Url("kilat", "/admin/media"))).Html);
                var again = await admin.SubmitAsync(node.Url("kilat", "/admin/media/upload"), "form.card",
                    new Dictionary<string, string> { ["AltText"] = "Foto" }, [("File", "Foto Kilat.png", Png)]);
                Assert.Contains("diunggah", again.SuccessMessage);
                // The orphan keeps its name unserved (it cannot be told from a namesake's upload in flight); the new one is served.
                var stored = again.Document.QuerySelector("table.media-list tbody tr code")!.TextContent;
                Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(node.Url("kilat", "/media/" + stored))).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(node.Url("kilat", "/media/" + path))).StatusCode);

                // Set up the next round: an article submitted for the head's approval.
                var submitted = await admin.SubmitAsync(node.Url("kilat", "/admin/contents/create/Article"), "form.content-editor", new Dictionary<string, string>
                    { ["TitlePart.Title"] = "Berita Ditinjau", ["AutoroutePart.Path"] = "berita/ditinjau", ["submit"] = "submit" });
                Assert.Equal(HttpStatusCode.OK, submitted.Status);
            }

            // An approval killed before its commit: the article is not public and the head's task is still open.
            await DieAsync(site, "commit:before /admin/tasks", async node =>
            {
                using var head = await SignInAsync(node.NewVisitor(), node.Url("kilat"), "kepala");
                var review = await OpenReviewAsync(head, node);
                await DoomedAsync(review.SubmitAsync(head, "form.decision-form", new Dictionary<string, string> { ["comment"] = "Setuju." }));
            });
            await using (var node = await NodeProcess.StartAsync(site, null))
            {
                using var visitor = node.NewVisitor();
                Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(node.Url("kilat", "/berita/ditinjau"))).StatusCode);
                using var head = await SignInAsync(node.NewVisitor(), node.Url("kilat"), "kepala");
                var review = await OpenReviewAsync(head, node);
                var decided = await review.SubmitAsync(head, "form.decision-form", new Dictionary<string, string> { ["comment"] = "Setuju." });
                Assert.Equal(HttpStatusCode.OK, decided.Status);
                Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(node.Url("kilat", "/berita/ditinjau"))).StatusCode);
            }

            // A recipe import killed before its commit: none of its items exist.
            await DieAsync(site, "commit:before /admin/recipes/import", async node =>
            {
                using var admin = await SignInAsync(node.NewVisitor(), node.Url("kilat"), "admin");
                await DoomedAsync(admin.SubmitAsync(node.Url("kilat", "/admin/recipes"), "form.card", new Dictionary<string, string>
                {
                    ["json"] = """
                        { "name": "impor", "steps": [ { "name": "content", "items": [
                          { "type": "Page", "title": "Dari Resep Satu", "path": "dari-resep-satu", "body": "<p>Satu.</p>" },
                          { "type": "Page", "title": "Dari Resep Dua", "path": "dari-resep-dua", "body": "<p>Dua.</p>" } ] } ] }
                        """,
                }));
            });

            // A tenant creation killed once its recipe committed but before it was marked running: the half-made site
            // answers nowhere, the portal lists it as not running, and it can be deleted and created again.
            await DieAsync(site, "commit:after /admin/tenants/create", async node =>
            {
                using var admin = await SignInAsync(node.NewVisitor(), node.Url(null), "admin");
                await DoomedAsync(admin.SubmitAsync(node.Url(null, "/admin/tenants/create"), "form.card", NewTenant("setengah")));
            });
            await using (var node = await NodeProcess.StartAsync(site, null))
            {
                using var visitor = node.NewVisitor();
                Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(node.Url("kilat", "/dari-resep-satu"))).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(node.Url("kilat", "/dari-resep-dua"))).StatusCode);
                var half = await visitor.GetAsync(node.Url("setengah"));
                Assert.Contains(half.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.ServiceUnavailable });
                Assert.DoesNotContain("Dinas setengah", await half.Content.ReadAsStringAsync());
                Assert.DoesNotContain("setengah", Text(await visitor.OpenAsync(node.Url(null, "/perangkat-daerah"))));

                using var admin = await SignInAsync(node.NewVisitor(), node.Url(null), "admin");
                var list = await admin.OpenAsync(node.Url(null, "/admin/tenants"));
                var row = list.Document.QuerySelector("tr[data-tenant=setengah]");
                Assert.NotNull(row);
                Assert.DoesNotContain("state-running", row!.InnerHtml);
                var deleted = await list.SubmitAsync(admin, "tr[data-tenant=setengah] form[action$='/delete']", new Dictionary<string, string>());
                Assert.Contains("dihapus", deleted.SuccessMessage);
                var recreated = await admin.SubmitAsync(node.Url(null, "/admin/tenants/create"), "form.card", NewTenant("setengah"));
                Assert.Contains("berjalan", recreated.SuccessMessage);
                Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(node.Url("setengah"))).StatusCode);
                using var kilat = await SignInAsync(node.NewVisitor(), node.Url("kilat"), "admin");
                await AssertIndexMatchesDatabaseAsync(kilat, node, "kilat");
            }
        }
        finally
        {
            await site.DisposeAsync();
        }
    }

    private static Dictionary<string, string> NewTenant(string name) => new()
    {
        ["Name"] = name, ["DisplayName"] = "Dinas " + name, ["Category"] = "Dinas", ["Hosts"] = "", ["RecipeName"] = "pd-site",
        ["AdminUserName"] = "admin", ["AdminEmail"] = $"admin@{name}.bekasikota.go.id", ["AdminPassword"] = TestEnvironment.AdminPassword,
    };

    /// <summary>Starts a node armed at <paramref name="failPoint"/>, runs the round, and waits for the node to have killed itself.</summary>
    private static async Task DieAsync(TestSite site, string failPoint, Func<NodeProcess, Task> round)
    {
        await using var node = await NodeProcess.StartAsync(site, failPoint);
        await round(node);
        await node.WaitForDeathAsync();
    }

    /// <summary>The request the kill interrupts: its connection dies with the node, so no answer acknowledges it.</summary>
    private static async Task DoomedAsync(Task<Page> request)
    {
        try
        {
            var page = await request;
            Assert.Fail($"The request was answered ({page.Status}) although the node should have died first.");
        }
        catch (HttpRequestException) { }
    }

    private static async Task<Page> OpenReviewAsync(SiteClient head, NodeProcess node)
    {
        var tasks = await head.OpenAsync(node.Url("kilat", "/admin/tasks"));
        var link = tasks.Document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).FirstOrDefault(h => h?.StartsWith("/admin/tasks/") == true)
                   ?? throw new InvalidOperationException("The head has no open task: " + Text(tasks));
        return await head.OpenAsync(node.Url("kilat", link));
    }

    private static async Task AssertIndexMatchesDatabaseAsync(SiteClient admin, NodeProcess node, string tenant)
    {
        var searchAdmin = await admin.OpenAsync(node.Url(tenant, "/admin/search"));
        var checkedPage = await searchAdmin.SubmitAsync(admin, "form[action*='/admin/search/check']", new Dictionary<string, string> { ["name"] = tenant });
        Assert.Contains("cocok dengan basis data", checkedPage.SuccessMessage);
    }

    private static async Task<SiteClient> SignInAsync(SiteClient client, Uri siteRoot, string userName)
    {
        var dashboard = await client.SignInAsync(siteRoot, userName, TestEnvironment.AdminPassword);
        Assert.True(dashboard.Status == HttpStatusCode.OK && !dashboard.Url.AbsolutePath.Contains("login"), "Sign-in failed for " + userName);
        return client;
    }

    private static string Text(Page page) => page.Document.Body?.TextContent ?? "";

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition did not become true.");
            await Task.Delay(250);
        }
    }
}
