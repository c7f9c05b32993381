using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrchardSpbe.Hosting;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Background;

/// <summary>
/// Runs every <see cref="IBackgroundTask"/> for every running tenant when it is due. Tenants run one
/// after another on one loop (a few tenants' tasks at once at most), so 120 tenants cost no thread each,
/// and a failing tenant is logged and skipped without stopping the others.
/// </summary>
public sealed class BackgroundTaskScheduler(
    IEnumerable<IBackgroundTask> tasks,
    ShellHost shells,
    TenantScopeFactory scopes,
    IOptions<BackgroundOptions> options,
    Operations.SpbeMetrics metrics,
    ILogger<BackgroundTaskScheduler> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<(string Tenant, Type Task), DateTimeOffset> _lastRun = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!tasks.Any()) return;
        using var timer = new PeriodicTimer(options.Value.Tick);
        do
        {
            await RunDueAsync(DateTimeOffset.UtcNow, stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunDueAsync(DateTimeOffset now, CancellationToken stoppingToken)
    {
        await Parallel.ForEachAsync(shells.Running, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = stoppingToken },
            async (shell, token) =>
            {
                foreach (var task in tasks.Where(t => t.FeatureId is null || shell.IsFeatureEnabled(t.FeatureId)))
                {
                    var key = (shell.Name, task.GetType());
                    if (_lastRun.TryGetValue(key, out var last) && now - last < task.Interval) continue;
                    _lastRun[key] = now;
                    using var _ = logger.BeginScope(new TenantLogScope(shell.Name));
                    try
                    {
                        await using var scope = scopes.CreateScope(shell);
                        await task.RunAsync(scope.ServiceProvider, token);
                        metrics.BackgroundRun(task.GetType().Name, failed: false);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        logger.LogError(exception, "Background task {Task} failed", task.GetType().Name);
                        metrics.BackgroundRun(task.GetType().Name, failed: true);
                    }
                }
            });
    }
}

public sealed class BackgroundOptions
{
    /// <summary>How often the scheduler looks for due tasks.</summary>
    public TimeSpan Tick { get; set; } = TimeSpan.FromSeconds(10);
}
