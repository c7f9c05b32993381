using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrchardSpbe.Hosting;
using OrchardSpbe.Menus.Recipes;
using OrchardSpbe.Menus.Services;
using OrchardSpbe.Modules;
using OrchardSpbe.Navigation;

namespace OrchardSpbe.Menus;

public sealed class MenusModule : SpbeModule
{
    public override IEnumerable<FeatureDescriptor> Features => [Manifest.Menus];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissions(Permissions.ManageMenus);
        services.AddScoped<MainMenuStore>();
        // Replaces the framework's EmptySiteMenu; SiteMenu itself answers empty where the feature is off.
        services.Replace(ServiceDescriptor.Scoped<ISiteMenu, SiteMenu>());
        services.AddRecipeStep<MenuStep>();
        services.AddAdminMenu(new AdminMenuItem
        {
            Text = "Menu", Url = "/admin/menus", FeatureId = Manifest.FeatureId, Permission = Permissions.ManageMenus.Name, Order = 30,
        });
    }
}
