using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Content;
using OrchardSpbe.Hosting;
using OrchardSpbe.Modules;

namespace OrchardSpbe.Contents;

public sealed class ContentsModule : SpbeModule
{
    public override IEnumerable<FeatureDescriptor> Features => [Manifest.Contents];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataMigration<ContentMigrations>();
    }
}
