using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Datasets.Datasets;
using OrchardSpbe.Datasets.Search;
using OrchardSpbe.Search;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Datasets.Catalogue;

/// <summary>What a reader asks of the catalogue: CKAN's package_search, already parsed (the /data page asks the same).</summary>
public sealed record PackageQuery
{
    public string? Q { get; init; }
    /// <summary>Facet field (organization, groups, tags, res_format, license_id) → values that must all match.</summary>
    public IReadOnlyList<(string Field, string Value)> Filters { get; init; } = [];
    /// <summary>A client's filter (CKAN's fq and q field terms): terms, ranges, negation, AND/OR.</summary>
    public DatasetFilter Condition { get; init; } = DatasetFilter.Everything;
    public IReadOnlyList<(string Field, bool Descending)> Sort { get; init; } = [];
    public int Rows { get; init; } = 10;
    public int Start { get; init; }
    public IReadOnlyList<string> FacetFields { get; init; } = [];
    public int FacetLimit { get; init; } = 50;
    public int FacetMinCount { get; init; } = 1;
}

public sealed record PackageResult(long Count, IReadOnlyList<DatasetRecord> Results, IReadOnlyDictionary<string, IReadOnlyList<(string Value, int Count)>> Facets);

/// <summary>
/// Filters, facets, sorts and pages the datasets a site shows (<see cref="DatasetCatalog.PublicAsync"/>): the /data
/// page and package_search read the same answer. Free text goes through Core's <see cref="ISiteSearch"/> (Indonesian
/// stemming; the portal's index holds every PD's public datasets) where search is on, else a plain word match.
/// </summary>
public sealed class CatalogueQuery(DatasetCatalog catalog, TenantContext tenant, IServiceProvider services)
{
    public static readonly IReadOnlyList<string> FacetNames = ["organization", "groups", "tags", "res_format", "license_id"];
    /// <summary>Fields a range (<c>[a TO b]</c>) applies to: CKAN's dates and counts.</summary>
    public static readonly IReadOnlyList<string> RangeNames = ["metadata_modified", "metadata_created", "num_resources", "num_tags"];
    public static readonly IReadOnlyList<string> SortNames = ["score", "name", "title", "metadata_modified", "metadata_created"];

    public async Task<PackageResult> SearchAsync(PackageQuery query, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var index = await catalog.PublicIndexAsync();
        var all = index.Datasets;
        // Candidates first: the positions every required term (the facet filters, fq's plain terms under AND) and the
        // search hits allow; then the whole condition on those only. Without any, every dataset is a candidate.
        int[]? candidates = null;
        void Narrow(int[]? positions)
        {
            if (positions is not null) candidates = candidates is null ? positions : DatasetIndex.Intersect(candidates, positions);
        }
        var q = string.IsNullOrWhiteSpace(query.Q) || query.Q.Trim() == "*:*" ? null : query.Q.Trim();
        var matches = q is null ? null : await MatchAsync(q, user, cancellationToken);
        if (matches is not null) Narrow(index.PositionsOf(matches, DatasetSearchSource.Prefix + "/"));
        foreach (var (field, value) in query.Filters) Narrow(index.With(field, value));
        foreach (var term in DatasetIndex.Required(query.Condition)) Narrow(index.With(term.Field, term.Value));

        IEnumerable<int> positions = candidates ?? Enumerable.Range(0, all.Count);
        if (q is not null && matches is null) positions = positions.Where(i => WordsMatch(all[i], q));
        // The facet filters and plain fq terms narrowed the candidates by the index already; only what it cannot
        // answer (negation, OR, ranges, "has any value", unindexed fields) is evaluated, on the candidates alone.
        foreach (var (field, value) in query.Filters.Where(f => index.With(f.Field, f.Value) is null))
            positions = positions.Where(i => ValuesOf(all[i], field).Contains(value, StringComparer.OrdinalIgnoreCase));
        if (!index.CoversWhole(query.Condition)) positions = positions.Where(i => query.Condition.Matches(all[i]));
        var found = positions.ToList();

        // Nothing filtered out: the counts over every dataset, kept with the list; else counted over the found ones.
        var whole = found.Count == all.Count;
        var facets = query.FacetFields.ToDictionary(f => f, f => (IReadOnlyList<(string, int)>)
            ((whole ? index.CountsOfAll(f) : index.CountsOf(f, found)) ?? Counts(found.Select(i => all[i]), f))
            .Where(c => c.Count >= query.FacetMinCount).Take(query.FacetLimit < 0 ? int.MaxValue : query.FacetLimit).ToList());

        var page = index.Page(found, query.Sort, query.Start, query.Rows).Select(i => all[i]).ToList();
        return new PackageResult(found.Count, page, facets);
    }

    /// <summary>How many datasets hold each value of a facet field, most first (then by value).</summary>
    public static IReadOnlyList<(string Value, int Count)> Counts(IEnumerable<DatasetRecord> datasets, string field) => datasets
        .SelectMany(d => ValuesOf(d, field).Distinct(StringComparer.OrdinalIgnoreCase))
        .GroupBy(v => v).Select(g => (g.Key, g.Count()))
        .OrderByDescending(c => c.Item2).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();

    /// <summary>The values of a facet field a dataset has.</summary>
    public static IEnumerable<string> ValuesOf(DatasetRecord dataset, string field) => field switch
    {
        "organization" => [dataset.Organization],
        "groups" => [dataset.Part.DataGroup],
        "tags" => dataset.Part.Tags,
        "res_format" => dataset.Formats,
        "license_id" => [dataset.Part.LicenseId],
        "name" => [dataset.ApiName],
        "id" => [dataset.Id],
        _ => [],
    };

    /// <summary>The value a range compares: a date for metadata_*, a count for num_*.</summary>
    public static IComparable? RangeValueOf(DatasetRecord dataset, string field) => field switch
    {
        "metadata_modified" => dataset.ModifiedUtc,
        "metadata_created" => dataset.CreatedUtc,
        "num_resources" => (long)dataset.Resources.Count,
        "num_tags" => (long)dataset.Part.Tags.Count,
        _ => null,
    };

    /// <summary>Every dataset the words find (tenant, item id), in one pass over the index however many match; null where search is off.</summary>
    private async Task<IReadOnlySet<(string Tenant, string ItemId)>?> MatchAsync(string q, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!tenant.Shell.IsFeatureEnabled("OrchardSpbe.Search") || services.GetService<ISiteSearch>() is not { } search) return null;
        return await search.MatchAsync(user, new SiteSearchQuery { Text = q, Type = DatasetSearchSource.Type }, cancellationToken);
    }

    private static bool WordsMatch(DatasetRecord dataset, string q)
    {
        var text = string.Join(" ", dataset.Title, dataset.Name, dataset.Part.Description, string.Join(" ", dataset.Part.Tags)).ToLowerInvariant();
        return q.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).All(text.Contains);
    }
}
