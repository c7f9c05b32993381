using System.Collections.Concurrent;

namespace OrchardSpbe.Background;

/// <summary>
/// This node's view of what background work is due, and when: the next time each task has for each tenant (from its
/// last run, or read from <see cref="DueWorkStore"/> when another node or an earlier process set it), and the tenants
/// that just committed. The scheduler sleeps until the earliest of them, so idle tenants cost nothing.
/// Tasks answer in their <see cref="TimeProvider"/>'s time; kept here (and shared between nodes) as wall-clock time,
/// the same in production — so a test that sets its clock to another month does not stall the schedule.
/// </summary>
public sealed class DueWork(TimeProvider clock)
{
    private readonly ConcurrentDictionary<(string Tenant, string Task), DateTimeOffset> _due = new();
    // Per tenant, the tasks whose own commits these were; null: a request's (or another scope's) commit.
    private readonly ConcurrentDictionary<string, HashSet<string>?> _committed = new();
    private readonly ConcurrentDictionary<string, bool> _toSweep = new();
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Every task of the tenant runs soon: its shell was just built (a new tenant, a feature enabled, first use on this node).</summary>
    public void SweepSoon(string tenant)
    {
        _toSweep[tenant] = true;
        Signal();
    }

    /// <summary>A commit in the tenant: its commit-driven tasks run shortly (not <paramref name="byTask"/>, whose commit it was).</summary>
    /// <summary>Due now.</summary>
    public void Now(string tenant, string task) => AtWall(tenant, task, DateTimeOffset.UtcNow);

    /// <summary>A time in the clock's time, as wall-clock time.</summary>
    public DateTimeOffset ToWall(DateTimeOffset clockTime) => DateTimeOffset.UtcNow + (clockTime - clock.GetUtcNow());

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

    /// <summary>Records when (in the clock's time) a task next has work in a tenant; the earlier of two times is kept.</summary>
    public void At(string tenant, string task, DateTimeOffset due) => AtWall(tenant, task, ToWall(due));

    /// <summary>As <see cref="At"/>, with a wall-clock time (a hint read from the host store).</summary>
    public void AtWall(string tenant, string task, DateTimeOffset due)
    {
        _due.AddOrUpdate((tenant, task), due, (_, known) => due < known ? due : known);
        if (due <= DateTimeOffset.UtcNow) Signal();
    }

    /// <summary>After a run: the task's own answer (in the clock's time) replaces what was known; returns it as wall-clock time.</summary>
    public DateTimeOffset? Set(string tenant, string task, DateTimeOffset? due)
    {
        if (due is not { } next)
        {
            _due.TryRemove((tenant, task), out _);
            return null;
        }
        return SetWall(tenant, task, ToWall(next));
    }

    public DateTimeOffset SetWall(string tenant, string task, DateTimeOffset due) => _due[(tenant, task)] = due;

    /// <summary>The tenant was just swept: a sweep its shell's build asked for meanwhile is done too.</summary>
    public void Swept(string tenant) => _toSweep.TryRemove(tenant, out _);

    public void Forget(string tenant)
    {
        foreach (var key in _due.Keys.Where(k => k.Tenant == tenant)) _due.TryRemove(key, out _);
        _committed.TryRemove(tenant, out _);
        _toSweep.TryRemove(tenant, out _);
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
        foreach (var tenant in _toSweep.Keys)
        {
            if (!_toSweep.TryRemove(tenant, out _)) continue;
            if (!result.TryGetValue(tenant, out var entry)) result[tenant] = entry = new DueTenant();
            entry.Swept = true;
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
