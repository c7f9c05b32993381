using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Hosting;
using OrchardSpbe.Modules;
using OrchardSpbe.Search.Handlers;
using OrchardSpbe.Search.Indexing;
using OrchardSpbe.Search.Querying;
using OrchardSpbe.Signals;

namespace OrchardSpbe.Search;

public sealed class SearchModule : SpbeModule
{
    public override IEnumerable<FeatureDescriptor> Features => [Manifest.Search];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SearchOptions>(configuration.GetSection("Spbe:Search"));
        // A search is a GET (bookmarkable, works without script); a pasted 10,000-character text must reach
        // /search and be cut there, not be refused by Kestrel's 8 KB request-line limit.
        services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestLineSize = Math.Max(kestrel.Limits.MaxRequestLineSize, 64 * 1024));
        services.AddDataMigration<Migrations>();
        services.AddPermissions(Permissions.ManageSearchIndexes);
        services.AddAdminMenu(new AdminMenuItem
        {
            Text = "Indeks pencarian", Url = "/admin/search", FeatureId = Manifest.FeatureId, Permission = Permissions.ManageSearchIndexes.Name, Order = 80,
        });

        // The change log, written by content events; this node's indexes, kept in step with it.
        services.AddScoped<SearchChangeLog>();
        services.AddContentHandler<ContentSearchHandler>();
        services.AddSingleton<ISearchDocumentSource, ContentDocumentSource>();
        services.AddSingleton<SearchIndexHost>();
        services.AddSingleton<Hosting.ITenantIdleRelease>(sp => sp.GetRequiredService<SearchIndexHost>());
        services.AddSingleton<OrchardSpbe.Operations.IMetricsSource, SearchIndexMetrics>();
        services.AddSingleton<IHostChangeObserver, SearchChangeObserver>();
        services.AddBackgroundTask<SearchIndexTask>();

        // The stemmer's dictionary is process-wide (Stemming/RootDictionary.cs); the city's additions live in the portal's store.
        services.AddScoped<Stemming.CityRootsStore>();
        services.AddSingleton<Stemming.CityRoots>();

        services.AddSingleton<SearchService>();
        services.AddScoped<IndexConsistency>();
        services.AddScoped<SearchReader>();
        // Other modules search through Core's contract (statistics search their indicators).
        services.AddScoped<ISiteSearch, SiteSearch>();
    }
}
