using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Hosting;
using OrchardSpbe.Modules;
using OrchardSpbe.Notifications.Services;

namespace OrchardSpbe.Notifications;

public sealed class NotificationsModule : SpbeModule
{
    public override IEnumerable<FeatureDescriptor> Features => [Manifest.Notifications];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SmtpSettings>(configuration.GetSection(SmtpSettings.Section));
        services.AddDataMigration<Migrations>();
        services.AddScoped<NotificationStore>();
        // Callers (workflows, content events) resolve INotifier on any tenant; it does nothing where the feature is off.
        services.AddScoped<INotifier, Notifier>();
        services.AddScoped<EmailOutbox>();
        services.AddSingleton<EmailSender>();
        services.AddBackgroundTask<EmailOutboxTask>();
        services.AddHealthChecks().AddCheck<SmtpHealthCheck>("smtp", tags: ["ready"]);
        services.AddSingleton<OrchardSpbe.Operations.IMetricsSource, EmailOutboxMetrics>();
        // Every signed-in user has their own list: no permission needed.
        services.AddAdminMenu(new AdminMenuItem { Text = "Notifikasi", Url = NotificationBadge.MenuUrl, FeatureId = Manifest.FeatureId, Order = 1 });
        services.AddScoped<IAdminMenuBadge, NotificationBadge>();
    }
}
