namespace OrchardSpbe.Programmers.Tests;

/// <summary>
/// The people of the programmer team on one test site: the portal's selection team (SelectionTeam) and Ketua
/// (TeamChair), a home PD and a placement PD (pd-site recipe) with its head (Reviewer) — each signing in through the
/// login form — and an applicant, who is nobody signed in.
/// </summary>
public sealed class ProgrammerDesk(TestSite site, string homePd, string placementPd)
{
    public const string Password = "Tim-Programmer-Kuat-2026";

    public TestSite Site => site;
    public string HomePd => homePd;
    public string PlacementPd => placementPd;

    public Uri Portal(string path) => site.Url(null, path);

    public static async Task<ProgrammerDesk> OpenAsync(TestSite site)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var home = "induk" + suffix;
        var placement = "kominfo" + suffix;
        await site.CreateTenantAsync(home, "Dinas Induk Uji " + suffix);
        await site.CreateTenantAsync(placement, "Diskominfostandi Uji " + suffix);
        using var portalAdmin = site.NewVisitor();
        await portalAdmin.SignInAsync(site.Url(null), "admin", TestEnvironment.AdminPassword);
        await AddUsersAsync(portalAdmin, site.Url(null, "/admin/recipes"), "portal", ("seleksi" + suffix, "SelectionTeam"), ("ketua" + suffix, "TeamChair"), ("pembina" + suffix, "Patron"));
        using var pdAdmin = site.NewVisitor();
        await pdAdmin.SignInAsync(site.Url(placement), "admin", TestEnvironment.AdminPassword);
        await AddUsersAsync(pdAdmin, site.Url(placement, "/admin/recipes"), placement, ("kepala", "Reviewer"), ("pemrogram", "Programmer"), ("penulis", "Author"));
        return new ProgrammerDesk(site, home, placement) { Suffix = suffix };
    }

    public string Suffix { get; private init; } = "";
    public string SelectionUser => "seleksi" + Suffix;
    public string ChairUser => "ketua" + Suffix;

    private static async Task AddUsersAsync(SiteClient admin, Uri recipes, string domain, params (string UserName, string Role)[] users)
    {
        var list = string.Join(",", users.Select(u =>
            $$"""{ "userName": "{{u.UserName}}", "email": "{{u.UserName}}@{{domain}}.bekasikota.go.id", "password": "{{Password}}", "roles": ["{{u.Role}}"] }"""));
        var result = await admin.SubmitAsync(recipes, "form.card", new Dictionary<string, string>
        {
            ["json"] = $$"""{ "name": "tim-programmer", "steps": [ { "name": "users", "users": [ {{list}} ] } ] }""",
        });
        Assert.Empty(result.Errors);
    }

    public async Task<SiteClient> SignInAsync(string? tenant, string userName)
    {
        var client = site.NewVisitor();
        var page = await client.SignInAsync(site.Url(tenant), userName, Password);
        Assert.DoesNotContain("/admin/login", page.Url.AbsolutePath);
        return client;
    }

    public Task<SiteClient> SelectionTeamAsync() => SignInAsync(null, SelectionUser);
    public Task<SiteClient> ChairAsync() => SignInAsync(null, ChairUser);
    public Task<SiteClient> PatronAsync() => SignInAsync(null, "pembina" + Suffix);

    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];
    public static readonly byte[] Executable = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00];

    public static string NewNik() => "3275" + Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString();

    /// <summary>The applicant fills the portal's form; returns the page the form led to (the status page, or the form with errors).</summary>
    public async Task<Page> ApplyAsync(SiteClient applicant, string name, string nik, string role, int years,
        IReadOnlyList<(string Field, string FileName, byte[] Content)>? files = null, bool nonAsn = true)
    {
        files ??= [("cv", "cv.pdf", Pdf), ("pengalaman", "pernyataan-pengalaman.pdf", Pdf), ("kemampuan", "pernyataan-kemampuan.png", Png), ("sertifikat", "lpic.pdf", Pdf)];
        var fields = new Dictionary<string, string>
        {
            ["RoleCode"] = role,
            ["FullName"] = name,
            ["Nik"] = nik,
            ["Email"] = "pelamar@example.id",
            ["Phone"] = "0812-3456-7890",
            ["Address"] = "Jl. Ahmad Yani No. 1, Bekasi Selatan",
            ["HomePd"] = homePd,
            ["CurrentUnit"] = "Subbagian Umum",
            ["YearsExperience"] = years.ToString(),
        };
        if (nonAsn) fields["NonAsn"] = "true";
        return await applicant.SubmitAsync(Portal("/tim-programmer/daftar"), "form.apply-form", fields, files);
    }

    /// <summary>The board's row of an applicant (by name): the application's id.</summary>
    public async Task<string> ApplicationIdAsync(SiteClient team, string name)
    {
        var board = await team.OpenAsync(Portal("/admin/tim-programmer/seleksi"));
        var row = board.Document.QuerySelectorAll("tr[data-application]").FirstOrDefault(r => r.TextContent.Contains(name))
                  ?? throw new InvalidOperationException($"{name} is not on the board: {board.Html[..Math.Min(400, board.Html.Length)]}");
        return row.GetAttribute("data-application")!;
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string because, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until)
        {
            if (await condition()) return;
            await Task.Delay(250);
        }
        Assert.Fail(because);
    }
}

public static class ProgrammerDeskSteps
{
    /// <summary>An applicant applies and the team passes the file through every stage (000 Pasal 16(3)); returns the application id.</summary>
    public static async Task<string> PassSelectionAsync(this ProgrammerDesk desk, string name, string role, int years)
    {
        using var applicant = desk.Site.NewVisitor();
        var applied = await desk.ApplyAsync(applicant, name, ProgrammerDesk.NewNik(), role, years);
        Assert.Empty(applied.Errors);
        using var team = await desk.SelectionTeamAsync();
        var id = await desk.ApplicationIdAsync(team, name);
        var show = desk.Portal($"/admin/tim-programmer/seleksi/{id}");
        await team.SubmitAsync(show, "form.completeness-form", new Dictionary<string, string> { ["Checked"] = "non-asn,cv,pengalaman,kemampuan,sertifikat", ["Schedule"] = "Senin 09.00 WIB" });
        await team.SubmitAsync(show, "form.score-form", new Dictionary<string, string> { ["Score"] = "80", ["Outcome"] = "lulus", ["Schedule"] = "Kamis 09.00 WIB" });
        var done = await team.SubmitAsync(show, "form.score-form", new Dictionary<string, string> { ["Score"] = "85", ["Outcome"] = "lulus" });
        Assert.Equal("lulus", done.Document.QuerySelector(".application-state")?.GetAttribute("data-state"));
        return id;
    }

    /// <summary>The Ketua appoints the applicant by decree, placed at the desk's placement PD.</summary>
    public static async Task AppointAsync(this ProgrammerDesk desk, string applicationId, string start, string occupations = "", string certificates = "")
    {
        using var chair = await desk.ChairAsync();
        var page = await chair.SubmitAsync(desk.Portal("/admin/tim-programmer/anggota"), "form.appoint-form", new Dictionary<string, string>
        {
            ["ApplicationId"] = applicationId, ["DecreeNumber"] = "800/Kep.202-Diskominfostandi", ["DecreeDate"] = start, ["StartDate"] = start, ["Placement"] = desk.PlacementPd,
            ["Occupations"] = occupations, ["Certificates"] = certificates,
        });
        Assert.Empty(page.Errors);
    }

    public static async Task<string> NotificationsAsync(this ProgrammerDesk desk, string? tenant, string userName, string password = ProgrammerDesk.Password)
    {
        using var client = desk.Site.NewVisitor();
        await client.SignInAsync(desk.Site.Url(tenant), userName, password);
        return (await client.OpenAsync(desk.Site.Url(tenant, "/admin/notifications"))).Document.QuerySelector(".notifications")?.TextContent ?? "";
    }
}
