using System.Text.Json;
using System.Text.RegularExpressions;
using OrchardSpbe.Data;

namespace OrchardSpbe.Backup;

/// <summary>
/// Checks a backup folder completely before a restore touches anything: it is an OrchardSpbe backup of a format and
/// schema this version knows, opened with the right key, every name stays inside the folder, every file is there
/// with its size and SHA-256, and every table decodes to the row count the manifest gives. Throws
/// <see cref="BackupRefusedException"/> saying exactly what is wrong.
/// </summary>
public sealed partial class BackupVerifier(IEnumerable<DataMigration> migrations)
{
    public static BackupManifest ReadManifest(string folder)
    {
        var path = Path.Combine(folder, BackupManifest.FileName);
        if (!Directory.Exists(folder)) throw new BackupRefusedException($"folder cadangan '{folder}' tidak ada");
        if (!File.Exists(path)) throw new BackupRefusedException($"'{folder}' bukan cadangan OrchardSpbe: manifest.json tidak ada");
        BackupManifest? manifest;
        try { manifest = JsonSerializer.Deserialize<BackupManifest>(File.ReadAllBytes(path), BackupManifest.Json); }
        catch (JsonException) { throw new BackupRefusedException("manifest.json rusak atau bukan manifest OrchardSpbe"); }
        if (manifest?.ProductName != BackupManifest.Product)
            throw new BackupRefusedException("ini bukan cadangan OrchardSpbe (manifest milik produk lain)");
        if (manifest.FormatVersion > BackupManifest.CurrentFormat)
            throw new BackupRefusedException($"cadangan dibuat oleh versi OrchardSpbe yang lebih baru (format {manifest.FormatVersion}; versi ini membaca sampai format {BackupManifest.CurrentFormat})");
        if (manifest.FormatVersion < 1) throw new BackupRefusedException("manifest.json tidak menyebut versi formatnya");
        return manifest;
    }

    /// <summary>A tenant backup, verified end to end.</summary>
    public async Task<BackupManifest> VerifyTenantAsync(string folder, BackupCipher? cipher, CancellationToken cancellationToken = default)
    {
        var manifest = ReadManifest(folder);
        if (manifest.Kind != BackupKind.Tenant || manifest.Tenant is null) throw new BackupRefusedException("manifest bukan cadangan satu tenant");
        CheckKey(manifest, cipher);
        if (!TenantName().IsMatch(manifest.Tenant.Name)) throw new BackupRefusedException($"nama tenant '{manifest.Tenant.Name}' dalam manifest tidak sah");
        var known = migrations.ToDictionary(m => m.FeatureId, m => m.Steps.Count);
        foreach (var (feature, version) in manifest.Features)
        {
            if (!known.TryGetValue(feature, out var steps) || version > steps)
                throw new BackupRefusedException($"cadangan dibuat oleh versi OrchardSpbe yang lebih baru (fitur {feature} versi {version})");
        }
        foreach (var table in manifest.Tables)
        {
            if (!SqlName().IsMatch(table.Name) || table.Columns.Any(c => !SqlName().IsMatch(c.Name)) || table.PrimaryKey.Any(k => table.Columns.All(c => c.Name != k)))
                throw new BackupRefusedException($"nama tabel atau kolom '{table.Name}' dalam manifest tidak sah");
            if (manifest.Files.All(f => f.Path != table.File)) throw new BackupRefusedException($"berkas data tabel {table.Name} tidak tercantum di manifest");
        }
        await CheckFilesAsync(folder, manifest.Files, cancellationToken);

        // Deep: each table decodes completely to its row count and content hash (a wrong key or a cut stream shows here).
        foreach (var table in manifest.Tables)
        {
            var file = manifest.Files.First(f => f.Path == table.File);
            long rows = 0;
            var content = BackupFiles.OpenContent(folder, file, cipher, compressed: true);
            using (var reader = new BinaryReader(content))
            {
                foreach (var _ in RowCodec.ReadRows(reader, table.Columns.Count, table.Name)) rows++;
                ReadToEnd(content);
            }
            if (content.Digest != file.ContentSha256) throw Edited(file);
            if (rows != table.Rows) throw new BackupRefusedException($"tabel {table.Name} berisi {rows} baris, manifest menyebut {table.Rows}");
        }
        foreach (var file in manifest.Files.Where(f => f.Path.StartsWith("files/", StringComparison.Ordinal)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var content = BackupFiles.OpenContent(folder, file, cipher, compressed: false);
            ReadToEnd(content);
            content.Dispose();
            if (content.Digest != file.ContentSha256) throw Edited(file);
        }
        return manifest;
    }

    /// <summary>Checks the manifest's file list: safe names, present, the recorded size and SHA-256.</summary>
    public static async Task CheckFilesAsync(string folder, IReadOnlyList<BackupFile> files, CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            if (!SafePath().IsMatch(file.Path) || !IsSafeRelative(file.Path))
                throw new BackupRefusedException($"nama berkas '{file.Path}' dalam manifest tidak sah (keluar dari folder cadangan)");
            if (file.Target is not null && !IsSafeRelative(file.Target))
                throw new BackupRefusedException($"tujuan berkas '{file.Target}' dalam manifest tidak sah (keluar dari folder tenant)");
            var path = BackupFiles.ResolveInside(folder, file.Path);
            if (!File.Exists(path)) throw new BackupRefusedException($"berkas {file.Path} tidak ada: cadangan tidak lengkap");
            var size = new FileInfo(path).Length;
            if (size != file.Size) throw new BackupRefusedException($"berkas {file.Path} berukuran {size} byte, manifest menyebut {file.Size}: cadangan terpotong atau diubah");
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var hash = Convert.ToHexString(await System.Security.Cryptography.SHA256.HashDataAsync(stream, cancellationToken)).ToLowerInvariant();
            if (hash != file.Sha256) throw Edited(file);
        }
    }

    public static void CheckKey(BackupManifest manifest, BackupCipher? cipher)
    {
        if (manifest.Encryption is null) return;
        if (manifest.Encryption.Algorithm != BackupCipher.Algorithm)
            throw new BackupRefusedException($"cadangan dienkripsi dengan {manifest.Encryption.Algorithm}, yang tidak dikenal versi ini");
        if (cipher is null) throw new BackupRefusedException("cadangan ini terenkripsi: atur kuncinya di Spbe:Backup:EncryptionKey");
        if (cipher.KeyId != manifest.Encryption.KeyId)
            throw new BackupRefusedException("cadangan ini dienkripsi dengan kunci lain (Spbe:Backup:EncryptionKey tidak cocok)");
    }

    /// <summary>A relative path that stays where it is put: no root, no drive, no backslash, no empty, "." or ".." segment.</summary>
    public static bool IsSafeRelative(string path) =>
        path.Length is > 0 and <= 1000 && !path.StartsWith('/') && !path.Contains('\\') && !path.Contains(':') && !path.Contains('\0')
        && path.Split('/').All(segment => segment is not ("" or "." or ".."));

    private static BackupRefusedException Edited(BackupFile file) =>
        new($"checksum berkas {file.Path} tidak cocok: berkas diubah atau rusak");

    private static void ReadToEnd(Stream stream)
    {
        var buffer = new byte[1 << 16];
        try { while (stream.Read(buffer) > 0) { } }
        catch (InvalidDataException) { throw new BackupRefusedException("data cadangan rusak (kompresi tidak sah)"); }
    }

    [GeneratedRegex("^(database/[a-z0-9_]{1,63}\\.rows|files/[0-9]{6,9}|tenants/[a-z0-9-]{2,40}/manifest\\.json)$")]
    private static partial Regex SafePath();

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SqlName();

    [GeneratedRegex("^[a-z][a-z0-9-]{0,38}[a-z0-9]$")]
    private static partial Regex TenantName();
}
