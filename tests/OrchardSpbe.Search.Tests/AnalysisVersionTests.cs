using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Search.Indexing;

namespace OrchardSpbe.Search.Tests;

/// <summary>A release changes the analysis (the stemmer, its dictionary): the indexes rebuild by themselves, and search answers throughout.</summary>
[Collection(AnalysisCollection.Name)]
public sealed class AnalysisVersionTests
{
    // The index on disk was written with an older analysis (as every index before the dictionary stemmer was). After
    // the start the search answers at once, from that index; in the background both the PD's index and its documents
    // in the portal's are rebuilt and recorded with the current analysis version.
    [Fact]
    public async Task An_index_of_another_analysis_version_answers_and_is_rebuilt_in_the_background()
    {
        var appData = Path.Combine(Path.GetTempPath(), "spbe-tests", "analysis-" + Guid.NewGuid().ToString("N")[..8]);
        var settings = new Dictionary<string, string?>(SearchSite.FastTick) { ["Spbe:AppData"] = appData };
        string pd, folder;
        await using (var first = await TestSite.StartAsync(new TestSiteOptions { Settings = settings }))
        {
            var desk = await NewsDesk.OpenAsync(first, "versi");
            pd = desk.Pd;
            for (var i = 1; i <= 6; i++)
                await desk.WriteNewsAsync($"Perencanaan Anggaran Kelurahan {i}", $"<p>Rapat perencanaan anggaran ke-{i}.</p>", publish: true);
            Assert.Equal(6, Ours(await first.NewVisitor().ApiAsync(first, pd, "perencanaan anggaran")));
            folder = first.Services.GetRequiredService<SearchIndexHost>().FolderOf(pd);
        }

        // While the host is down the index's commit is marked as written by an older analysis.
        using (var directory = FSDirectory.Open(folder))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalyzers.Version, SearchAnalyzers.PerField) { OpenMode = OpenMode.APPEND }))
        {
            var data = new Dictionary<string, string>(writer.CommitData) { ["analysis"] = "1:lucene-indonesian" };
            writer.SetCommitData(data);
            writer.Commit();
        }

        var second = await TestSite.StartAsync(new TestSiteOptions { Settings = settings });
        try
        {
            using var visitor = second.NewVisitor();
            Assert.Equal(6, Ours(await visitor.ApiAsync(second, pd, "perencanaan anggaran")));
            var indexes = second.Services.GetRequiredService<SearchIndexHost>();
            await SearchPages.WaitUntilAsync(async () =>
            {
                // It answers throughout the rebuild; the derived form is only promised once the rebuild is done.
                Assert.Equal(6, Ours(await visitor.ApiAsync(second, pd, "perencanaan anggaran")));
                return indexes.Find(pd) is { IsStale: false, AnalysisVersion: var version } && version == SearchAnalyzers.AnalysisVersion
                       && indexes.Portal.Analyses.GetValueOrDefault(pd) == SearchAnalyzers.AnalysisVersion
                       && Ours(await visitor.ApiAsync(second, pd, "rencana anggaran")) == 6;
            });
            Assert.Equal(6, Ours(await visitor.ApiAsync(second, null, "rencana anggaran")));
        }
        finally { await second.DisposeAsync(); }

        try
        {
            // The rebuilt index carries the current version on disk.
            using var directory = FSDirectory.Open(folder);
            using var reader = DirectoryReader.Open(directory);
            Assert.Equal(SearchAnalyzers.AnalysisVersion, reader.IndexCommit.UserData["analysis"]);
        }
        finally
        {
            try { System.IO.Directory.Delete(appData, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The test's own items among the hits (the PD's recipe pages speak of "perencanaan" too).</summary>
    private static int Ours(System.Text.Json.JsonElement result) => result.Titles().Count(t => t.StartsWith("Perencanaan Anggaran Kelurahan", StringComparison.Ordinal));
}
