using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrchardSpbe.Data;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Backup;

/// <summary>
/// Backup and restore as the portal's admin, the schedule and the command line use them (001 Pasal 14(7)): one
/// tenant or the whole platform (every tenant, plus the data-protection keys a single node keeps on disk). A backup is
/// written as <c>NAME.partial</c> and renamed when complete, so a crash never leaves a folder that looks like a backup.
/// Every run is recorded in <see cref="BackupRuns"/>.
/// </summary>
public sealed class BackupService(
    TenantStore store,
    TenantBackupWriter writer,
    TenantRestorer restorer,
    BackupVerifier verifier,
    BackupRuns runs,
    AppDataFolder appData,
    IOptions<SpbeOptions> options,
    ILogger<BackupService> logger)
{
    private const string KeysFolder = "DataProtection-Keys";

    /// <summary>Where backups are written and listed.</summary>
    public string Folder => Path.IsPathRooted(options.Value.Backup.Folder) ? options.Value.Backup.Folder : appData.Combine(options.Value.Backup.Folder);

    /// <summary>The configured cipher (null: not encrypted). Throws <see cref="BackupRefusedException"/> for a malformed key.</summary>
    public BackupCipher? Cipher => BackupCipher.FromConfiguration(options.Value.Backup.EncryptionKey);

    public async Task<BackupOutcome> BackupTenantAsync(string tenantName, string? outFolder, string trigger, string? userName, CancellationToken cancellationToken = default)
    {
        var run = await runs.StartAsync("backup", tenantName, trigger, userName);
        return await RunAsync(run!.Value, async () =>
        {
            var tenant = await store.FindAsync(tenantName) ?? throw new BackupRefusedException($"tenant '{tenantName}' tidak ditemukan");
            if (tenant.State is TenantState.Initializing or TenantState.Uninitialized) throw new BackupRefusedException($"tenant '{tenantName}' belum selesai disiapkan");
            return await WriteAtomicallyAsync(outFolder ?? Folder, $"spbe-{tenant.Name}-{Stamp()}", async partial =>
                await writer.WriteAsync(tenant, partial, Cipher, cancellationToken));
        });
    }

    /// <summary>Every tenant and the keys; null when <paramref name="scheduleKey"/> was already run by this node or another.</summary>
    public async Task<BackupOutcome?> BackupPlatformAsync(string? outFolder, string trigger, string? userName, string? scheduleKey = null, CancellationToken cancellationToken = default)
    {
        var run = await runs.StartAsync("backup", "*", trigger, userName, scheduleKey);
        if (run is null) return null;
        return await RunAsync(run.Value, () => WriteAtomicallyAsync(outFolder ?? Folder, $"spbe-platform-{Stamp()}", async partial =>
        {
            var cipher = Cipher;
            var tenants = (await store.ListAsync()).Where(t => t.State is TenantState.Running or TenantState.Disabled).ToList();
            var files = new List<BackupFile>();
            foreach (var tenant in tenants)
            {
                var folder = Path.Combine(partial, "tenants", tenant.Name);
                await writer.WriteAsync(tenant, folder, cipher, cancellationToken);
                var manifestPath = Path.Combine(folder, BackupManifest.FileName);
                files.Add(new BackupFile($"tenants/{tenant.Name}/{BackupManifest.FileName}", new FileInfo(manifestPath).Length, Sha256Of(manifestPath), Sha256Of(manifestPath)));
            }
            var keys = appData.Combine(KeysFolder);
            if (Directory.Exists(keys))
            {
                foreach (var key in Directory.EnumerateFiles(keys).Order(StringComparer.Ordinal))
                {
                    using var pending = BackupFiles.Create(partial, $"files/{files.Count:D6}", cipher, compress: false);
                    await using (var input = File.OpenRead(key)) await input.CopyToAsync(pending.Content, cancellationToken);
                    files.Add(pending.Complete($"{KeysFolder}/{Path.GetFileName(key)}"));
                }
            }
            var manifest = new BackupManifest
            {
                ProductName = BackupManifest.Product, FormatVersion = BackupManifest.CurrentFormat, Kind = BackupKind.Platform,
                CreatedUtc = DateTimeOffset.UtcNow, SourceProvider = options.Value.Database.Provider.ToString(),
                Encryption = cipher is null ? null : new BackupEncryption(BackupCipher.Algorithm, cipher.KeyId),
                Tenants = tenants.Select(t => t.Name).ToList(), Files = files,
            };
            await File.WriteAllBytesAsync(Path.Combine(partial, BackupManifest.FileName), JsonSerializer.SerializeToUtf8Bytes(manifest, BackupManifest.Json), cancellationToken);
            return manifest;
        }));
    }

    /// <summary>Restores a tenant backup, or every tenant of a platform backup (all verified before the first changes).</summary>
    public async Task<BackupOutcome> RestoreAsync(string folder, RestoreRequest request, string trigger, string? userName, CancellationToken cancellationToken = default)
    {
        string scope;
        try { scope = request.AsName ?? BackupVerifier.ReadManifest(folder) switch { { Tenant: { } t } => t.Name, _ => "*" }; }
        catch (BackupRefusedException) { scope = "?"; }
        var run = await runs.StartAsync("restore", scope, trigger, userName);
        return await RunAsync(run!.Value, async () =>
        {
            var cipher = Cipher;
            var manifest = BackupVerifier.ReadManifest(folder);
            if (manifest.Kind == BackupKind.Tenant)
            {
                await restorer.RestoreAsync(folder, request, cipher, cancellationToken);
                return (folder, manifest);
            }
            if (request.AsName is not null) throw new BackupRefusedException("cadangan seluruh platform dipulihkan dengan nama aslinya; --as hanya untuk cadangan satu tenant");
            BackupVerifier.CheckKey(manifest, cipher);
            await BackupVerifier.CheckFilesAsync(folder, manifest.Files, cancellationToken);
            if (manifest.Tenants.Any(t => manifest.Files.All(f => f.Path != $"tenants/{t}/{BackupManifest.FileName}")))
                throw new BackupRefusedException("manifest platform tidak mencantumkan manifest setiap tenant");
            foreach (var tenant in manifest.Tenants)
                await verifier.VerifyTenantAsync(Path.Combine(folder, "tenants", tenant), cipher, cancellationToken);
            // The portal first: PD sites hand over to it.
            foreach (var tenant in manifest.Tenants.OrderBy(t => t != TenantRecord.DefaultName))
                await restorer.RestoreAsync(Path.Combine(folder, "tenants", tenant), request, cipher, cancellationToken);
            foreach (var key in manifest.Files.Where(f => f.Target?.StartsWith(KeysFolder + "/", StringComparison.Ordinal) == true))
            {
                var path = BackupFiles.ResolveInside(appData.Root, key.Target!);
                if (File.Exists(path)) continue;
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await using var content = BackupFiles.OpenContent(folder, key, cipher, compressed: false);
                await using var output = File.Create(path);
                await content.CopyToAsync(output, cancellationToken);
            }
            return (folder, manifest);
        });
    }

    /// <summary>The backups in <see cref="Folder"/> (and its scheduled/ subfolder), newest first.</summary>
    public IReadOnlyList<BackupListing> List()
    {
        var listings = new List<BackupListing>();
        foreach (var root in new[] { Folder, Path.Combine(Folder, "scheduled") }.Where(Directory.Exists))
        {
            foreach (var folder in Directory.EnumerateDirectories(root, "spbe-*").Where(f => !f.EndsWith(".partial", StringComparison.Ordinal)))
            {
                try
                {
                    var manifest = BackupVerifier.ReadManifest(folder);
                    listings.Add(new BackupListing(Path.GetFileName(folder), folder, manifest.Kind, manifest.Tenant?.Name, manifest.CreatedUtc,
                        SizeOf(folder), manifest.Encryption is not null, root != Folder));
                }
                catch (BackupRefusedException) { }
            }
        }
        return listings.OrderByDescending(l => l.CreatedUtc).ToList();
    }

    /// <summary>A listed backup by its folder name (never a path from outside <see cref="Folder"/>).</summary>
    public BackupListing? Find(string name) => List().FirstOrDefault(l => l.Name == name);

    private async Task<BackupOutcome> RunAsync(long run, Func<Task<(string Folder, BackupManifest Manifest)>> work)
    {
        try
        {
            var (folder, manifest) = await work();
            var size = manifest.Kind == BackupKind.Platform || manifest.Tenant is not null ? SizeOf(folder) : 0;
            await runs.FinishAsync(run, true, folder, size, null);
            return new BackupOutcome(true, folder, size, null);
        }
        catch (BackupRefusedException refused)
        {
            await runs.FinishAsync(run, false, null, null, refused.Message);
            return new BackupOutcome(false, null, 0, refused.Message);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            logger.LogError(exception, "Backup run {BackupRun} failed", run);
            var message = $"gagal: {exception.Message}";
            await runs.FinishAsync(run, false, null, null, message);
            return new BackupOutcome(false, null, 0, message);
        }
    }

    private static async Task<(string Folder, BackupManifest Manifest)> WriteAtomicallyAsync(string parent, string name, Func<string, Task<BackupManifest>> write)
    {
        var final = Path.Combine(parent, name);
        var partial = final + ".partial";
        if (Directory.Exists(partial)) Directory.Delete(partial, recursive: true);
        Directory.CreateDirectory(partial);
        try
        {
            var manifest = await write(partial);
            Directory.Move(partial, final);
            return (final, manifest);
        }
        catch
        {
            try { Directory.Delete(partial, recursive: true); } catch (IOException) { }
            throw;
        }
    }

    private static string Stamp() => DateTimeOffset.UtcNow.ToString("yyyyMMdd-HHmmss-fff");

    private static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(stream)).ToLowerInvariant();
    }

    internal static long SizeOf(string folder) =>
        Directory.Exists(folder) ? new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;
}

public sealed record BackupOutcome(bool Succeeded, string? Folder, long SizeBytes, string? Error);

public sealed record BackupListing(string Name, string Folder, BackupKind Kind, string? Tenant, DateTimeOffset CreatedUtc, long SizeBytes, bool Encrypted, bool Scheduled);
