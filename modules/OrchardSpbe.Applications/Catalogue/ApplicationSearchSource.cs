using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Applications.Register;
using OrchardSpbe.Search;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Applications.Catalogue;

/// <summary>
/// The catalogue's registered public applications in the portal's search, one document each at /aplikasi/{number},
/// faceted by owner PD, class and lifecycle. Only the portal holds the register, so only the portal indexes it; the
/// document carries the catalogue's non-sensitive fields only.
/// </summary>
public sealed class ApplicationSearchSource : ISearchDocumentSource
{
    public const string Prefix = "aplikasi";
    public const string Type = "Application";

    public string Name => Prefix;
    public string? FeatureId => Manifest.FeatureId;

    public static string ItemIdOf(string number) => Prefix + "/" + number;

    public async Task<IReadOnlyList<SearchDocument>> LoadAsync(IServiceProvider services, IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken)
    {
        if (!services.GetRequiredService<TenantContext>().IsDefault) return [];
        var numbers = itemIds.Where(i => i.StartsWith(Prefix + "/", StringComparison.Ordinal)).Select(i => i[(Prefix.Length + 1)..]).ToList();
        if (numbers.Count == 0) return [];
        var registry = services.GetRequiredService<TenantRegistry>();
        var entries = await services.GetRequiredService<PublicCatalogue>().ListAsync(new CatalogueQuery(Numbers: numbers, Take: 1000));
        return entries.Select(e => Map(e, registry.Find(e.Tenant)?.DisplayName ?? e.Tenant)).ToList();
    }

    public async Task<IReadOnlyDictionary<string, int>> ListAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var all = new Dictionary<string, int>();
        if (!services.GetRequiredService<TenantContext>().IsDefault) return all;
        var catalogue = services.GetRequiredService<PublicCatalogue>();
        for (var skip = 0; ; skip += 1000)
        {
            var page = await catalogue.ListAsync(new CatalogueQuery(Skip: skip, Take: 1000));
            foreach (var entry in page) all[ItemIdOf(entry.RegistrationNumber)] = 1;
            if (page.Count < 1000) return all;
        }
    }

    private static SearchDocument Map(PublicApplication e, string pdName) => new()
    {
        ItemId = ItemIdOf(e.RegistrationNumber),
        Visibility = SearchVisibility.Published,
        Type = Type,
        TypeName = "Aplikasi SPBE",
        Title = e.Name,
        Body = string.Join(" ", e.Description, pdName, e.Stack, e.ApisProvided.Replace('\n', ' ')),
        Url = "/aplikasi/" + Uri.EscapeDataString(e.RegistrationNumber),
        Date = e.RegisteredUtc,
        Fields =
        [
            new SearchField("nomor", SearchFieldKind.Keyword, e.RegistrationNumber) { Stored = true },
            new SearchField("pd", SearchFieldKind.Keyword, e.Tenant) { Stored = true, Facet = true },
            new SearchField("kelas", SearchFieldKind.Keyword, e.AppClass) { Stored = true, Facet = true },
            new SearchField("tahap", SearchFieldKind.Keyword, e.Lifecycle) { Stored = true, Facet = true },
            new SearchField("alamat", SearchFieldKind.Keyword, e.Url) { Stored = true },
        ],
    };

    public static string ClassLabel(string code) => ApplicationTerms.Label(ApplicationTerms.Classes, code);
}
