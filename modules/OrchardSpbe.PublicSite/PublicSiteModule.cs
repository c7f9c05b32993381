using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Modules;
using OrchardSpbe.PublicSite.Services;

namespace OrchardSpbe.PublicSite;

public sealed class PublicSiteModule : SpbeModule
{
    public override IEnumerable<FeatureDescriptor> Features => [Manifest.PublicSite];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<PdDirectory>();
        services.AddSingleton<CatalogCards>();
        services.AddScoped<FeedLinks>();
    }
}
