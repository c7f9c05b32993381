namespace OrchardSpbe.Background;

/// <summary>
/// Work a feature does for a tenant with no visitor — publishing at a set time, timers of workflows, e-mail retries,
/// reminders. Runs in a scope of its tenant when it is due (the time it returned last), after the tenant's commits,
/// and in the safety sweep; never on a fixed poll of every tenant (issue 17).
/// </summary>
public interface IBackgroundTask
{
    /// <summary>The feature that owns the task; tenants without it are skipped. Null: a framework task every tenant runs.</summary>
    string? FeatureId { get; }

    /// <summary>
    /// Whether a commit in the tenant may have given the task work (a publish time set, an e-mail queued), so it runs
    /// shortly after one. False for checks driven only by the calendar.
    /// </summary>
    bool RunsAfterCommits => true;

    /// <summary>Does what is due and returns when the tenant next has work for this task (null: nothing known).</summary>
    Task<DateTimeOffset?> RunAsync(IServiceProvider tenantServices, CancellationToken cancellationToken);
}
