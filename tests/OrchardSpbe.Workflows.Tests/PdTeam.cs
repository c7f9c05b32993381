namespace OrchardSpbe.Workflows.Tests;

/// <summary>
/// A PD's website team on a new PD site (pd-site recipe, approval flow on): its administrator, an author
/// (Author) and the PD head (Reviewer), each signing in through the login form.
/// </summary>
public sealed class PdTeam(TestSite site, string pd, SiteClient admin)
{
    public const string Password = "Tim-Website-Kuat-2026";

    public string Pd => pd;
    public SiteClient Admin => admin;

    public Uri Url(string path) => site.Url(pd, path);

    public static string EmailOf(string pd, string userName) => $"{userName}@{pd}.bekasikota.go.id";

    /// <summary>People are shown by their display names: the author and the head have real ones.</summary>
    public static string DisplayNameOf(string userName) => userName switch
    {
        "penulis" => "Sari Penulis",
        "kepala" => "Budi Santoso",
        _ => "Staf " + userName,
    };

    public static async Task<PdTeam> OpenAsync(TestSite site, string prefix = "pd", params (string UserName, string Role)[] extraUsers)
    {
        var pd = prefix + Guid.NewGuid().ToString("N")[..8];
        await site.CreateTenantAsync(pd, "Dinas Uji " + pd);
        var admin = site.NewVisitor();
        await admin.SignInAsync(site.Url(pd), "admin", TestEnvironment.AdminPassword);
        var team = new PdTeam(site, pd, admin);
        (string, string)[] users = [("penulis", "Author"), ("kepala", "Reviewer"), .. extraUsers];
        var list = string.Join(",", users.Select(u =>
            $$"""{ "userName": "{{u.Item1}}", "displayName": "{{DisplayNameOf(u.Item1)}}", "email": "{{EmailOf(pd, u.Item1)}}", "password": "{{Password}}", "roles": ["{{u.Item2}}"] }"""));
        var result = await admin.SubmitAsync(team.Url("/admin/recipes"), "form.card", new Dictionary<string, string>
        {
            ["json"] = $$"""{ "name": "tim", "steps": [ { "name": "users", "users": [ {{list}} ] } ] }""",
        });
        Assert.Empty(result.Errors);
        return team;
    }

    /// <summary>Signs in through the login form in a new Chromium page, as a person would.</summary>
    public async Task<Microsoft.Playwright.IPage> SignInAsync(ChromiumFixture chromium, string userName, string password = Password)
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(Url("/admin/login").ToString());
        await page.FillAsync("#UserName", userName);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login"));
        return page;
    }

    public async Task<SiteClient> SignInAsync(string userName)
    {
        var client = site.NewVisitor();
        await client.SignInAsync(site.Url(pd), userName, Password);
        return client;
    }

    /// <summary>Writes a news item in the editor and presses one of its buttons ("draft", "submit", "publish").</summary>
    public Task<Page> WriteNewsAsync(SiteClient client, string title, string body, string button) =>
        client.SubmitAsync(Url("/admin/contents/create/Article"), "form.content-editor", new Dictionary<string, string>
        {
            ["TitlePart.Title"] = title, ["BodyPart.Html"] = body, ["submit"] = button,
        });

    /// <summary>The item's id, from the address of its editor.</summary>
    public static string IdOf(Page editor) => editor.Url.AbsolutePath.Split('/')[3];

    /// <summary>The open task on the item as the head's inbox lists it (its id, from the task link).</summary>
    public async Task<string?> TaskIdInInboxAsync(SiteClient client, string title)
    {
        var inbox = await client.OpenAsync(Url("/admin/tasks"));
        var link = inbox.Document.QuerySelectorAll(".task-list a").FirstOrDefault(a => a.TextContent.Contains(title));
        return link?.GetAttribute("href")?.Split('/').Last();
    }

    /// <summary>
    /// Posts a task decision with a comment, as the task page's form does: for the content version that page shows
    /// (<paramref name="versionId"/> overrides it), with the token from the user's own inbox page.
    /// </summary>
    public async Task<Page> DecideAsync(SiteClient client, string taskId, string action, string comment, string? versionId = null)
    {
        var inbox = await client.OpenAsync(Url("/admin/tasks"));
        var token = inbox.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        versionId ??= await ShownVersionAsync(client, taskId);
        var response = await client.Http.PostAsync(Url($"/admin/tasks/{taskId}/{action}"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["comment"] = comment, ["versionId"] = versionId ?? "",
        }));
        return await SiteClient.ReadAsync(await client.FollowAsync(response));
    }

    /// <summary>The content version the task page shows this user (null when the user may not open it).</summary>
    public async Task<string?> ShownVersionAsync(SiteClient client, string taskId)
    {
        var page = await client.OpenAsync(Url($"/admin/tasks/{taskId}"));
        return page.Document.QuerySelector("input[name=versionId]")?.GetAttribute("value");
    }
}
