using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Hosting;
using OrchardSpbe.Media.Services;
using OrchardSpbe.Modules;

namespace OrchardSpbe.Media;

public sealed class MediaModule : SpbeModule
{
    public override IEnumerable<FeatureDescriptor> Features => [Manifest.Media];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataMigration<Migrations>();
        services.AddPermissions(Permissions.ManageMedia);
        services.AddSingleton<MediaFolders>();
        services.AddSingleton<ImageResizer>();
        services.AddScoped<MediaSettingsStore>();
        services.AddScoped<MediaLibrary>();
        services.AddScoped<IMediaLibrary>(sp => sp.GetRequiredService<MediaLibrary>());
        services.AddAdminMenu(
            new AdminMenuItem { Text = "Media", Url = "/admin/media", FeatureId = Manifest.FeatureId, Permission = Permissions.ManageMedia.Name, Order = 15 },
            new AdminMenuItem { Text = "Pengaturan media", Url = "/admin/media-settings", FeatureId = Manifest.FeatureId, Permission = Permissions.ManageSettings, Order = 82 });
    }
}
