using System.Net;

namespace OrchardSpbe.Datasets.Tests;

public sealed class PublishStoryTests(SqliteSite fixture) : IClassFixture<SqliteSite>
{
    // A walidata at Dinkes publishes a dataset with a CSV through the approval workflow. The public previews it,
    // filters it, sorts it, downloads it and finds it in the portal catalogue and its facets.
    [Fact]
    public async Task A_dataset_approved_by_the_head_is_previewed_filtered_downloaded_and_found_in_the_portal_catalogue()
    {
        var desk = await DataDesk.OpenAsync(fixture.Site);
        using var officer = await desk.SignInAsync("petugas");
        var editor = await officer.SubmitAsync(desk.Url("/admin/contents/create/Dataset"), "form.content-editor",
            DataDesk.DatasetForm("Kasus DBD per kecamatan 2025", "kasus-dbd-2025", button: "submit"));
        Assert.Empty(editor.Errors);
        var id = DataDesk.IdOf(editor);
        var csv = DataDesk.DbdCsv();
        var added = await desk.AddResourceAsync(officer, id, "Kasus DBD 2025", "kasus.csv", csv);
        Assert.Empty(added.Errors);
        Assert.Contains("144 baris", added.Html);

        using var visitor = fixture.Site.NewVisitor();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(desk.Url("/data/kasus-dbd-2025"))).StatusCode);

        using var head = await desk.SignInAsync("kepala");
        var inbox = await head.OpenAsync(desk.Url("/admin/tasks"));
        var taskId = inbox.Document.QuerySelectorAll(".task-list a").First(a => a.TextContent.Contains("Kasus DBD")).GetAttribute("href")!.Split('/').Last();
        // The head decides on the review page, for the version it shows.
        var review = await head.OpenAsync(desk.Url($"/admin/tasks/{taskId}"));
        var form = review.Document.QuerySelector("form.decision-form")!;
        var decided = await head.Http.PostAsync(desk.Url($"/admin/tasks/{taskId}/setujui"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["versionId"] = form.QuerySelector("input[name=versionId]")!.GetAttribute("value")!,
            ["comment"] = "Setuju.",
        }));
        Assert.True((int)decided.StatusCode < 400, decided.StatusCode.ToString());

        var page = await visitor.OpenAsync(desk.Url("/data/kasus-dbd-2025"));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Kasus DBD per kecamatan 2025", page.Heading);
        var jsonLd = page.Document.QuerySelector("script[type='application/ld+json']")!.TextContent;
        using (var json = System.Text.Json.JsonDocument.Parse(jsonLd))
        {
            Assert.Equal("Dataset", json.RootElement.GetProperty("@type").GetString());
            Assert.Equal("text/csv", json.RootElement.GetProperty("distribution")[0].GetProperty("encodingFormat").GetString());
        }
        var resourceLink = page.Document.QuerySelector(".resource-list a")!.GetAttribute("href")!;

        var preview = await visitor.OpenAsync(new Uri(page.Url, resourceLink));
        Assert.Contains("144 baris", preview.Document.QuerySelector(".preview-count")!.TextContent);
        Assert.Equal(20, preview.Document.QuerySelectorAll("table.data-preview tbody tr").Length);
        Assert.Equal(["bulan", "kecamatan", "kasus", "rasio"], preview.Document.QuerySelectorAll("table.data-preview th a").Select(a => a.TextContent.Trim()));

        var filtered = await visitor.OpenAsync(new Uri(page.Url, resourceLink + "?kolom=kecamatan&nilai=Kecamatan%2003&urut=kasus&arah=turun"));
        var rows = filtered.Document.QuerySelectorAll("table.data-preview tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToArray()).ToList();
        Assert.Equal(12, rows.Count);
        Assert.All(rows, r => Assert.Equal("Kecamatan 03", r[1]));
        var cases = rows.Select(r => int.Parse(r[2])).ToList();
        Assert.Equal(cases.OrderDescending(), cases);

        var download = await visitor.GetAsync(new Uri(page.Url, resourceLink + "/unduh"));
        Assert.Equal("text/csv", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(csv, await download.Content.ReadAsByteArrayAsync());

        // The portal's catalogue gathers it, with its facets.
        await DataDesk.WaitUntilAsync(async () => (await visitor.OpenAsync(desk.PortalUrl("/data?pd=" + desk.Pd))).Html.Contains("Kasus DBD per kecamatan 2025"), "the portal never listed the dataset");
        var catalogue = await visitor.OpenAsync(desk.PortalUrl("/data?pd=" + desk.Pd + "&format=CSV"));
        Assert.NotNull(catalogue.Document.QuerySelector("li[data-dataset='kasus-dbd-2025'] a[href*='/data/kasus-dbd-2025']"));
        Assert.Contains("(1)", catalogue.Document.QuerySelector("ul[data-facet='res_format'] a[data-value='CSV']")!.TextContent);
        Assert.NotNull(catalogue.Document.QuerySelector("ul[data-facet='groups'] a[data-value='kesehatan']"));
        await DataDesk.WaitUntilAsync(async () => (await visitor.OpenAsync(desk.PortalUrl("/data?q=demam+berdarah&pd=" + desk.Pd))).Document.QuerySelector("li[data-dataset='kasus-dbd-2025']") is not null,
            "full-text search never found the dataset");
    }
}
