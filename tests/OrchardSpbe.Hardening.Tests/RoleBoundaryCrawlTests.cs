using System.Net;
using AngleSharp.Html.Parser;
using OrchardSpbe.Hardening.Tests.Harness;

namespace OrchardSpbe.Hardening.Tests;

/// <summary>
/// Finding 9 for every role: a user of each role the site has (read from the site's own roles page, with the
/// permissions ticked there) walks every admin page and API they can reach — every parameterless GET route of the
/// application, and every /admin or /api link those pages show — and no page shows them a secret their permissions do
/// not cover: the administrator's private draft, or a colleague's e-mail address.
/// </summary>
public sealed class RoleBoundaryCrawlTests(SqliteSite fixture) : IClassFixture<SqliteSite>
{
    private const string Password = "Pengguna-Uji-2026";
    private const int MaxPagesPerRole = 300;

    [Fact]
    public async Task No_role_reaches_a_page_or_api_that_shows_data_its_permissions_do_not_cover()
    {
        var site = fixture.Site;
        var desk = await PdDesk.OpenAsync(site, "peran");
        var token = Guid.NewGuid().ToString("N")[..8];
        // The secrets, and the permissions under which a user may see each (any one of them suffices).
        // The draft's title has a word to search by (a search page echoes it) and a secret word that no URL carries.
        var handle = "Kabar" + token;
        var draft = "Rahasia" + Guid.NewGuid().ToString("N")[..8];
        var email = $"surel.rahasia.{token}@{desk.Pd}.bekasikota.go.id";
        var secrets = new Dictionary<string, string[]>
        {
            [draft] = ["EditContent", "PublishContent", "DeleteContent", "ViewWorkflows", "ViewAuditLog"],
            [email] = ["ManageUsers"],
        };
        var created = await desk.CreateAsync("Article", new Dictionary<string, string> { ["TitlePart.Title"] = $"{handle} {draft}" }, publish: false);
        Assert.Empty(created.Errors);
        await CreateUserAsync(desk, "saksi" + token, email, role: null);

        // A role of the site's own making, that may manage users and nothing else.
        var custom = await desk.Client.SubmitAsync(desk.Url("/admin/roles/create"), "form.card", new Dictionary<string, string>
        {
            ["Name"] = "PengelolaPengguna", ["Description"] = "Mengelola akun pegawai", ["Permissions"] = "ManageUsers",
        });
        Assert.True(custom.SuccessMessage is not null, string.Join("; ", custom.Errors));
        var roles = await RolesAsync(desk);
        Assert.Contains("Author", roles.Keys);
        Assert.Contains("DataOfficer", roles.Keys);
        var start = EndpointCatalog.Discover(site.Services)
            .Where(e => e.Method == "GET" && e.Pattern.Parameters.Count == 0 && (e.Template.StartsWith("/admin", StringComparison.Ordinal) || e.Template.StartsWith("/api", StringComparison.Ordinal)))
            .Select(e => e.Template)
            .Concat([$"/admin/contents?q={handle}", $"/admin/contents?q={handle}&status=draft", $"/api/search?q={handle}", $"/search?q={handle}", $"/admin/users?q={token}"])
            .Distinct().ToList();

        var report = new List<string>();
        var problems = new List<string>();
        var shownTo = secrets.Keys.ToDictionary(k => k, _ => new HashSet<string>());
        foreach (var (role, granted) in roles.Where(r => r.Key != "Administrator"))
        {
            var userName = "peran" + role.ToLowerInvariant();
            await CreateUserAsync(desk, userName, $"{userName}@{desk.Pd}.bekasikota.go.id", role);
            using var user = site.NewVisitor();
            await user.SignInAsync(desk.Url("/"), userName, Password);
            var visited = await CrawlAsync(user, desk, start, (path, status, body) =>
            {
                if ((int)status >= 500) problems.Add($"{role}: {path} answered {(int)status}");
                foreach (var (secret, allowedBy) in secrets.Where(s => body.Contains(s.Key, StringComparison.OrdinalIgnoreCase)))
                {
                    shownTo[secret].Add(role);
                    if (!allowedBy.Any(granted.Contains)) problems.Add($"{role}: {path} shows \"{secret}\" without any of {string.Join(", ", allowedBy)}");
                }
            });
            report.Add($"{role} ({granted.Count} permissions): {visited} pages and API answers");
        }
        Console.WriteLine(string.Join("\n", report));
        // The walk has teeth: a secret that some crawled role may see was indeed found by one of them.
        foreach (var (secret, allowedBy) in secrets)
            if (roles.Any(r => r.Key != "Administrator" && allowedBy.Any(r.Value.Contains)))
                Assert.True(shownTo[secret].Count > 0, $"No permitted role found \"{secret}\": the crawl does not reach the pages that show it.");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(50)));
        Assert.True(report.Count >= 4, "Fewer roles than expected: " + string.Join("; ", report));
    }

    private static async Task<int> CrawlAsync(SiteClient user, PdDesk desk, IReadOnlyList<string> start, Action<string, HttpStatusCode, string> inspect)
    {
        var parser = new HtmlParser();
        var queue = new Queue<string>(start);
        var seen = new HashSet<string>(start, StringComparer.Ordinal);
        var visited = 0;
        while (queue.Count > 0 && visited < MaxPagesPerRole)
        {
            var path = queue.Dequeue();
            using var response = await user.GetAsync(desk.Url(path));
            var body = await response.Content.ReadAsStringAsync();
            visited++;
            inspect(path, response.StatusCode, body);
            if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            foreach (var anchor in parser.ParseDocument(body).QuerySelectorAll("a[href]"))
            {
                if (!Uri.TryCreate(desk.Url(path), anchor.GetAttribute("href"), out var target) || target.Host != desk.Url("/").Host) continue;
                var next = target.PathAndQuery;
                if (!(next.StartsWith("/admin", StringComparison.Ordinal) || next.StartsWith("/api", StringComparison.Ordinal))) continue;
                if (seen.Add(next)) queue.Enqueue(next);
            }
        }
        return visited;
    }

    /// <summary>The site's roles and the permissions ticked for each, as its administrator sees them.</summary>
    private static async Task<Dictionary<string, HashSet<string>>> RolesAsync(PdDesk desk)
    {
        var list = await desk.Client.OpenAsync(desk.Url("/admin/roles"));
        var roles = new Dictionary<string, HashSet<string>>();
        foreach (var link in list.Document.QuerySelectorAll("a[href$='/edit']").Select(a => a.GetAttribute("href")!).Where(h => h.Contains("/admin/roles/")))
        {
            var name = Uri.UnescapeDataString(link.Split('/')[^2]);
            var edit = await desk.Client.OpenAsync(desk.Url(link));
            roles[name] = edit.Document.QuerySelectorAll("input[name=Permissions]").Where(i => i.HasAttribute("checked")).Select(i => i.GetAttribute("value")!).ToHashSet();
        }
        return roles;
    }

    private static async Task CreateUserAsync(PdDesk desk, string userName, string email, string? role)
    {
        var fields = new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Email"] = email, ["DisplayName"] = "Pengguna " + userName,
            ["Password"] = Password, ["ConfirmPassword"] = Password,
        };
        if (role is not null) fields["Roles"] = role;
        var page = await desk.Client.SubmitAsync(desk.Url("/admin/users/create"), "form.card", fields);
        Assert.True(page.SuccessMessage is not null, string.Join("; ", page.Errors));
    }
}
