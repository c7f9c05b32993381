using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Admin.Services;
using OrchardSpbe.Hosting;
using OrchardSpbe.Modules;

namespace OrchardSpbe.Admin;

public sealed class AdminModule : SpbeModule
{
    public override IEnumerable<FeatureDescriptor> Features => [Manifest.Admin];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissions(Permissions.AccessAdmin, Permissions.ManageFeatures, Permissions.ManageSettings,
            Permissions.ViewAuditLog, Permissions.ImportRecipes);
        services.AddSingleton<LogoFiles>();
        services.AddAdminMenu(
            new AdminMenuItem { Text = "Dasbor", Url = "/admin", FeatureId = Manifest.FeatureId, Permission = Permissions.AccessAdmin.Name, Order = 0 },
            new AdminMenuItem { Text = "Pengaturan situs", Url = "/admin/settings", FeatureId = Manifest.FeatureId, Permission = Permissions.ManageSettings.Name, Order = 80 },
            new AdminMenuItem { Text = "Fitur", Url = "/admin/features", FeatureId = Manifest.FeatureId, Permission = Permissions.ManageFeatures.Name, Order = 85 },
            new AdminMenuItem { Text = "Resep", Url = "/admin/recipes", FeatureId = Manifest.FeatureId, Permission = Permissions.ImportRecipes.Name, Order = 88 },
            new AdminMenuItem { Text = "Log audit", Url = "/admin/audit", FeatureId = Manifest.FeatureId, Permission = Permissions.ViewAuditLog.Name, Order = 90 });
    }
}
