using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Content;
using OrchardSpbe.Contents.Background;
using OrchardSpbe.Contents.Editors;
using OrchardSpbe.Contents.Handlers;
using OrchardSpbe.Contents.Recipes;
using OrchardSpbe.Contents.Services;
using OrchardSpbe.Hosting;
using OrchardSpbe.Modules;

namespace OrchardSpbe.Contents;

public sealed class ContentsModule : SpbeModule
{
    public override IEnumerable<FeatureDescriptor> Features => [Manifest.Contents];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataMigration<ContentMigrations>();
        services.AddPermissions(Permissions.All);
        services.AddAdminMenu(
            new AdminMenuItem { Text = "Konten", Url = "/admin/contents", FeatureId = Manifest.FeatureId, Permission = "AccessAdmin", Order = 10 },
            new AdminMenuItem { Text = "Tipe konten", Url = "/admin/content-types", FeatureId = Manifest.FeatureId, Permission = Permissions.ManageContentTypes.Name, Order = 70 });

        // Indexes and reactions to content events.
        services.AddContentHandler<AutorouteIndexHandler>()
                .AddContentHandler<EventIndexHandler>()
                .AddContentHandler<TermIndexHandler>()
                .AddContentHandler<ScheduleHandler>()
                .AddContentHandler<PortalCatalogHandler>()
                .AddContentHandler<PageCacheHandler>()
                .AddContentHandler<ContentAuditHandler>();

        // One editor per part and per field type.
        services.AddScoped<IContentEditor, TitlePartEditor>()
                .AddScoped<IContentEditor, BodyPartEditor>()
                .AddScoped<IContentEditor, AutoroutePartEditor>()
                .AddScoped<IContentEditor, PublishLaterPartEditor>()
                .AddScoped<IContentEditor, ContainedPartEditor>()
                .AddScoped<IContentEditor, SeoPartEditor>()
                .AddScoped<IContentEditor, MediaPartEditor>()
                .AddScoped<IContentEditor, EventPartEditor>()
                .AddScoped<IContentEditor, TaxonomyPartEditor>()
                .AddScoped<IContentEditor, TextFieldEditor>()
                .AddScoped<IContentEditor, NumericFieldEditor>()
                .AddScoped<IContentEditor, DateFieldEditor>()
                .AddScoped<IContentEditor, DateTimeFieldEditor>()
                .AddScoped<IContentEditor, BooleanFieldEditor>()
                .AddScoped<IContentEditor, LinkFieldEditor>()
                .AddScoped<IContentEditor, ContentPickerFieldEditor>()
                .AddScoped<IContentEditor, MediaFieldEditor>()
                .AddScoped<IContentEditor, TaxonomyFieldEditor>();

        services.AddSingleton<BodySanitizer>();
        services.AddScoped<ContentEditorService>();
        services.AddScoped<ContentAuthorizer>();
        services.AddScoped<ContentTypeRules>();
        services.AddScoped<RouteAvailability>();
        services.AddScoped<PublicRoutes>();
        services.AddScoped<DisplayModels>();
        services.AddBackgroundTask<ScheduledPublishingTask>();
        services.AddRecipeStep<ContentDefinitionsStep>();
        services.AddRecipeStep<ContentStep>();
    }
}
