using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrchardSpbe.Hosting;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Background;

/// <summary>
/// Runs background tasks only where and when they are due (issue 17): at the time a task last said it next has work
/// (kept in the host store, so a restart or another node knows it too), shortly after a tenant's commits, and in a
/// safety sweep that visits a few tenants a second whatever their number — so idle tenants cost nothing, and what a
/// crash left behind is still found. A failing tenant is logged and skipped without stopping the others.
/// </summary>
public sealed class BackgroundTaskScheduler(
    IEnumerable<IBackgroundTask> tasks,
    ShellHost shells,
    TenantRegistry registry,
    TenantScopeFactory scopes,
    DueWork due,
    DueWorkStore store,
    SafetySweep sweep,
    IOptions<BackgroundOptions> options,
    Operations.SpbeMetrics metrics,
    FirstResponse firstResponse,
    ILogger<BackgroundTaskScheduler> logger) : BackgroundService
{
    // Another node's clock may run a little behind this one's: re-read what changed in this window again.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(5);
    private readonly Dictionary<string, IBackgroundTask> _byName = tasks.ToDictionary(t => t.GetType().Name);
    // Per tenant, how many rounds in a row only tasks' own commits woke it: a chain (a timer fires, its e-mail is
    // queued, the e-mail task sends it) runs on, but two tasks can never wake each other forever.
    private readonly Dictionary<string, (int Length, DateTimeOffset Last)> _taskChains = [];
    private const int LongestTaskChain = 4;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_byName.Count == 0) return;
        await Task.Yield();
        // The portal's first page comes first; what fell due while the node was down follows it.
        await Task.WhenAny(firstResponse.Served, Task.Delay(options.Value.StartDelay, stoppingToken));
        var polledUtc = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = DateTimeOffset.UtcNow;
                foreach (var entry in await store.ChangedSinceAsync(polledUtc == DateTimeOffset.MinValue ? 0 : (polledUtc - ClockSkew).ToUnixTimeMilliseconds(), stoppingToken))
                    if (_byName.ContainsKey(entry.Task)) due.AtWall(entry.Tenant, entry.Task, DateTimeOffset.FromUnixTimeMilliseconds(entry.DueUtcMs));
                polledUtc = now;
                await RunAsync(now, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The host store briefly down: nothing is lost, the hints are read again on the next round.
                logger.LogWarning(exception, "The background schedule could not be read; trying again");
                polledUtc = DateTimeOffset.MinValue;
            }
            var wait = options.Value.Tick;
            if (due.Earliest() is { } earliest && earliest - DateTimeOffset.UtcNow < wait) wait = earliest - DateTimeOffset.UtcNow;
            await Task.Delay(options.Value.MinimumPause, stoppingToken);
            await due.WaitAsync(wait - options.Value.MinimumPause, stoppingToken);
        }
    }

    private async Task RunAsync(DateTimeOffset now, CancellationToken stoppingToken)
    {
        var work = due.TakeDue(now);
        foreach (var tenant in sweep.Next(now, registry)) (work.TryGetValue(tenant, out var entry) ? entry : work[tenant] = new DueTenant()).Swept = true;
        if (work.Count == 0) return;
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = stoppingToken },
            async (pair, token) => await RunTenantAsync(pair.Key, pair.Value, token));
    }

    private async Task RunTenantAsync(string tenant, DueTenant work, CancellationToken stoppingToken)
    {
        if (registry.Find(tenant) is not { State: TenantState.Running } record)
        {
            due.Forget(tenant);
            return;
        }
        var afterCommit = work.Committed;
        lock (_taskChains)
        {
            if (work.Committed && work.CommittedBy is null) _taskChains.Remove(tenant);
            else if (work.Committed)
            {
                // A chain ends when a round passes without one; the next timer starts a new one.
                var chain = _taskChains.GetValueOrDefault(tenant);
                var length = DateTimeOffset.UtcNow - chain.Last > options.Value.Tick + options.Value.Tick ? 1 : chain.Length + 1;
                _taskChains[tenant] = (length, DateTimeOffset.UtcNow);
                afterCommit = length <= LongestTaskChain;
            }
        }
        var selected = _byName.Values.Where(t => work.Swept || work.Tasks.Contains(t.GetType().Name)
            || (afterCommit && t.RunsAfterCommits && work.CommittedBy?.Contains(t.GetType().Name) != true)).ToList();
        if (selected.Count == 0) return;
        using var _ = logger.BeginScope(new TenantLogScope(tenant));
        TenantShell shell;
        try { shell = await shells.GetOrActivateAsync(record); }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Tenant {FailedTenant} could not be started for its background work", tenant);
            return;
        }
        foreach (var task in selected)
        {
            var name = task.GetType().Name;
            if (task.FeatureId is not null && !shell.IsFeatureEnabled(task.FeatureId))
            {
                due.Set(tenant, name, null);
                continue;
            }
            var started = DateTimeOffset.UtcNow;
            var known = due.Known(tenant, name);
            DateTimeOffset? wall;
            try
            {
                await using var scope = scopes.CreateScope(shell, backgroundTask: name);
                wall = due.Set(tenant, name, await task.RunAsync(scope.ServiceProvider, stoppingToken));
                metrics.BackgroundRun(name, failed: false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Background task {Task} failed", name);
                metrics.BackgroundRun(name, failed: true);
                wall = due.SetWall(tenant, name, started + options.Value.RetryAfterFailure);
            }
            // The shared hint changes only when the answer does: an idle tenant writes nothing.
            if (!SameTime(known, wall)) await store.SetAsync(tenant, name, wall, started, stoppingToken);
        }
        if (work.Swept) due.Swept(tenant);
    }

    private static bool SameTime(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b is null : b is not null && (a.Value - b.Value).Duration() < TimeSpan.FromSeconds(1);
}

public sealed class BackgroundOptions
{
    /// <summary>The longest the scheduler sleeps when nothing is due: how soon another node's new hint is read.</summary>
    public TimeSpan Tick { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest the first round waits for the node's first response after start.</summary>
    public TimeSpan StartDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The shortest pause between rounds: commits in quick succession wake a tenant's tasks once.</summary>
    public TimeSpan MinimumPause { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>When a failed task is tried again.</summary>
    public TimeSpan RetryAfterFailure { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Tenants the safety sweep visits a second in its first pass after start (what came due while the node was down).</summary>
    public double StartupSweepPerSecond { get; set; } = 50;

    /// <summary>Tenants the safety sweep visits a second afterwards: a constant cost, however many tenants sit idle.</summary>
    public double SweepPerSecond { get; set; } = 1;

    /// <summary>The shortest time between two sweeps of the same tenant (a small platform is not swept every second).</summary>
    public TimeSpan MinimumSweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}
