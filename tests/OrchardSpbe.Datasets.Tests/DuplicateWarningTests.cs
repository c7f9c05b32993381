namespace OrchardSpbe.Datasets.Tests;

public sealed class DuplicateWarningTests(SqliteSite fixture) : IClassFixture<SqliteSite>
{
    // 003 Pasal 10(2): Disdik drafts a dataset that resembles one Dinkes publishes; the editor warns and links to it.
    [Fact]
    public async Task A_look_alike_draft_shows_the_duplicate_warning_with_a_link_to_the_walidatas_dataset()
    {
        var dinkes = await DataDesk.OpenAsync(fixture.Site);
        await dinkes.PublishDatasetAsync("Kasus demam berdarah dengue per kecamatan", "kasus-dbd-kecamatan");
        using var visitor = fixture.Site.NewVisitor();
        await DataDesk.WaitUntilAsync(async () => (await visitor.OpenAsync(dinkes.PortalUrl("/data?pd=" + dinkes.Pd))).Html.Contains("kasus-dbd-kecamatan"), "the portal never listed the dataset");

        var disdik = await DataDesk.OpenAsync(fixture.Site, "disdik");
        var lookAlike = await disdik.PdAdmin.SubmitAsync(disdik.Url("/admin/contents/create/Dataset"), "form.content-editor",
            DataDesk.DatasetForm("Kasus demam berdarah dengue tiap kecamatan", "dbd-sekolah", button: "draft"));
        Assert.Empty(lookAlike.Errors);
        var warning = lookAlike.Document.QuerySelector(".duplicate-warning");
        Assert.NotNull(warning);
        var link = warning!.QuerySelector("li[data-similar='kasus-dbd-kecamatan'] a")!;
        Assert.Contains(dinkes.Pd, link.GetAttribute("href"));
        Assert.Contains("Pasal 10", warning.TextContent);

        var form = DataDesk.DatasetForm("Jumlah sekolah dasar negeri", "jumlah-sd", button: "draft");
        form["DatasetPart.Description"] = "Sekolah dasar negeri dan swasta menurut kecamatan.";
        var different = await disdik.PdAdmin.SubmitAsync(disdik.Url("/admin/contents/create/Dataset"), "form.content-editor", form);
        Assert.Empty(different.Errors);
        Assert.Null(different.Document.QuerySelector(".duplicate-warning"));
    }
}
