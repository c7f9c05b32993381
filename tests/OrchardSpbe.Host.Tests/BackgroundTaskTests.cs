using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Background;
using OrchardSpbe.Hosting;
using OrchardSpbe.Modules;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Host.Tests;

/// <summary>Scheduled work runs for every tenant that has the feature, from start-up, without any visitor.</summary>
public sealed class BackgroundTaskTests
{
    [Fact]
    public async Task A_scheduled_task_runs_for_every_tenant_with_its_feature_and_no_visitor()
    {
        await using var site = await TestSite.StartAsync(new TestSiteOptions
        {
            Settings = new Dictionary<string, string?> { ["Spbe:Background:Tick"] = "00:00:00.200" },
            Extend = spbe => spbe.AddModule<HeartbeatModule>(),
        });
        await site.CreateTenantAsync("with-task");
        await site.CreateTenantAsync("without-task");
        var manager = site.Services.GetRequiredService<TenantScopeFactory>();
        await using (var scope = manager.CreateScope((await site.Services.GetRequiredService<ShellHost>().GetAsync("with-task"))!))
        {
            await scope.ServiceProvider.GetRequiredService<FeatureManager>().EnableAsync([HeartbeatModule.FeatureId]);
        }
        await site.Services.GetRequiredService<OrchardSpbe.Signals.IChangeBus>()
            .PublishAsync(new OrchardSpbe.Signals.HostChange(OrchardSpbe.Signals.HostChangeKind.ShellChanged, "with-task"));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline && HeartbeatTask.Beats.GetValueOrDefault("with-task") < 2) await Task.Delay(100);

        Assert.True(HeartbeatTask.Beats.GetValueOrDefault("with-task") >= 2, "the task did not run on its schedule");
        Assert.False(HeartbeatTask.Beats.ContainsKey("without-task"));
    }

    private sealed class HeartbeatModule : SpbeModule
    {
        public const string FeatureId = "Test.Heartbeat";

        public override IEnumerable<FeatureDescriptor> Features => [new FeatureDescriptor { Id = FeatureId, Name = "Detak uji" }];

        public override void ConfigureServices(IServiceCollection services, IConfiguration configuration) =>
            services.AddBackgroundTask<HeartbeatTask>();
    }

    private sealed class HeartbeatTask : IBackgroundTask
    {
        public static readonly ConcurrentDictionary<string, int> Beats = new();

        public string FeatureId => HeartbeatModule.FeatureId;
        public Task<DateTimeOffset?> RunAsync(IServiceProvider tenantServices, CancellationToken cancellationToken)
        {
            var tenant = tenantServices.GetRequiredService<TenantContext>();
            Beats.AddOrUpdate(tenant.Name, 1, (_, n) => n + 1);
            // Due again in 300 ms: the schedule wakes the tenant then, with no visitor.
            return Task.FromResult<DateTimeOffset?>(DateTimeOffset.UtcNow.AddMilliseconds(300));
        }
    }
}
