using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrchardSpbe.Catalog;
using OrchardSpbe.Data;
using OrchardSpbe.Signals;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Backup;

/// <summary>What to restore a tenant backup as.</summary>
/// <param name="AsName">Restore beside the live tenant under this new name (to inspect it); null: the backup's own tenant.</param>
/// <param name="ReplaceExisting">The operator confirmed that the existing tenant of that name is to be replaced.</param>
public sealed record RestoreRequest(string? AsName = null, bool ReplaceExisting = false);

/// <summary>
/// Restores a verified tenant backup. The store is built at a fresh location (the schema by the backup's own migration
/// versions, then the rows) and the files in a staging folder; only when both are complete does the tenant's record
/// point at the new store, in one host-store update. A failure before that leaves the live tenant as it was. The
/// search index sees a new store and rebuilds itself; the portal catalog gets the backup's entries of the tenant.
/// </summary>
public sealed class TenantRestorer(
    IDatabaseProvider database,
    AppDataFolder appData,
    TenantStore store,
    TenantRegistry registry,
    TenantScopeFactory scopes,
    PortalCatalog catalog,
    IChangeBus changes,
    HostNames hostNames,
    BackupVerifier verifier,
    ILogger<TenantRestorer> logger)
{
    public async Task<TenantRecord> RestoreAsync(string folder, RestoreRequest request, BackupCipher? cipher, CancellationToken cancellationToken = default)
    {
        var manifest = await verifier.VerifyTenantAsync(folder, cipher, cancellationToken);
        var backup = manifest.Tenant!;
        var target = await TargetAsync(backup, request);
        var existing = await store.FindAsync(target.Name);

        var generation = Guid.NewGuid().ToString("N")[..10];
        var location = database.LocationForRestore(target.Name, generation);
        var staging = appData.Combine("Sites", $".restore-{target.Name}-{generation}");
        try
        {
            await LoadStoreAsync(folder, manifest, target with { DatabaseLocation = location }, cipher, cancellationToken);
            await ExtractFilesAsync(folder, manifest, staging, cipher, cancellationToken);
        }
        catch
        {
            await database.DropStoreAsync(location, CancellationToken.None);
            DeleteQuietly(staging);
            throw;
        }

        // The switch: the record points at the new store; the files move in; the old store goes.
        var restored = target with { DatabaseLocation = location, State = TenantState.Running, ModifiedUtc = DateTimeOffset.UtcNow };
        if (existing is null) await store.InsertAsync(restored);
        else await store.UpdateAsync(restored);
        SwapFiles(target.Name, staging);
        if (request.AsName is null)
        {
            var catalogTable = manifest.Tables.First(t => t.Name == TenantBackupWriter.CatalogTable);
            await catalog.ReplaceTenantAsync(target.Name, catalogTable.Columns.Select(c => c.Name).ToList(), ReadRows(folder, manifest, catalogTable, cipher));
        }
        await changes.PublishAsync(new HostChange(HostChangeKind.TenantChanged, target.Name));
        await changes.PublishAsync(new HostChange(HostChangeKind.ContentChanged, target.Name));
        await changes.PublishAsync(new HostChange(HostChangeKind.ContentChanged, TenantRecord.DefaultName));
        if (existing is not null && existing.DatabaseLocation != location)
        {
            try { await database.DropStoreAsync(existing.DatabaseLocation, CancellationToken.None); }
            catch (Exception exception) { logger.LogWarning(exception, "The replaced store of {RestoredTenant} could not be dropped", target.Name); }
        }
        logger.LogInformation("Tenant {RestoredTenant} restored from {BackupFolder} ({Tables} tables, {Files} files)",
            target.Name, folder, manifest.Tables.Count, manifest.Files.Count(f => f.Target is not null));
        return restored;
    }

    /// <summary>The record the restore produces, refused while it would take another tenant's name or host.</summary>
    private async Task<TenantRecord> TargetAsync(BackupTenant backup, RestoreRequest request)
    {
        var now = DateTimeOffset.UtcNow;
        if (request.AsName is { } asName)
        {
            var name = asName.Trim().ToLowerInvariant();
            if (!TenantManager.IsValidNewName(name))
                throw new BackupRefusedException($"nama baru '{(asName.Length > 40 ? asName[..40] + "…" : asName)}' tidak sah: 2–40 huruf kecil, angka dan tanda hubung, diawali huruf, dan bukan nama yang dicadangkan");
            if (registry.Find(name) is not null || await store.FindAsync(name) is not null)
                throw new BackupRefusedException($"nama '{name}' sudah dipakai tenant lain; pilih nama lain untuk memulihkan di sampingnya");
            var host = $"{name}.{hostNames.BaseDomain}";
            if (registry.IsHostTaken(host, null)) throw new BackupRefusedException($"nama host {host} sudah dipakai tenant lain");
            // A copy to inspect: its own host, no category (it is no PD of the directory), not in the portal catalog.
            return new TenantRecord
            {
                Name = name, DisplayName = $"{backup.DisplayName} (pemulihan {now:yyyy-MM-dd HH:mm} UTC)", Category = null, Hosts = [host],
                UrlPrefix = null, DatabaseProvider = database.Name.ToString(), DatabaseLocation = "", RecipeName = backup.RecipeName,
                CreatedUtc = now, ModifiedUtc = now,
            };
        }
        var existing = await store.FindAsync(backup.Name);
        if (existing is not null && !request.ReplaceExisting)
            throw new BackupRefusedException($"tenant '{backup.Name}' ada dan sedang dipakai: konfirmasi penggantiannya (atau pulihkan dengan nama baru)");
        if (existing is { State: TenantState.Initializing or TenantState.Uninitialized })
            throw new BackupRefusedException($"tenant '{backup.Name}' sedang disiapkan; tunggu sampai selesai");
        foreach (var host in backup.Hosts)
        {
            var bare = host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
            if (registry.IsHostTaken(bare, backup.Name) || registry.IsHostTaken("www." + bare, backup.Name))
                throw new BackupRefusedException($"nama host {host} kini milik tenant lain; pulihkan dengan nama baru atau ubah host tenant itu dahulu");
        }
        if (backup.UrlPrefix is { } prefix && registry.All.Any(t => t.UrlPrefix == prefix && t.Name != backup.Name))
            throw new BackupRefusedException($"prefiks URL '{prefix}' kini milik tenant lain");
        return new TenantRecord
        {
            Name = backup.Name, DisplayName = backup.DisplayName, Category = backup.Category, Hosts = backup.Hosts, UrlPrefix = backup.UrlPrefix,
            DatabaseProvider = database.Name.ToString(), DatabaseLocation = "", RecipeName = backup.RecipeName,
            CreatedUtc = backup.CreatedUtc, ModifiedUtc = now,
        };
    }

    private async Task LoadStoreAsync(string folder, BackupManifest manifest, TenantRecord record, BackupCipher? cipher, CancellationToken cancellationToken)
    {
        await database.CreateStoreAsync(record.DatabaseLocation, cancellationToken);
        await using var scope = scopes.CreateScope(TenantShell.ForSetup(record));
        var session = scope.ServiceProvider.GetRequiredService<TenantSession>();
        await using var transaction = await session.BeginTransactionAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<MigrationRunner>().RunToAsync(manifest.Features);
        var connection = await session.ConnectionAsync(cancellationToken);
        var existing = (await StoreSchema.TablesAsync(connection, database.Dialect, session.Transaction)).ToHashSet(StringComparer.Ordinal);
        foreach (var table in manifest.Tables.Where(t => t.Name != TenantBackupWriter.CatalogTable))
        {
            // Tables no migration makes (a dataset's DataStore table) are created from the backup's description.
            if (existing.Contains(table.Name)) await session.ExecuteAsync($"DELETE FROM \"{table.Name}\"");
            else await StoreSchema.CreateAsync(connection, database.Dialect, table, session.Transaction!);
            await TableLoader.LoadAsync(connection, session.Transaction!, database.Dialect, table.Name, table.Columns.Select(c => c.Name).ToList(),
                ReadRows(folder, manifest, table, cipher), cancellationToken);
            if (table.Identity is { } identity)
                await StoreSchema.SetIdentityAsync(connection, database.Dialect, table.Name, identity.Column, identity.LastValue, session.Transaction!);
        }
        await transaction.CommitAsync();
    }

    private static IEnumerable<object?[]> ReadRows(string folder, BackupManifest manifest, BackupTable table, BackupCipher? cipher)
    {
        var file = manifest.Files.First(f => f.Path == table.File);
        using var content = BackupFiles.OpenContent(folder, file, cipher, compressed: true);
        using var reader = new BinaryReader(content);
        foreach (var row in RowCodec.ReadRows(reader, table.Columns.Count, table.Name)) yield return row;
    }

    private static async Task ExtractFilesAsync(string folder, BackupManifest manifest, string staging, BackupCipher? cipher, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(staging);
        foreach (var file in manifest.Files.Where(f => f.Target is not null))
        {
            var path = BackupFiles.ResolveInside(staging, file.Target!);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using var content = BackupFiles.OpenContent(folder, file, cipher, compressed: false);
            await using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            await content.CopyToAsync(output, cancellationToken);
        }
    }

    /// <summary>The tenant's files become the restored ones; its database files and search folder stay where they are.</summary>
    private void SwapFiles(string tenantName, string staging)
    {
        var folder = appData.TenantFolder(tenantName);
        Directory.CreateDirectory(folder);
        var old = staging + "-old";
        Directory.CreateDirectory(old);
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
        {
            var name = Path.GetFileName(entry);
            if (name == "search" || TenantBackupWriter.IsDatabaseFile(name)) continue;
            Directory.Move(entry, Path.Combine(old, name));
        }
        foreach (var entry in Directory.EnumerateFileSystemEntries(staging))
            Directory.Move(entry, Path.Combine(folder, Path.GetFileName(entry)));
        DeleteQuietly(staging);
        DeleteQuietly(old);
    }

    private void DeleteQuietly(string folder)
    {
        try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(exception, "Could not delete {Folder}", folder);
        }
    }
}
