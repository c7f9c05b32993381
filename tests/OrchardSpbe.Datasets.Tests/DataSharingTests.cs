using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace OrchardSpbe.Datasets.Tests;

/// <summary>
/// 003 Pasal 10(1), 19(2)a: Bappeda asks Dinkes for a restricted dataset; Dinkes approves for the period asked, and
/// Bappeda reads it through Dinkes' CKAN API with the access token until the period ends — each read in Dinkes' audit
/// log. A refusal with a written reason only is flagged on the portal's board; one with an accepted reason is not.
/// </summary>
public sealed class DataSharingTests
{
    [Fact]
    public async Task A_PD_requests_another_PDs_restricted_dataset_is_granted_for_the_period_and_refusals_without_reason_reach_the_portal()
    {
        var clock = new TestClock();
        await using var site = await TestSite.StartAsync(new TestSiteOptions { Extend = spbe => spbe.Services.AddSingleton<TimeProvider>(clock) });
        var walidata = await DataDesk.OpenAsync(site, "dinkes");
        var requester = await DataDesk.OpenAsync(site, "bappeda");
        var datasetId = await walidata.PublishDatasetAsync("Kasus DBD per puskesmas", "kasus-dbd-rinci", classification: "terbatas");
        Assert.Empty((await walidata.AddResourceAsync(walidata.PdAdmin, datasetId, "Tabel kasus", "kasus.csv", DataDesk.DbdCsv())).Errors);
        var resourceId = await walidata.ResourceIdAsync(datasetId, "Tabel kasus");
        using var anonymous = site.NewVisitor();
        Assert.False((await ShowAsync(anonymous, walidata, null)).GetProperty("success").GetBoolean());

        // Bappeda's data officer asks; a period that ends before it starts is refused and nothing is sent.
        using var officer = await requester.SignInAsync("petugas");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().AddHours(7).DateTime);
        var refused = await officer.SubmitAsync(requester.Url("/admin/permintaan-data"), "form.share-request-form",
            Request(walidata.Pd, "kasus-dbd-rinci", today, today.AddDays(-3)));
        Assert.True(refused.Errors.Any(e => e.Contains("Tanggal selesai")), refused.Status + " " + refused.Url + " " + refused.Html[..Math.Min(3000, refused.Html.Length)]);
        Assert.Null(refused.Document.QuerySelector("#outgoing"));
        var sent = await officer.SubmitAsync(requester.Url("/admin/permintaan-data"), "form.share-request-form",
            Request(walidata.Pd, "kasus-dbd-rinci", today, today.AddDays(30)));
        Assert.Contains("Permintaan dikirim", sent.SuccessMessage);
        var requestId = sent.Url.AbsolutePath.Split('/')[3];

        // Dinkes' data officer finds it in the incoming list and approves it.
        using var keeper = await walidata.SignInAsync("petugas");
        await DataDesk.WaitUntilAsync(async () => (await keeper.OpenAsync(walidata.Url("/admin/permintaan-data"))).Document.QuerySelector($"#incoming tr[data-request='{requestId}']") is not null,
            "The request did not reach the walidata.");
        var review = await keeper.OpenAsync(walidata.Url($"/admin/permintaan-data/{requestId}"));
        Assert.Contains("Bappeda", review.Html, StringComparison.OrdinalIgnoreCase);
        var approved = await review.SubmitAsync(keeper, "form.share-decision", new Dictionary<string, string> { ["Decision"] = "setujui" });
        Assert.Contains("Akses diberikan", approved.SuccessMessage);

        // Bappeda sees the approval and its token, and reads the dataset and its table through Dinkes' API.
        string? token = null;
        await DataDesk.WaitUntilAsync(async () =>
        {
            var page = await officer.OpenAsync(requester.Url($"/admin/permintaan-data/{requestId}"));
            token = page.Document.QuerySelector("code.access-token")?.TextContent;
            return token is not null;
        }, "The decision did not reach the requester.");
        Assert.True((await ShowAsync(anonymous, walidata, token)).GetProperty("success").GetBoolean());
        var table = await SearchAsync(anonymous, walidata, resourceId, token);
        Assert.Equal(144, table.GetProperty("result").GetProperty("total").GetInt32());
        // Both PDs read the same story.
        foreach (var (client, desk) in new[] { (officer, requester), (keeper, walidata) })
        {
            var history = await client.OpenAsync(desk.Url($"/admin/permintaan-data/{requestId}"));
            Assert.Equal(["diajukan", "disetujui"], history.Document.QuerySelectorAll("#share-history tr[data-action]").Select(r => r.GetAttribute("data-action")!).ToArray());
        }
        var audit = await walidata.PdAdmin.OpenAsync(walidata.Url("/admin/audit"));
        Assert.Contains(audit.Document.QuerySelectorAll("tr[data-action='dataset.shared-access']"), r => r.TextContent.Contains(requester.Pd));

        // The period ends and the access with it, by itself.
        clock.Set(clock.GetUtcNow().AddDays(32));
        Assert.False((await ShowAsync(anonymous, walidata, token)).GetProperty("success").GetBoolean());
        using var later = await requester.SignInAsync("petugas"); // a month on, yesterday's sign-in has expired
        var ended = await later.OpenAsync(requester.Url("/admin/permintaan-data"));
        Assert.Equal("berakhir", ended.Document.QuerySelector($"#outgoing tr[data-request='{requestId}']")!.GetAttribute("data-state"));
        clock.Set(DateTimeOffset.UtcNow);

        // Two more requests: one refused with a written reason only (flagged for Diskominfostandi), one with an accepted reason.
        var flagged = await RequestAndRefuseAsync(officer, requester, keeper, walidata, today, new() { ["Decision"] = "tolak", ["Reason"] = "lainnya", ["ReasonText"] = "Sedang sibuk" });
        var accepted = await RequestAndRefuseAsync(officer, requester, keeper, walidata, today, new() { ["Decision"] = "tolak", ["Reason"] = "belum-tersedia" });
        using var portalAdmin = site.NewVisitor();
        await portalAdmin.SignInAsync(site.Url(null), "admin", TestEnvironment.AdminPassword);
        await DataDesk.WaitUntilAsync(async () => (await portalAdmin.OpenAsync(site.Url(null, "/admin/penolakan-data"))).Document.QuerySelector($"tr[data-request='{flagged}']") is not null,
            "The refusal without an accepted reason did not reach the portal's board.");
        var board = await portalAdmin.OpenAsync(site.Url(null, "/admin/penolakan-data"));
        Assert.Contains("Sedang sibuk", board.Document.QuerySelector($"tr[data-request='{flagged}']")!.TextContent);
        Assert.Null(board.Document.QuerySelector($"tr[data-request='{accepted}']"));
        await DataDesk.WaitUntilAsync(async () => (await officer.OpenAsync(requester.Url($"/admin/permintaan-data/{accepted}"))).Html.Contains("Data belum tersedia"),
            "The refusal's reason did not reach the requester.");
    }

    private static Dictionary<string, string> Request(string walidata, string dataset, DateOnly start, DateOnly end) => new()
    {
        ["Walidata"] = walidata, ["Dataset"] = dataset, ["Purpose"] = "Perencanaan program pengendalian DBD tahun depan.",
        ["Start"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["End"] = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static async Task<string> RequestAndRefuseAsync(SiteClient officer, DataDesk requester, SiteClient keeper, DataDesk walidata, DateOnly today, Dictionary<string, string> decision)
    {
        var sent = await officer.SubmitAsync(requester.Url("/admin/permintaan-data"), "form.share-request-form", Request(walidata.Pd, "kasus-dbd-rinci", today, today.AddDays(7)));
        var id = sent.Url.AbsolutePath.Split('/')[3];
        await DataDesk.WaitUntilAsync(async () => (await keeper.OpenAsync(walidata.Url($"/admin/permintaan-data/{id}"))).Document.QuerySelector("form.share-decision") is not null,
            "The request did not reach the walidata.");
        var review = await keeper.OpenAsync(walidata.Url($"/admin/permintaan-data/{id}"));
        var done = await review.SubmitAsync(keeper, "form.share-decision", decision);
        Assert.Contains("ditolak", done.SuccessMessage);
        return id;
    }

    private static async Task<JsonElement> ShowAsync(SiteClient client, DataDesk walidata, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, walidata.Url("/api/3/action/package_show?id=kasus-dbd-rinci"));
        if (token is not null) request.Headers.TryAddWithoutValidation("Authorization", token);
        var response = await client.SendAsync(request);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> SearchAsync(SiteClient client, DataDesk walidata, string resourceId, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, walidata.Url($"/api/3/action/datastore_search?resource_id={resourceId}&limit=1"));
        if (token is not null) request.Headers.TryAddWithoutValidation("Authorization", token);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
