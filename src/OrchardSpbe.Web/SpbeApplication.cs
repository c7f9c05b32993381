using OrchardSpbe.Admin;
using OrchardSpbe.Applications;
using OrchardSpbe.Contents;
using OrchardSpbe.Datasets;
using OrchardSpbe.Hosting;
using OrchardSpbe.Media;
using OrchardSpbe.Menus;
using OrchardSpbe.Notifications;
using OrchardSpbe.Programmers;
using OrchardSpbe.PublicSite;
using OrchardSpbe.Search;
using OrchardSpbe.Statistics;
using OrchardSpbe.Tenants;
using OrchardSpbe.Themes.Admin;
using OrchardSpbe.Themes.Site;
using OrchardSpbe.Users;
using OrchardSpbe.Workflows;

namespace OrchardSpbe.Web;

/// <summary>The platform as one application: the framework, its modules and themes, and the pipeline.</summary>
public static class SpbeApplication
{
    /// <summary>Builds and starts every tenant; the caller runs it. Tests and benchmarks use this too.</summary>
    /// <param name="extend">Adds further modules (tests add a demo module with dependent features).</param>
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null, Action<SpbeBuilder>? extend = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        configure?.Invoke(builder);

        var spbe = builder.AddOrchardSpbe()
            .AddModule<UsersModule>()
            .AddModule<AdminModule>()
            .AddModule<TenantsModule>()
            .AddModule<PublicSiteModule>()
            .AddModule<ContentsModule>()
            .AddModule<MediaModule>()
            .AddModule<MenusModule>()
            .AddModule<WorkflowsModule>()
            .AddModule<NotificationsModule>()
            .AddModule<SearchModule>()
            .AddModule<StatisticsModule>()
            .AddModule<DatasetsModule>()
            .AddModule<ApplicationsModule>()
            .AddModule<ProgrammersModule>()
            .AddTheme<AdminTheme>()
            .AddTheme<SiteTheme>();
        extend?.Invoke(spbe);

        var app = builder.Build();
        // Issue 17 §3: the tenants start (host store, the portal's shell) while MVC discovers the controllers.
        var tenants = Task.Run(app.StartTenantsAsync);
        app.UseOrchardSpbe();
        await tenants;
        return app;
    }
}
