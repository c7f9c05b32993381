using System.Collections.Concurrent;
using System.Collections.Frozen;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Data;
using OrchardSpbe.Settings;

namespace OrchardSpbe.Tenants;

/// <summary>The running tenants' shells. Activating one upgrades its store and loads its features and settings.</summary>
public sealed class ShellHost(TenantScopeFactory scopes)
{
    private readonly ConcurrentDictionary<string, TenantShell> _shells = new();

    public TenantShell? Find(string name) => _shells.GetValueOrDefault(name);

    public IReadOnlyCollection<TenantShell> Running => (IReadOnlyCollection<TenantShell>)_shells.Values;

    public async Task<TenantShell> ActivateAsync(TenantRecord record)
    {
        var shell = await BuildAsync(record);
        _shells[record.Name] = shell;
        return shell;
    }

    public void Deactivate(string name) => _shells.TryRemove(name, out _);

    private async Task<TenantShell> BuildAsync(TenantRecord record)
    {
        await using var scope = scopes.CreateScope(TenantShell.ForSetup(record));
        var session = scope.ServiceProvider.GetRequiredService<TenantSession>();
        await using (var transaction = await session.BeginTransactionAsync())
        {
            var migrations = scope.ServiceProvider.GetRequiredService<MigrationRunner>();
            await migrations.RunAsync([]);
            await migrations.RunAsync(await session.QueryAsync<string>("SELECT feature_id FROM spbe_features"));
            await transaction.CommitAsync();
        }
        var enabled = (await session.QueryAsync<string>("SELECT feature_id FROM spbe_features")).ToFrozenSet();
        var (settings, _) = await scope.ServiceProvider.GetRequiredService<DocumentStore>().GetAsync<SiteSettings>(SiteSettings.DocumentId);
        return new TenantShell(record, enabled, settings ?? new SiteSettings { SiteName = record.DisplayName });
    }
}
