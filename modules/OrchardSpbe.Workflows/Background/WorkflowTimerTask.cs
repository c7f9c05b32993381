using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Background;
using OrchardSpbe.Workflows.Runtime;

namespace OrchardSpbe.Workflows.Background;

/// <summary>Fires due cron starts and timed waits for every tenant with workflows, with no visitor needed.</summary>
public sealed class WorkflowTimerTask(TimeProvider clock) : IBackgroundTask
{
    public string? FeatureId => Manifest.FeatureId;

    /// <summary>Every scheduler tick: cron has minute precision, so a timer fires within seconds of its minute.</summary>
    public TimeSpan Interval => TimeSpan.Zero;

    public Task RunAsync(IServiceProvider tenantServices, CancellationToken cancellationToken) =>
        tenantServices.GetRequiredService<WorkflowTimers>().RunDueAsync(clock.GetUtcNow(), cancellationToken);
}
