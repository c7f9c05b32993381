using OrchardSpbe.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Content.Editing;
using OrchardSpbe.Datasets.Catalogue;
using OrchardSpbe.Datasets.Datasets;
using OrchardSpbe.Datasets.DataStore;
using OrchardSpbe.Datasets.Recipes;
using OrchardSpbe.Datasets.Resources;
using OrchardSpbe.Datasets.Search;
using OrchardSpbe.Hosting;
using OrchardSpbe.Modules;
using OrchardSpbe.Search;

namespace OrchardSpbe.Datasets;

public sealed class DatasetsModule : SpbeModule
{
    public override IEnumerable<FeatureDescriptor> Features => [Manifest.Datasets];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataMigration<Migrations>();
        // Shown at /data with its classification enforced, never by the generic content page.
        services.AddSingleton(new OrchardSpbe.Content.SelfDisplayedType(Datasets.DatasetPart.ContentType));
        services.AddPermissions(Permissions.All);
        services.AddAdminMenu(
            new AdminMenuItem { Text = "Data terbuka", Url = "/admin/data", FeatureId = Manifest.FeatureId, Permission = Permissions.ManageDatasets.Name, Order = 21, Sites = AdminMenuSites.PdSites },
            new AdminMenuItem { Text = "Permintaan data", Url = "/admin/permintaan-data", FeatureId = Manifest.FeatureId, Permission = Permissions.ManageDatasets.Name, Order = 23, Sites = AdminMenuSites.PdSites },
            new AdminMenuItem { Text = "Penolakan berbagi data", Url = "/admin/penolakan-data", FeatureId = Manifest.FeatureId, Permission = Permissions.ManageDatasets.Name, Order = 23, Sites = AdminMenuSites.Portal });

        // The dataset: a content type (drafts, versions, approval) made of the title and the dataset part.
        services.AddScoped<DatasetPartEditor>();
        services.AddScoped<IContentEditor>(sp => sp.GetRequiredService<DatasetPartEditor>());
        services.AddContentHandler<DatasetIndexHandler>();
        services.AddScoped<DatasetDirectory>();
        services.AddScoped<OrchardSpbe.Modules.IDatasetLinks, DatasetLinks>(); // for the applications that name the datasets they use
        services.AddScoped<DatasetAccess>();
        services.AddScoped<DatasetCatalog>();
        services.AddSingleton<CityCatalogCache>(); // the portal's parsed catalogue, node-wide, checked against the database per request
        services.AddScoped<DuplicateFinder>();

        // Resources and the DataStore (a table per tabular resource, swapped atomically on reload).
        services.AddScoped<ResourceService>();
        services.AddScoped<LinkFetcher>();
        services.AddOutboundHttpClient(LinkFetcher.ClientName, TimeSpan.FromSeconds(60));
        services.AddScoped<TabularReader>();
        services.AddScoped<DataStoreTables>();
        services.AddScoped<DataStoreQuery>();
        services.AddScoped<DataStoreSql>();

        // Data sharing between PDs (003 Pasal 10(1), 19(2)a), over the hand-over.
        services.AddScoped<Sharing.ShareRequests>();
        services.AddHandoverHandler<Sharing.ShareRequestReceivedHandler>();
        services.AddHandoverHandler<Sharing.ShareDecisionReceivedHandler>();
        services.AddHandoverHandler<Sharing.ShareRefusalFlaggedHandler>();
        services.AddScoped<OrchardSpbe.Security.IApiTokenResolver, Sharing.ShareTokenResolver>(); // the requester's access token, read by Core's token scheme

        // CKAN's Action API.
        services.AddScoped<Api.CkanActions>();
        services.AddScoped<Api.CkanWriteActions>();

        // What the public reads: the catalogue (/data, package_search), search documents, the sample datasets.
        services.AddScoped<CatalogueQuery>();
        services.AddSingleton<ISearchDocumentSource, DatasetSearchSource>();
        services.AddRecipeStep<SampleDatasetsStep>();
    }
}
