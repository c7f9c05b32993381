using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Data;
using OrchardSpbe.Modules;
using OrchardSpbe.Recipes;
using OrchardSpbe.Security;

namespace OrchardSpbe.Hosting;

/// <summary>One registration per concern, for modules' ConfigureServices.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddDataMigration<T>(this IServiceCollection services) where T : DataMigration =>
        services.AddSingleton<DataMigration, T>();

    public static IServiceCollection AddBackgroundTask<T>(this IServiceCollection services) where T : class, Background.IBackgroundTask =>
        services.AddSingleton<Background.IBackgroundTask, T>();

    /// <summary>Subscribes to content events (and keeps index tables) — see <see cref="Content.IContentHandler"/>.</summary>
    public static IServiceCollection AddContentHandler<T>(this IServiceCollection services) where T : class, Content.IContentHandler =>
        services.AddScoped<Content.IContentHandler, T>();

    /// <summary>Applies one kind of cross-tenant message in the receiving tenant — see <see cref="Handover.IHandoverHandler"/>.</summary>
    public static IServiceCollection AddHandoverHandler<T>(this IServiceCollection services) where T : class, Handover.IHandoverHandler =>
        services.AddSingleton<Handover.IHandoverHandler, T>();

    public static IServiceCollection AddRecipeStep<T>(this IServiceCollection services) where T : class, IRecipeStep =>
        services.AddSingleton<IRecipeStep, T>();

    public static IServiceCollection AddPermissions(this IServiceCollection services, params Permission[] permissions)
    {
        foreach (var permission in permissions) services.AddSingleton(permission);
        return services;
    }

    public static IServiceCollection AddAdminMenu(this IServiceCollection services, params AdminMenuItem[] items)
    {
        foreach (var item in items) services.AddSingleton(item);
        return services;
    }

    public static IServiceCollection AddFeatures(this IServiceCollection services, IEnumerable<FeatureDescriptor> features)
    {
        foreach (var feature in features) services.AddSingleton(feature);
        return services;
    }
}
