using System.Collections.Concurrent;

namespace OrchardSpbe.Background;

/// <summary>
/// This node's view of what background work is due, and when: the next time each task has for each tenant (from its
/// last run, or read from <see cref="DueWorkStore"/> when another node or an earlier process set it), and the tenants
/// that just committed. The scheduler sleeps until the earliest of them, so idle tenants cost nothing.
/// </summary>
public sealed class DueWork
{
    private readonly ConcurrentDictionary<(string Tenant, string Task), DateTimeOffset> _due = new();
    // Per tenant, the tasks whose own commits these were; null: a request's (or another scope's) commit.
    private readonly ConcurrentDictionary<string, HashSet<string>?> _committed = new();
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>A commit in the tenant: its commit-driven tasks run shortly (not <paramref name="byTask"/>, whose commit it was).</summary>
    public void Committed(string tenant, string? byTask)
    {
        _committed.AddOrUpdate(tenant, byTask is null ? null : [byTask], (_, earlier) =>
        {
            if (earlier is null || byTask is null) return null;
            lock (earlier) earlier.Add(byTask);
            return earlier;
        });
        Signal();
    }

    /// <summary>Records when a task next has work in a tenant (keeps the earlier of two times).</summary>
    public void At(string tenant, string task, DateTimeOffset due)
    {
        _due.AddOrUpdate((tenant, task), due, (_, known) => due < known ? due : known);
        if (due <= DateTimeOffset.UtcNow) Signal();
    }

    /// <summary>After a run: the task's own answer replaces what was known.</summary>
    public void Set(string tenant, string task, DateTimeOffset? due)
    {
        if (due is { } next) _due[(tenant, task)] = next;
        else _due.TryRemove((tenant, task), out _);
    }

    public void Forget(string tenant)
    {
        foreach (var key in _due.Keys.Where(k => k.Tenant == tenant)) _due.TryRemove(key, out _);
        _committed.TryRemove(tenant, out _);
    }

    public DateTimeOffset? Known(string tenant, string task) => _due.TryGetValue((tenant, task), out var due) ? due : null;

    public int Count => _due.Count;

    /// <summary>Takes what is due by <paramref name="now"/>: per tenant, the due tasks, and whether it committed (and how).</summary>
    public Dictionary<string, DueTenant> TakeDue(DateTimeOffset now)
    {
        var result = new Dictionary<string, DueTenant>();
        foreach (var ((tenant, task), due) in _due)
        {
            if (due > now) continue;
            if (!result.TryGetValue(tenant, out var entry)) result[tenant] = entry = new DueTenant();
            entry.Tasks.Add(task);
        }
        foreach (var tenant in _committed.Keys)
        {
            if (!_committed.TryRemove(tenant, out var byTasks)) continue;
            if (!result.TryGetValue(tenant, out var entry)) result[tenant] = entry = new DueTenant();
            entry.Committed = true;
            entry.CommittedBy = byTasks;
        }
        return result;
    }

    /// <summary>The earliest known due time.</summary>
    public DateTimeOffset? Earliest()
    {
        DateTimeOffset? earliest = null;
        foreach (var due in _due.Values) if (earliest is null || due < earliest) earliest = due;
        return earliest;
    }

    /// <summary>Waits until signalled or <paramref name="timeout"/> passes.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (timeout <= TimeSpan.Zero) return;
        await _signal.WaitAsync(timeout, cancellationToken);
    }

    private void Signal()
    {
        if (_signal.CurrentCount == 0)
        {
            try { _signal.Release(); }
            catch (SemaphoreFullException) { }
        }
    }
}

public sealed class DueTenant
{
    public HashSet<string> Tasks { get; } = [];
    public bool Committed { get; set; }

    /// <summary>The tasks whose own commits woke the tenant; null when a request (or any other scope) committed.</summary>
    public HashSet<string>? CommittedBy { get; set; }
    public bool Swept { get; set; }
}
