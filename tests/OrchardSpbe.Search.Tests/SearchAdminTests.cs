using Lucene.Net.Index;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Search.Indexing;

namespace OrchardSpbe.Search.Tests;

/// <summary>A site administrator watches the index, rebuilds it, and repairs it when it drifted from the database.</summary>
public sealed class SearchAdminTests(SqliteSearchSite fixture) : IClassFixture<SqliteSearchSite>
{
    private TestSite Site => fixture.Site;

    [Fact]
    public async Task Status_rebuild_and_consistency_repair()
    {
        var desk = await NewsDesk.OpenAsync(Site, "admcari");
        var kept = await desk.WriteNewsAsync("Festival Kuliner Nusantara", "<p>Festival kuliner di alun-alun.</p>", publish: true);
        await desk.WriteNewsAsync("Lomba Kebersihan Kampung", "<p>Lomba kebersihan antar RW.</p>", publish: true);

        var status = await desk.Client.OpenAsync(desk.Url("/admin/search"));
        Assert.Equal(System.Net.HttpStatusCode.OK, status.Status);
        var row = status.Document.QuerySelector($"tr[data-index='{desk.Pd}']")!;
        var documents = int.Parse(row.QuerySelector(".documents")!.TextContent);
        Assert.True(documents >= 2);
        Assert.Equal("0", row.QuerySelector(".lag")!.TextContent.Trim());
        Assert.True(long.Parse(row.QuerySelector(".cursor")!.TextContent) > 0);

        // The PD's own pages and news from its recipe are indexed too: index and database agree from the start.
        var fresh = await status.SubmitAsync(desk.Client, $"tr[data-index='{desk.Pd}'] form[action*='/check']", new Dictionary<string, string>());
        Assert.Contains("cocok dengan basis data", fresh.SuccessMessage);
        var rebuilt = await fresh.SubmitAsync(desk.Client, $"tr[data-index='{desk.Pd}'] form[action*='/rebuild']", new Dictionary<string, string>());
        Assert.Contains($"dibangun ulang: {documents} dokumen", rebuilt.SuccessMessage);

        // The index drifts: one item's documents vanish from this node's index (a disk fault, a bug).
        var index = Site.Services.GetRequiredService<SearchIndexHost>().Open(desk.Pd);
        index.Writer.DeleteDocuments(new Term(SearchFields.Item, ContentDocumentSource.ItemIdOf(kept)));
        index.Searchers.MaybeRefreshBlocking();
        using var visitor = Site.NewVisitor();
        Assert.Empty((await visitor.SearchAsync(Site, desk.Pd, "festival kuliner")).HitTitles());

        var repaired = await rebuilt.SubmitAsync(desk.Client, $"tr[data-index='{desk.Pd}'] form[action*='/check']", new Dictionary<string, string>());
        Assert.Contains("diperbaiki: 1 item kurang dan 0 item lebih", repaired.SuccessMessage);
        Assert.Contains("Festival Kuliner Nusantara", (await visitor.SearchAsync(Site, desk.Pd, "festival kuliner")).HitTitles());
        var again = await repaired.SubmitAsync(desk.Client, $"tr[data-index='{desk.Pd}'] form[action*='/check']", new Dictionary<string, string>());
        Assert.Contains("cocok dengan basis data", again.SuccessMessage);

        var audit = await desk.Client.OpenAsync(desk.Url("/admin/audit"));
        Assert.Contains("search.rebuild", audit.Html);
        Assert.Contains("search.repair", audit.Html);

        // The public may not see it.
        var anonymous = await visitor.GetAsync(desk.Url("/admin/search"));
        Assert.NotEqual(System.Net.HttpStatusCode.OK, anonymous.StatusCode);
    }
}
