namespace OrchardSpbe.Workflows.Tests;

/// <summary>Where the Workflows feature is off — the city portal, or a PD that switched it off — content is published directly.</summary>
public sealed class SitesWithoutApprovalTests(SqliteWorkflowSite fixture) : IClassFixture<SqliteWorkflowSite>
{
    private TestSite Site => fixture.Site;

    [Fact]
    public async Task The_portal_publishes_its_pages_without_review()
    {
        using var admin = Site.NewVisitor();
        await admin.SignInAsync(Site.Url(null), "admin", TestEnvironment.AdminPassword);
        var editor = await admin.OpenAsync(Site.Url(null, "/admin/contents/create/Page"));
        Assert.Null(editor.Document.QuerySelector("button[value=submit]"));
        Assert.Null(editor.Document.QuerySelector(".review-panel"));
        Assert.Equal("Terbitkan", editor.Document.QuerySelector("button[value=publish]")!.TextContent.Trim());
        var published = await editor.SubmitAsync(admin, "form.content-editor", new Dictionary<string, string>
        {
            ["TitlePart.Title"] = "Layanan Pengaduan Warga", ["BodyPart.Html"] = "<p>Sampaikan aduan.</p>", ["submit"] = "publish",
        });
        Assert.Equal("'Layanan Pengaduan Warga' diterbitkan.", published.SuccessMessage);
    }

    [Fact]
    public async Task A_PD_that_switches_workflows_off_publishes_directly_again()
    {
        var team = await PdTeam.OpenAsync(Site, "tanpa");
        var features = await team.Admin.OpenAsync(team.Url("/admin/features"));
        var off = await features.SubmitAsync(team.Admin, "form[action='/admin/features/OrchardSpbe.Workflows/disable']", new Dictionary<string, string>());
        Assert.Equal("Fitur dinonaktifkan: Alur kerja.", off.SuccessMessage);

        var editor = await team.Admin.OpenAsync(team.Url("/admin/contents/create/Article"));
        Assert.Null(editor.Document.QuerySelector("button[value=submit]"));
        Assert.Equal("Terbitkan", editor.Document.QuerySelector("button[value=publish]")!.TextContent.Trim());
        var published = await team.WriteNewsAsync(team.Admin, "Kerja Bakti Kelurahan", "<p>Kerja bakti.</p>", "publish");
        Assert.Equal("'Kerja Bakti Kelurahan' diterbitkan.", published.SuccessMessage);
        Assert.Null(published.Document.QuerySelector(".review-panel"));
    }
}
