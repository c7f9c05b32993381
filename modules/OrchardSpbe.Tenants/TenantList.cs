using Microsoft.Extensions.Localization;

namespace OrchardSpbe.Tenants;

/// <summary>What the administrator asked of the tenant list: a search, a category, a state, a page.</summary>
public sealed record TenantListQuery(string? Search, string? Category, TenantState? State, int Page, int PageSize)
{
    public static readonly TenantListQuery Default = new(null, null, null, 1, TenantList.DefaultPageSize);
}

/// <summary>One page of the tenant list, with the counts per state and per category the filters offer.</summary>
public sealed record TenantListPage(
    TenantListQuery Query,
    IReadOnlyList<TenantRecord> Items,
    int Total,
    int PageCount,
    IReadOnlyDictionary<TenantState, int> States,
    IReadOnlyDictionary<string, int> Categories);

/// <summary>
/// The portal's tenant list at 1,000+ tenants (issue 17 §4): searched, filtered and paged over the registry's in-memory
/// snapshot (no database read), so only one page of rows is rendered. Query values are read as text and checked here,
/// so a bad one (page=-1, a huge page size, an unknown state) is named in Indonesian instead of failing the request.
/// </summary>
public static class TenantList
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    private const int MaxSearchLength = 200;

    public static (TenantListQuery Query, IReadOnlyList<string> Errors) Parse(
        string? search, string? category, string? state, string? page, string? pageSize, IStringLocalizer T)
    {
        var errors = new List<string>();
        var q = string.IsNullOrWhiteSpace(search) ? null : search.Trim();
        if (q is { Length: > MaxSearchLength })
        {
            errors.Add(T["Kata pencarian paling banyak {0} karakter.", MaxSearchLength]);
            q = null;
        }
        var c = string.IsNullOrWhiteSpace(category) ? null : category.Trim();
        if (c is { Length: > 60 })
        {
            errors.Add(T["Kategori paling banyak 60 karakter."]);
            c = null;
        }
        TenantState? s = null;
        if (!string.IsNullOrWhiteSpace(state))
        {
            // Names only ("running", "Disabled"): Enum.TryParse would also take "7".
            if (char.IsLetter(state.Trim()[0]) && Enum.TryParse<TenantState>(state.Trim(), ignoreCase: true, out var parsed)) s = parsed;
            else errors.Add(T["Status '{0}' tidak dikenal. Pilih salah satu: {1}.", Shorten(state), string.Join(", ", Enum.GetNames<TenantState>())]);
        }
        var p = 1;
        if (!string.IsNullOrWhiteSpace(page) && (!int.TryParse(page.Trim(), out p) || p < 1))
        {
            errors.Add(T["Halaman harus bilangan bulat 1 atau lebih."]);
            p = 1;
        }
        var size = DefaultPageSize;
        if (!string.IsNullOrWhiteSpace(pageSize) && (!int.TryParse(pageSize.Trim(), out size) || size < 1 || size > MaxPageSize))
        {
            errors.Add(T["Jumlah per halaman harus antara 1 dan {0}.", MaxPageSize]);
            size = DefaultPageSize;
        }
        return (new TenantListQuery(q, c, s, p, size), errors);
    }

    public static TenantListPage Apply(IEnumerable<TenantRecord> all, TenantListQuery query)
    {
        var searched = all.Where(t => Matches(t, query.Search)).ToList();
        var inCategory = searched.Where(t => query.Category is null || string.Equals(t.Category, query.Category, StringComparison.OrdinalIgnoreCase)).ToList();
        var matching = inCategory.Where(t => query.State is null || t.State == query.State).ToList();
        // Each filter's counts are over the other filters, so a count says what choosing it would show.
        var states = inCategory.GroupBy(t => t.State).ToDictionary(g => g.Key, g => g.Count());
        var categories = searched.Where(t => (query.State is null || t.State == query.State) && t.Category is not null)
            .GroupBy(t => t.Category!, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        var items = matching
            .OrderBy(t => !t.IsDefault).ThenBy(t => t.Category, StringComparer.Ordinal).ThenBy(t => t.DisplayName, StringComparer.Ordinal)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .Skip((int)Math.Min((long)(query.Page - 1) * query.PageSize, int.MaxValue)).Take(query.PageSize)
            .ToList();
        var pageCount = (matching.Count + query.PageSize - 1) / query.PageSize;
        return new TenantListPage(query, items, matching.Count, pageCount, states, categories);
    }

    /// <summary>Name, display name or a host name containing the search text.</summary>
    private static bool Matches(TenantRecord tenant, string? search) =>
        search is null
        || tenant.Name.Contains(search, StringComparison.OrdinalIgnoreCase)
        || tenant.DisplayName.Contains(search, StringComparison.OrdinalIgnoreCase)
        || tenant.Hosts.Any(h => h.Contains(search, StringComparison.OrdinalIgnoreCase))
        || (tenant.UrlPrefix?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false);

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
