using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Background;
using OrchardSpbe.Workflows.Runtime;

namespace OrchardSpbe.Workflows.Background;

/// <summary>Fires due cron starts and timed waits for every tenant with workflows, with no visitor needed.</summary>
public sealed class WorkflowTimerTask(TimeProvider clock) : IBackgroundTask
{
    public string? FeatureId => Manifest.FeatureId;

    public async Task<DateTimeOffset?> RunAsync(IServiceProvider tenantServices, CancellationToken cancellationToken)
    {
        var timers = tenantServices.GetRequiredService<WorkflowTimers>();
        await timers.RunDueAsync(clock.GetUtcNow(), cancellationToken);
        return await timers.NextDueAsync();
    }
}
