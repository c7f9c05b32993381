using System.Globalization;
using System.Text;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Datasets.Datasets;

/// <summary>A published dataset of another walidata that resembles the one being drafted, and how much.</summary>
public sealed record SimilarDataset(DatasetRecord Dataset, double Score, string Url);

/// <summary>
/// 003 Pasal 10(2): a PD must not duplicate a walidata's data. While a PD drafts a dataset, the editor compares its
/// title, description and resource names with every other PD's public datasets (the portal catalog) by word overlap
/// (Dice coefficient over stemmed-enough words: lowercased, three letters or more, common words left out) and warns
/// of the closest, linking to it and to a request for access instead.
/// </summary>
public sealed class DuplicateFinder(DatasetCatalog catalog, TenantContext tenant, TenantRegistry registry, TenantUrls urls)
{
    public const double Threshold = 0.5;

    private static readonly HashSet<string> CommonWords =
        ["dan", "per", "yang", "atau", "dengan", "untuk", "dari", "pada", "data", "jumlah", "tahun", "kota", "bekasi", "menurut", "the", "and"];

    public async Task<IReadOnlyList<SimilarDataset>> FindAsync(string title, string description, IEnumerable<string> resourceNames, int take = 3)
    {
        var titleWords = Words(title);
        if (titleWords.Count == 0) return [];
        var bodyWords = Words(description + " " + string.Join(" ", resourceNames));
        var found = new List<SimilarDataset>();
        foreach (var dataset in await catalog.CityAsync())
        {
            if (dataset.Organization == tenant.Name || registry.Find(dataset.Organization) is not { } pd) continue;
            var score = 0.7 * Dice(titleWords, Words(dataset.Title))
                        + 0.3 * Dice(bodyWords, Words(dataset.Part.Description + " " + string.Join(" ", dataset.Resources.Select(r => r.Name))));
            if (score >= Threshold) found.Add(new SimilarDataset(dataset, score, urls.Of(pd, "data/" + dataset.Name)));
        }
        return found.OrderByDescending(f => f.Score).Take(take).ToList();
    }

    private static HashSet<string> Words(string text)
    {
        var normalized = new StringBuilder();
        foreach (var c in text.ToLower(CultureInfo.InvariantCulture).Normalize(NormalizationForm.FormD))
            if (char.IsLetterOrDigit(c)) normalized.Append(c);
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) normalized.Append(' ');
        return normalized.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 3 && !CommonWords.Contains(w)).ToHashSet();
    }

    private static double Dice(HashSet<string> a, HashSet<string> b) =>
        a.Count + b.Count == 0 ? 0 : 2.0 * a.Count(b.Contains) / (a.Count + b.Count);
}
