using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Search.Indexing;

namespace OrchardSpbe.Search.Tests;

/// <summary>An index is a cache of the database on one node's disk: lost, it comes back by itself.</summary>
public sealed class IndexRecoveryTests
{
    // The index folders are deleted while the host is down (a redeploy to a fresh disk); after the start the
    // search answers completely — as many documents as the database holds — without anyone pressing rebuild.
    [Fact]
    public async Task Index_folders_deleted_while_down_are_rebuilt_at_start()
    {
        var appData = Path.Combine(Path.GetTempPath(), "spbe-tests", "recover-" + Guid.NewGuid().ToString("N")[..8]);
        var settings = new Dictionary<string, string?>(SearchSite.FastTick) { ["Spbe:AppData"] = appData };
        string pd;
        int expected;
        await using (var first = await TestSite.StartAsync(new TestSiteOptions { Settings = settings }))
        {
            var desk = await NewsDesk.OpenAsync(first, "pulih");
            pd = desk.Pd;
            for (var i = 1; i <= 12; i++)
                await desk.WriteNewsAsync($"Laporan Kegiatan Pemulihan Nomor {i}", $"<p>Kegiatan pemulihan lingkungan ke-{i}.</p>", publish: i % 4 != 0);
            expected = (await first.NewVisitor().ApiAsync(first, pd, "pemulihan")).GetProperty("total").GetInt32();
            Assert.Equal(9, expected);
        }
        // Every tenant's index and the portal's.
        var folders = Directory.GetDirectories(appData, "search", SearchOption.AllDirectories);
        Assert.NotEmpty(folders);
        foreach (var folder in folders) Directory.Delete(folder, recursive: true);

        var second = await TestSite.StartAsync(new TestSiteOptions { Settings = settings });
        try
        {
            using var visitor = second.NewVisitor();
            var result = await visitor.ApiAsync(second, pd, "pemulihan");
            Assert.Equal(expected, result.GetProperty("total").GetInt32());
            Assert.Equal(expected, (await visitor.ApiAsync(second, null, "pemulihan")).GetProperty("total").GetInt32());

            // The index holds what the database holds: every item, drafts included (the admin's check agrees).
            var admin = second.NewVisitor();
            await admin.SignInAsync(second.Url(pd), "admin", TestEnvironment.AdminPassword);
            var status = await admin.OpenAsync(second.Url(pd, "/admin/search"));
            var documents = int.Parse(status.Document.QuerySelector($"tr[data-index='{pd}'] .documents")!.TextContent);
            var check = await status.SubmitAsync(admin, $"tr[data-index='{pd}'] form[action*='/check']", new Dictionary<string, string>());
            Assert.Contains($"cocok dengan basis data: {documents} dokumen", check.SuccessMessage);
        }
        finally
        {
            await second.DisposeAsync();
            try { Directory.Delete(appData, recursive: true); } catch (IOException) { }
        }
    }
}
