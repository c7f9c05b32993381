using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Hosting;
using OrchardSpbe.Modules;
using OrchardSpbe.Tenants.Recipes;

namespace OrchardSpbe.Tenants;

public sealed class TenantsModule : SpbeModule
{
    public override IEnumerable<FeatureDescriptor> Features => [Manifest.Tenants];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissions(Permissions.ManageTenants, Permissions.ManageBackups);
        services.AddRecipeStep<TenantsStep>();
        services.AddAdminMenu(new AdminMenuItem
        {
            Text = "Tenant", Url = "/admin/tenants", FeatureId = Manifest.FeatureId, Permission = Permissions.ManageTenants.Name, Order = 10,
        });
        services.AddAdminMenu(new AdminMenuItem
        {
            Text = "Cadangan", Url = "/admin/backups", FeatureId = Manifest.FeatureId, Permission = Permissions.ManageBackups.Name, Order = 11,
        });
    }
}
