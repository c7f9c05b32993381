using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using OrchardSpbe.Audit;
using OrchardSpbe.Background;
using OrchardSpbe.Data;
using OrchardSpbe.Localization;
using OrchardSpbe.Modules;
using OrchardSpbe.Recipes;
using OrchardSpbe.Security;
using OrchardSpbe.Settings;
using OrchardSpbe.Signals;
using OrchardSpbe.Tenants;
using OrchardSpbe.Operations;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace OrchardSpbe.Hosting;

/// <summary>Adds the framework to a web application, then its modules one by one.</summary>
public sealed class SpbeBuilder
{
    public const string SignInRateLimit = "sign-in";

    private readonly WebApplicationBuilder _builder;
    private readonly IMvcBuilder _mvc;

    public SpbeBuilder(WebApplicationBuilder builder)
    {
        _builder = builder;
        var services = builder.Services;
        var configuration = builder.Configuration;
        var section = configuration.GetSection("Spbe");
        services.Configure<SpbeOptions>(section);
        services.Configure<RecipeOptions>(section.GetSection("Recipes"));
        services.Configure<BackgroundOptions>(section.GetSection("Background"));
        var options = section.Get<SpbeOptions>() ?? new SpbeOptions();
        DapperSettings.Apply();

        AddStorage(services, options);
        AddTenancy(services);
        AddSignals(services, options);
        AddSecurity(services, options);
        AddLocalization(services);
        _mvc = services.AddControllersWithViews(mvc =>
            {
                mvc.Filters.Add<FeatureGateFilter>();
                mvc.Filters.Add(new CookieAntiforgeryFilter());
                mvc.Filters.Add<InputTextFilter>();
                mvc.ModelBinderProviders.Insert(0, new BooleanModelBinderProvider());
                mvc.ModelMetadataDetailsProviders.Add(new NonNullableStringMetadata());
                mvc.Conventions.Add(new RouteSegmentsBindFromRoute());
            })
            .AddJsonOptions(json =>
            {
                json.JsonSerializerOptions.Converters.Add(new Text.CleanStringJsonConverter());
                // {"name": "a", "name": "b"} is refused (400) rather than read as whichever came last.
                json.JsonSerializerOptions.AllowDuplicateProperties = false;
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(Strings)));
        // One OpenAPI document for every module's API controllers ([ApiController]), at /openapi/v1.json.
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "API Pemerintah Kota Bekasi (OrchardSpbe)";
            document.Info.Description = "Data terbuka dan statistik sektoral. Di portal kota: semua perangkat daerah; di situs perangkat daerah: datanya sendiri. " +
                                        "Operasi yang memerlukan pengguna menerima token API situs itu (Authorization: Bearer …).";
            return Task.CompletedTask;
        }).AddOperationTransformer<ApiTokenOpenApi>());
        // /health: each dependency healthy, degraded or unhealthy (the mail server's check comes with the Notifications module).
        var health = services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<Operations.DiskSpaceHealthCheck>("disk", tags: ["ready"]);
        // Without Redis a node still serves (signals fall back): degraded, not unhealthy.
        if (!string.IsNullOrWhiteSpace(options.Redis.Configuration))
            health.AddRedis(sp => sp.GetRequiredService<IConnectionMultiplexer>(), "redis", HealthStatus.Degraded, ["ready"], TimeSpan.FromSeconds(3));
        services.AddSpbeMetrics(options.Metrics);
        services.AddSingleton<DueWork>();
        services.AddSingleton<DueWorkStore>();
        services.AddSingleton<SafetySweep>();
        services.AddSingleton<FirstResponse>();
        services.AddSingleton<Operations.IMetricsSource>(sp => sp.GetRequiredService<SafetySweep>());
        services.AddHostedService<BackgroundTaskScheduler>();
        services.AddHostedService<IdleTenantRelease>();
        services.AddSingleton<PageCache.PageCacheStore>();
    }

    public IServiceCollection Services => _builder.Services;

    /// <summary>Adds a module: its features, its services, and its controllers and views.</summary>
    public SpbeBuilder AddModule<TModule>() where TModule : SpbeModule, new()
    {
        var module = new TModule();
        Services.AddFeatures(module.Features);
        module.ConfigureServices(Services, _builder.Configuration);
        _mvc.AddApplicationPart(typeof(TModule).Assembly);
        return this;
    }

    /// <summary>Adds a theme: a Razor class library holding layouts and static assets.</summary>
    public SpbeBuilder AddTheme<TTheme>() where TTheme : class
    {
        _mvc.AddApplicationPart(typeof(TTheme).Assembly);
        Services.AddSingleton(new ThemeAssets(typeof(TTheme).Assembly));
        return this;
    }

    private static void AddStorage(IServiceCollection services, SpbeOptions options)
    {
        services.AddSingleton<AppDataFolder>();
        if (options.Database.Provider == DatabaseProviderName.Postgres)
            services.AddSingleton<IDatabaseProvider, PostgresDatabaseProvider>();
        else
            services.AddSingleton<IDatabaseProvider, SqliteDatabaseProvider>();
        if (options.BenchUpgradeStep) services.AddSingleton<DataMigration>(new BenchUpgradeStep(new FrameworkMigrations()));
        else services.AddSingleton<DataMigration, FrameworkMigrations>();
        services.AddScoped<TenantSession>();
        services.AddScoped<MigrationRunner>();
        services.AddScoped<DocumentStore>();
        services.AddScoped<SiteSettingsStore>();
        services.TryAddScoped<Navigation.ISiteMenu, Navigation.EmptySiteMenu>();
        services.AddScoped<AuditLog>();
        AddBackup(services);
        services.AddScoped<Security.PeopleNames>();
        AddContent(services);
    }

    /// <summary>Backup and restore of one tenant or the whole platform, with its nightly schedule (issue 12 §1).</summary>
    private static void AddBackup(IServiceCollection services)
    {
        services.AddSingleton<Backup.BackupRuns>();
        services.AddSingleton<Backup.BackupVerifier>();
        services.AddSingleton<Backup.TenantBackupWriter>();
        services.AddSingleton<Backup.TenantRestorer>();
        services.AddSingleton<Backup.BackupService>();
        services.AddSingleton<Backup.BackupSchedule>();
        services.AddHostedService(sp => sp.GetRequiredService<Backup.BackupSchedule>());
    }

    /// <summary>The content engine and the portal catalog; the Contents feature turns their tables on per tenant.</summary>
    private static void AddContent(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<Content.ContentDefinitionStore>();
        services.AddScoped<Content.ContentStore>();
        services.AddScoped<Content.ContentManager>();
        services.AddScoped<Content.ContentReviewStates>();
        services.AddSingleton<Catalog.PortalCatalog>();
        services.AddSingleton<Catalog.CatalogPublisher>();
        services.AddScoped<Catalog.CatalogOutbox>();
        services.AddBackgroundTask<Catalog.CatalogOutboxSweep>();
        // The one road between tenants: a PD's submission to the portal, the portal's decision back.
        services.AddSingleton<Handover.FailPoints>();
        services.AddSingleton<Handover.HandoverRelay>();
        services.AddScoped<Handover.HandoverOutbox>();
        services.AddBackgroundTask<Handover.HandoverSweep>();
    }

    private static void AddTenancy(IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<HostNames>();
        services.AddSingleton<TenantUrls>();
        services.AddScoped<PageHead>();
        services.AddSingleton<TenantStore>();
        services.AddSingleton<TenantRegistry>();
        services.AddSingleton<ShellHost>();
        services.AddSingleton<TenantScopeFactory>();
        services.AddScoped<TenantContext>();
        services.AddSingleton<TenantManager>();
        // Issue 17 §4: every tenant's store brought to the code's schema, in the background, with progress.
        services.AddSingleton<TenantMigrations>();
        services.AddSingleton<TenantUpgrades>();
        services.AddHostedService(sp => sp.GetRequiredService<TenantUpgrades>());
        services.AddSingleton<SpbeHost>();
        services.AddSingleton<FirstRunSetup>();
        services.AddSingleton(sp => new FeatureCatalog(sp.GetServices<FeatureDescriptor>()));
        services.AddScoped<FeatureManager>();
        services.AddScoped<AdminMenuBuilder>();
        services.AddSingleton<RecipeCatalog>();
        services.AddSingleton<RecipeExecutor>();
        services.AddRecipeStep<FeatureStep>();
        services.AddRecipeStep<SettingsStep>();
    }

    private static void AddSignals(IServiceCollection services, SpbeOptions options)
    {
        services.AddSingleton<HostChangeApplier>();
        services.AddSingleton<HostChangeLog>();
        var dataProtection = services.AddDataProtection().SetApplicationName("OrchardSpbe");
        if (string.IsNullOrWhiteSpace(options.Redis.Configuration))
        {
            services.AddSingleton<IChangeBus, LocalChangeBus>();
            services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
                o.XmlRepository = new Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository(
                    new DirectoryInfo(sp.GetRequiredService<AppDataFolder>().Combine("DataProtection-Keys")),
                    Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance)));
            return;
        }
        // A node starts and serves with Redis down (issue 12): it connects in the background and reconnects by itself.
        var redisOptions = ConfigurationOptions.Parse(options.Redis.Configuration);
        redisOptions.AbortOnConnectFail = false;
        var redis = ConnectionMultiplexer.Connect(redisOptions);
        services.AddSingleton<IConnectionMultiplexer>(redis);
        // One key ring for all nodes: a cookie issued by one node is valid on the others.
        dataProtection.PersistKeysToStackExchangeRedis(redis, options.Redis.Prefix + ":data-protection-keys");
        services.AddSingleton<RedisChangeBus>();
        services.AddSingleton<IChangeBus>(sp => sp.GetRequiredService<RedisChangeBus>());
        services.AddHostedService(sp => sp.GetRequiredService<RedisChangeBus>());
    }

    private static void AddSecurity(IServiceCollection services, SpbeOptions options)
    {
        services.AddSingleton<ContentSecurityPolicy>();
        services.AddSingleton(sp => new PermissionCatalog(sp.GetServices<Permission>()));
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.AddScoped<PermissionHandler>();
        services.AddSingleton<TenantTicketFormat>();
        services.AddApiTokenAuthentication();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "X-CSRF-TOKEN";
            o.Cookie.Name = ".spbe.antiforgery";
        });
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, token) =>
            {
                var T = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<Strings>>();
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                context.HttpContext.Response.Headers.RetryAfter = options.Security.SignInWindowSeconds.ToString(CultureInfo.InvariantCulture);
                await context.HttpContext.Response.WriteAsync(T["Terlalu banyak percobaan. Silakan coba lagi beberapa saat lagi."], token);
            };
            limiter.AddPolicy(SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                PartitionKey(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.Security.SignInPermitLimit,
                    Window = TimeSpan.FromSeconds(options.Security.SignInWindowSeconds),
                }));
        });
    }

    // Limits are per tenant and client address: a busy PD cannot lock another PD's users out.
    private static string PartitionKey(HttpContext context)
    {
        var tenant = TenantContext.Of(context);
        return (tenant.HasTenant ? tenant.Name : "-") + "|" + context.Connection.RemoteIpAddress;
    }

    private static void AddLocalization(IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            CultureInfo[] cultures = [new("id-ID"), new("en-US")];
            o.DefaultRequestCulture = new RequestCulture("id-ID");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // Indonesian first: only an explicit choice (the language switch's cookie) changes it.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
    }
}

/// <summary>A theme assembly whose embedded wwwroot is served under /themes/&lt;assembly name&gt;/.</summary>
public sealed record ThemeAssets(System.Reflection.Assembly Assembly);
