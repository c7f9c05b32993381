namespace OrchardSpbe.Background;

/// <summary>
/// Work a feature does on a schedule for every running tenant that has it enabled — publishing at a set
/// time, timers of workflows, reminders. Runs in a scope of its tenant, with no visitor needed.
/// </summary>
public interface IBackgroundTask
{
    /// <summary>The feature that owns the task; tenants without it are skipped. Null: a framework task every tenant runs.</summary>
    string? FeatureId { get; }

    TimeSpan Interval { get; }

    Task RunAsync(IServiceProvider tenantServices, CancellationToken cancellationToken);
}
