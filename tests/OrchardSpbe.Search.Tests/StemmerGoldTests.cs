using System.Text.Json;
using Lucene.Net.Analysis.Id;
using OrchardSpbe.Search.Indexing;
using Xunit.Abstractions;

namespace OrchardSpbe.Search.Tests;

/// <summary>
/// The stemmer against the gold list (Data/stemmer-gold.tsv): 500 government word forms and their roots, from Kota
/// Bekasi's PD names, the 20 kelompok data of 001 Pasal 18(3), the seeds' vocabulary and ordinary affixed forms.
/// Each word is asked of the admin's analysis JSON, so the answer is what the index really does.
/// </summary>
public sealed class StemmerGoldTests(SqliteSearchSite fixture, ITestOutputHelper output) : IClassFixture<SqliteSearchSite>
{
    private const double Required = 0.97;

    [Fact]
    public async Task At_least_97_percent_of_the_gold_list_is_stemmed_to_its_root()
    {
        var site = fixture.Site;
        using var admin = site.NewVisitor();
        await admin.SignInAsync(site.Url(null), "admin", TestEnvironment.AdminPassword);
        var gold = GoldList.Read();
        Assert.True(gold.Count >= 300, $"the gold list has {gold.Count} words");

        var misses = new List<string>();
        var stock = 0;
        var stockAnalyzer = new IndonesianAnalyzer(SearchAnalyzers.Version);
        foreach (var (word, root, source) in gold)
        {
            var response = await admin.GetAsync(site.Url(null, "/admin/search/analyze?text=" + Uri.EscapeDataString(word)));
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            var tokens = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("tokens").EnumerateArray().ToList();
            // "anak-anak" is two tokens, both "anak".
            var stemmed = string.Join(" ", tokens.Select(t => t.GetProperty("stemmed").GetString()).Distinct());
            if (stemmed != root) misses.Add($"{word} → {stemmed} (gold: {root}; {source}; {tokens[0].GetProperty("rule").GetString()})");
            // Lucene's stock stemmer, for comparison only.
            if (string.Join(" ", SearchAnalyzers.Terms(stockAnalyzer, word).Distinct()) == root) stock++;
        }

        var accuracy = 1.0 * (gold.Count - misses.Count) / gold.Count;
        output.WriteLine($"Stemmer accuracy on {gold.Count} gold words: {accuracy:P1} ({gold.Count - misses.Count} right); Lucene's stock IndonesianStemmer: {1.0 * stock / gold.Count:P1} ({stock} right).");
        foreach (var miss in misses) output.WriteLine("  " + miss);
        Assert.True(accuracy >= Required, $"accuracy {accuracy:P1} < {Required:P0}:\n" + string.Join("\n", misses));
    }

    [Fact]
    public void The_gold_list_notes_a_source_for_every_word_and_holds_the_issues_table()
    {
        var gold = GoldList.Read();
        Assert.All(gold, g => Assert.False(string.IsNullOrWhiteSpace(g.Source), g.Word));
        Assert.Equal(gold.Count, gold.Select(g => g.Word).Distinct().Count());
        var roots = gold.ToDictionary(g => g.Word, g => g.Root);
        foreach (var (word, root) in new[] { ("pemerintah", "perintah"), ("pemerintahan", "perintah"), ("perencanaan", "rencana"), ("pengembangan", "kembang"),
                     ("pengelolaan", "kelola"), ("perumahan", "rumah"), ("kependudukan", "duduk"), ("pemadam", "padam"), ("pemilihan", "pilih"),
                     ("pengeluaran", "keluar"), ("kepegawaian", "pegawai") })
            Assert.Equal(root, roots[word]);
    }
}

/// <summary>Data/stemmer-gold.tsv: word, root, source; "#" lines are comments.</summary>
public static class GoldList
{
    public static IReadOnlyList<(string Word, string Root, string Source)> Read() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "stemmer-gold.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(cells => (cells[0], cells[1], cells[2]))
            .ToList();
}
