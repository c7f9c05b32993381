using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Audit;
using OrchardSpbe.Data;
using OrchardSpbe.Localization;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Media.Services;

/// <summary>
/// The current tenant's media library: files on disk under the tenant's folder, one row each in media_files.
/// A file and its row exist together or not at all; every change is in the audit log with the row.
/// </summary>
public sealed class MediaLibrary(
    TenantContext tenant,
    TenantSession session,
    MediaFolders folders,
    ImageResizer images,
    MediaSettingsStore settingsStore,
    AuditLog audit,
    IHttpContextAccessor http,
    IStringLocalizer<Strings> T) : IMediaLibrary
{
    public const int MaxAltTextLength = 300;

    private const string Columns = "id, path, file_name, content_type, length, alt_text, width, height, uploaded_utc, uploaded_by";

    /// <summary>
    /// Checks and stores an upload. The file is moved into place and its row inserted; if the insert fails the
    /// file is removed again. (Inside a caller's transaction that later rolls back, the file stays on disk
    /// without a row: it is never served, since serving goes through the row.)
    /// </summary>
    public async Task<MediaUploadResult> UploadAsync(string fileName, Stream content, string? altText, CancellationToken cancellationToken = default)
    {
        // Services are process-wide; the library (and its table) exists only where the feature is on.
        if (!IsEnabled) return MediaUploadResult.Fail(T["Fitur Media tidak aktif di situs ini."]);
        altText = string.IsNullOrWhiteSpace(altText) ? null : altText.Trim();
        if (altText?.Length > MaxAltTextLength) return MediaUploadResult.Fail(T["Teks alternatif paling banyak 300 karakter."]);
        var (settings, _) = await settingsStore.GetAsync();

        var incoming = folders.Incoming(tenant.Name);
        Directory.CreateDirectory(incoming);
        var spooled = Path.Combine(incoming, Guid.NewGuid().ToString("N"));
        try
        {
            var length = await SpoolAsync(content, spooled, settings.MaxBytes, cancellationToken);
            if (length < 0) return MediaUploadResult.Fail(T["Berkas terlalu besar. Ukuran paling besar {0} MB.", settings.MaxSizeMb]);
            if (length == 0) return MediaUploadResult.Fail(T["Berkas kosong."]);

            var format = MediaFormats.Detect(spooled, fileName);
            if (format is null)
                return MediaUploadResult.Fail(T["Isi berkas bukan gambar, PDF, dokumen Office, CSV atau TXT yang dikenali. Program, SVG dan HTML tidak pernah diterima."]);
            if (!settings.Allows(format.Kind))
                return MediaUploadResult.Fail(T["Jenis berkas ini ({0}) tidak diizinkan di situs ini.", T[MediaKinds.LabelOf(format.Kind)]]);

            int? width = null, height = null;
            if (format.Kind == MediaKinds.Image)
            {
                var image = await images.CheckAsync(spooled, cancellationToken);
                if (image == ImageCheck.TooManyPixels) return MediaUploadResult.Fail(T["Gambar terlalu besar: paling besar 50 megapiksel."]);
                if (image.Problem is not null) return MediaUploadResult.Fail(T["Berkas ini tampak seperti gambar tetapi tidak dapat dibaca; mungkin rusak."]);
                (width, height) = (image.Width, image.Height);
            }
            var file = await StoreAsync(spooled, fileName, format, length, altText, width, height);
            return MediaUploadResult.Ok(file);
        }
        finally
        {
            if (File.Exists(spooled)) File.Delete(spooled);
        }
    }

    public async Task<MediaFile?> FindAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!IsEnabled || !MediaFolders.IsLibraryPath(path)) return null;
        var row = await session.QuerySingleOrDefaultAsync<MediaRow>(
            $"SELECT {Columns} FROM media_files WHERE path = @path AND deleted_utc IS NULL", new { path });
        return row?.ToFile();
    }

    public async Task<IReadOnlyList<MediaFile>> RecentImagesAsync(int take, CancellationToken cancellationToken = default)
    {
        if (!IsEnabled) return [];
        var rows = await session.QueryAsync<MediaRow>(
            $"SELECT {Columns} FROM media_files WHERE deleted_utc IS NULL AND content_type LIKE 'image/%' ORDER BY uploaded_utc DESC, id DESC LIMIT @take",
            new { take = Math.Clamp(take, 1, 200) });
        return rows.Select(r => r.ToFile()).ToList();
    }

    private bool IsEnabled => tenant.HasTenant && tenant.Shell.IsFeatureEnabled(Manifest.FeatureId);

    public async Task<MediaEntry?> GetAsync(long id)
    {
        var row = await session.QuerySingleOrDefaultAsync<MediaRow>(
            $"SELECT {Columns} FROM media_files WHERE id = @id AND deleted_utc IS NULL", new { id });
        return row?.ToEntry();
    }

    /// <summary>A page of files, newest first, optionally only those whose name, path or alt text contains <paramref name="query"/>.</summary>
    public async Task<(IReadOnlyList<MediaEntry> Files, long Total)> SearchAsync(string? query, int page, int pageSize)
    {
        var filter = "deleted_utc IS NULL";
        if (!string.IsNullOrWhiteSpace(query))
            filter += " AND (LOWER(file_name) LIKE @pattern OR path LIKE @pattern OR LOWER(COALESCE(alt_text, '')) LIKE @pattern)";
        var parameters = new { pattern = "%" + (query ?? "").Trim().ToLowerInvariant() + "%", take = pageSize, skip = (page - 1) * pageSize };
        var total = await session.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM media_files WHERE {filter}", parameters);
        var rows = await session.QueryAsync<MediaRow>(
            $"SELECT {Columns} FROM media_files WHERE {filter} ORDER BY uploaded_utc DESC, id DESC LIMIT @take OFFSET @skip", parameters);
        return (rows.Select(r => r.ToEntry()).ToList(), total);
    }

    public async Task<bool> UpdateAltTextAsync(long id, string? altText)
    {
        altText = string.IsNullOrWhiteSpace(altText) ? null : altText.Trim();
        await using var transaction = await session.BeginTransactionAsync();
        var path = await session.ExecuteScalarAsync<string>("SELECT path FROM media_files WHERE id = @id AND deleted_utc IS NULL", new { id });
        if (path is null) return false;
        await session.ExecuteAsync("UPDATE media_files SET alt_text = @altText WHERE id = @id", new { id, altText });
        await audit.RecordAsync("media.alt-text-updated", path, altText);
        await transaction.CommitAsync();
        return true;
    }

    /// <summary>
    /// Takes a file out of the library. Its row stays, marked deleted, so the path is never given to another
    /// file (browsers keep /media URLs for a year); the bytes and resized copies are removed after the commit.
    /// </summary>
    public async Task<MediaEntry?> DeleteAsync(long id)
    {
        var entry = await GetAsync(id);
        if (entry is null) return null;
        await using (var transaction = await session.BeginTransactionAsync())
        {
            var updated = await session.ExecuteAsync(
                "UPDATE media_files SET deleted_utc = @now WHERE id = @id AND deleted_utc IS NULL", new { id, now = UnixTime.Now });
            if (updated == 0) return null;
            await audit.RecordAsync("media.deleted", entry.File.Path, entry.File.FileName);
            // Only once the deletion is durable (a caller's outer transaction may still roll it back).
            await session.AfterCommitAsync(() =>
            {
                RemoveFromDisk(entry.File.Path);
                return Task.CompletedTask;
            });
            await transaction.CommitAsync();
        }
        return entry;
    }

    private void RemoveFromDisk(string path)
    {
        var original = folders.FileOf(tenant.Name, path);
        if (original is null) return;
        try
        {
            File.Delete(original);
            var cache = Path.Combine(Path.GetDirectoryName(original)!, MediaFolders.CacheFolder);
            if (Directory.Exists(cache))
                foreach (var copy in Directory.EnumerateFiles(cache, Path.GetFileNameWithoutExtension(original) + ".w*"))
                    File.Delete(copy);
        }
        catch (IOException)
        {
            // The row is already marked deleted, so the file is no longer served; a leftover only takes disk space.
        }
    }

    /// <summary>Copies the upload to disk; -1 as soon as it passes <paramref name="maxBytes"/> (the rest is never read).</summary>
    private static async Task<long> SpoolAsync(Stream content, string path, long maxBytes, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > maxBytes) return -1;
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        return total;
    }

    private async Task<MediaFile> StoreAsync(string spooled, string fileName, MediaFormat format, long length, string? altText, int? width, int? height)
    {
        var uploaded = DateTimeOffset.UtcNow;
        var folder = uploaded.ToString("yyyy'/'MM", System.Globalization.CultureInfo.InvariantCulture);
        var slug = MediaFolders.Slug(fileName);
        // A file name is not a form field: the input door did not clean it, and it is shown in lists and feeds.
        var originalName = OrchardSpbe.Text.XmlText.Clean(Path.GetFileName(fileName.Replace('\\', '/')));
        if (originalName.Length > 200) originalName = originalName[^200..];
        var user = http.HttpContext?.User.FindFirstValue(ClaimTypes.Name);

        for (var attempt = 1; ; attempt++)
        {
            // posyandu.jpg, posyandu-2.jpg, … and, past a crowd of namesakes, a random suffix.
            var name = attempt == 1 ? slug : attempt <= 20 ? $"{slug}-{attempt}" : $"{slug}-{Guid.NewGuid().ToString("N")[..8]}";
            var path = $"{folder}/{name}.{format.Extension}";
            var target = folders.FileOf(tenant.Name, path) ?? throw new InvalidOperationException("Unsafe media path " + path);
            // Rows outlive deleted files, so the table decides whether a name was ever used.
            if (await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM media_files WHERE path = @path", new { path }) > 0) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            try
            {
                File.Move(spooled, target, overwrite: false);
            }
            catch (IOException) when (File.Exists(target) && attempt < 40)
            {
                continue; // a concurrent upload of a namesake got there first
            }

            try
            {
                await using var transaction = await session.BeginTransactionAsync();
                await session.ExecuteAsync("""
                    INSERT INTO media_files (path, file_name, content_type, length, alt_text, width, height, uploaded_utc, uploaded_by)
                    VALUES (@path, @originalName, @contentType, @length, @altText, @width, @height, @uploaded, @user)
                    """, new { path, originalName, contentType = format.ContentType, length, altText, width, height, uploaded = UnixTime.Ms(uploaded), user });
                await audit.RecordAsync("media.uploaded", path, $"{originalName}; {format.ContentType}; {length} B");
                await transaction.CommitAsync();
            }
            catch (Exception exception)
            {
                // The name was taken between the check and the insert: try the next one. Not inside a caller's
                // transaction, though: PostgreSQL refuses every further statement in a failed transaction.
                if (SqlDialect.IsUniqueViolation(exception) && session.Transaction is null && attempt < 40)
                {
                    File.Move(target, spooled);
                    continue;
                }
                File.Delete(target);
                throw;
            }
            return new MediaFile(path, originalName, format.ContentType, length, altText, width, height,
                DateTimeOffset.FromUnixTimeMilliseconds(UnixTime.Ms(uploaded)));
        }
    }

    private sealed class MediaRow
    {
        public long Id { get; set; }
        public string Path { get; set; } = "";
        public string FileName { get; set; } = "";
        public string ContentType { get; set; } = "";
        public long Length { get; set; }
        public string? AltText { get; set; }
        public int? Width { get; set; }
        public int? Height { get; set; }
        public DateTimeOffset UploadedUtc { get; set; }
        public string? UploadedBy { get; set; }

        public MediaFile ToFile() => new(Path, FileName, ContentType, Length, AltText, Width, Height, UploadedUtc);
        public MediaEntry ToEntry() => new(Id, ToFile(), UploadedBy);
    }
}

/// <summary>A library file as the admin lists it: with its id and who uploaded it.</summary>
public sealed record MediaEntry(long Id, MediaFile File, string? UploadedBy);
