using System.Collections.Concurrent;
using System.Collections.Frozen;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Data;
using OrchardSpbe.Settings;

namespace OrchardSpbe.Tenants;

/// <summary>
/// The running tenants' shells. Activating one upgrades its store and loads its features and settings. A shell is
/// built on first use — a request, its background work, a hand-over — not all at start (issue 17: start in under a
/// second with 1,000 tenants); the host then builds the others in the background, one at a time.
/// </summary>
public sealed class ShellHost(TenantScopeFactory scopes, TenantRegistry registry, TenantMigrations migrations, Background.DueWork due)
{
    private readonly ConcurrentDictionary<string, TenantShell> _shells = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<TenantShell>>> _building = new();
    // The running shells as last listed, with the registry version and shell changes they were listed under: the
    // portal's searches ask for them on every request, and the same list instance lets callers key what they derive.
    private RunningList? _running;
    private int _shellChanges;

    // One object, swapped whole: a reader never sees one listing's version with another's shells.
    private sealed record RunningList(object Registry, int Shells, TenantShell[] List);

    public TenantShell? Find(string name) => _shells.GetValueOrDefault(name);

    /// <summary>The shells built so far (not every running tenant: see <see cref="RunningAsync"/>).</summary>
    public IReadOnlyCollection<TenantShell> Active => (IReadOnlyCollection<TenantShell>)_shells.Values;

    public async Task<TenantShell> ActivateAsync(TenantRecord record)
    {
        var shell = await BuildAsync(record);
        _shells[record.Name] = shell;
        Interlocked.Increment(ref _shellChanges);
        return shell;
    }

    /// <summary>The tenant's shell, built now if it is not yet (once, however many ask at the same time).</summary>
    public async Task<TenantShell> GetOrActivateAsync(TenantRecord record)
    {
        if (_shells.TryGetValue(record.Name, out var shell)) return shell;
        var building = _building.GetOrAdd(record.Name, _ => new Lazy<Task<TenantShell>>(async () =>
        {
            var built = await BuildAsync(record);
            var kept = _shells.GetOrAdd(record.Name, built);
            Interlocked.Increment(ref _shellChanges);
            return kept;
        }));
        try { return await building.Value; }
        finally { _building.TryRemove(new KeyValuePair<string, Lazy<Task<TenantShell>>>(record.Name, building)); }
    }

    /// <summary>The running tenant's shell by name, built if needed; null when no such tenant runs.</summary>
    public async Task<TenantShell?> GetAsync(string name) =>
        registry.Find(name) is { State: TenantState.Running } record ? await GetOrActivateAsync(record) : null;

    /// <summary>Every running tenant's shell, building those not yet used (the portal's boards across every PD).</summary>
    public async Task<IReadOnlyList<TenantShell>> RunningAsync()
    {
        var version = registry.Version;
        var changes = Volatile.Read(ref _shellChanges);
        if (Volatile.Read(ref _running) is { } kept && kept.Registry == version && kept.Shells == changes) return kept.List;
        var shells = new List<TenantShell>();
        foreach (var record in registry.All.Where(t => t.State == TenantState.Running))
            shells.Add(_shells.TryGetValue(record.Name, out var shell) ? shell : await GetOrActivateAsync(record));
        // Kept only if nothing changed while listing (a shell built here counts as a change: the next call lists again).
        var listed = shells.ToArray();
        if (registry.Version == version && Volatile.Read(ref _shellChanges) == changes) Volatile.Write(ref _running, new RunningList(version, changes, listed));
        return listed;
    }

    public void Deactivate(string name)
    {
        _shells.TryRemove(name, out _);
        Interlocked.Increment(ref _shellChanges);
    }

    private async Task<TenantShell> BuildAsync(TenantRecord record)
    {
        // Pending migrations run here at the latest (the background upgrade usually got there first); a tenant whose
        // stamp is current opens no transaction for them.
        await migrations.MigrateAsync(record);
        await using var scope = scopes.CreateScope(TenantShell.ForSetup(record));
        var session = scope.ServiceProvider.GetRequiredService<TenantSession>();
        var enabled = (await session.QueryAsync<string>("SELECT feature_id FROM spbe_features")).ToFrozenSet();
        var (settings, _) = await scope.ServiceProvider.GetRequiredService<DocumentStore>().GetAsync<SiteSettings>(SiteSettings.DocumentId);
        // A shell built (first use, new features): each of its tasks looks at once for work it may have, on this node.
        due.SweepSoon(record.Name);
        return new TenantShell(record, enabled, settings ?? new SiteSettings { SiteName = record.DisplayName });
    }
}
