using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Audit;
using OrchardSpbe.Data;
using OrchardSpbe.Datasets.Datasets;
using OrchardSpbe.Datasets.DataStore;
using OrchardSpbe.Localization;
using OrchardSpbe.Net;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Datasets.Resources;

/// <summary>A resource the walidata adds: its name, and an uploaded file or a link.</summary>
public sealed record ResourceInput(string Name, string? Description, IFormFile? File, string? Url, string? Format);

/// <summary>The outcome of a change: null when done, or the field and the reason it was refused.</summary>
public sealed record ResourceError(string Field, string Message);

/// <summary>
/// Adds, reloads and removes a dataset's resources. An upload is checked (format by its name and bytes, size), kept in
/// the PD's folder with its size and SHA-256, and — when tabular — loaded into the DataStore in the same transaction
/// as its row: a file the DataStore refuses leaves nothing behind. A link is fetched once (<see cref="LinkFetcher"/>)
/// for its size, SHA-256, last-modified time and DataStore table; a link that cannot be fetched or loaded is kept,
/// with the reason shown. Every change is audited and refreshes the portal.
/// </summary>
public sealed class ResourceService(
    TenantSession session, TenantContext tenant, AppDataFolder appData, DataStoreTables tables, DatasetCatalog catalog,
    AuditLog audit, TimeProvider clock, OutboundGuard outbound, LinkFetcher fetcher, IStringLocalizer<Strings> T)
{
    /// <summary>Larger uploads are refused before they are read (a million-row CSV is about 60 MB).</summary>
    public const long MaxUploadBytes = 200L * 1024 * 1024;

    public static string TooLarge(IStringLocalizer T) => T["Berkas terlalu besar atau unggahan terputus (paling besar {0} MB).", MaxUploadBytes / 1024 / 1024];

    public string FolderOf(string resourceId) => appData.Combine("Sites", tenant.Name, "datasets", resourceId);

    public async Task<(string? Id, ResourceError? Error)> AddAsync(string datasetId, ResourceInput input, string? userName)
    {
        var name = input.Name.Trim();
        if (name.Length is 0 or > 200) return (null, new ResourceError("name", T["Nama sumber data wajib diisi (paling banyak 200 karakter)."]));
        if (input.Description is { Length: > 2000 }) return (null, new ResourceError("description", T["Paling banyak 2.000 karakter."]));
        if ((input.File is null) == string.IsNullOrWhiteSpace(input.Url))
            return (null, new ResourceError("file", T["Unggah berkas atau tulis tautan (salah satu)."]));
        var id = Guid.NewGuid().ToString("D");
        var now = clock.GetUtcNow();
        if (input.File is null)
        {
            var url = input.Url!.Trim();
            if (await outbound.CheckUrlAsync(url) is { } refused) return (null, new ResourceError("url", T[refused]));
            if (ResourceFormats.OfFormat(input.Format) is not { } linkFormat)
                return (null, new ResourceError("format", T["Pilih format: CSV, XLSX, JSON, XML, PDF atau ODS."]));
            // Fetched before the transaction: no database connection waits on another server.
            var copy = Path.Combine(FolderOf(id), "berkas" + linkFormat.Extension);
            Directory.CreateDirectory(FolderOf(id));
            var (fetched, notFetched) = await fetcher.FetchAsync(url, linkFormat.Format, copy);
            try
            {
                await using var transaction = await session.BeginTransactionAsync();
                await InsertAsync(id, datasetId, name, input.Description, ResourceKinds.Link, url, null, linkFormat.Format, linkFormat.MediaType,
                    fetched?.Size, fetched?.Sha256, fetched?.LastModifiedUtc ?? now);
                if (notFetched is not null) await tables.RecordErrorAsync(id, notFetched);
                else if (TabularReader.IsTabular(linkFormat.Format)) await LoadTableAsync(id, copy, linkFormat.Format, keepOnAnyError: true);
                await audit.RecordAsync("dataset.resource.add", datasetId, fetched is null ? $"{name} ({url})" : $"{name} ({url}, {fetched.Size} B, sha256 {fetched.Sha256})", userName);
                await catalog.RefreshAsync(datasetId);
                await transaction.CommitAsync();
            }
            catch
            {
                Directory.Delete(FolderOf(id), true);
                throw;
            }
            if (fetched is null) Directory.Delete(FolderOf(id), true);
            return (id, null);
        }

        var file = input.File;
        if (file.Length > MaxUploadBytes) return (null, new ResourceError("file", TooLarge(T)));
        if (ResourceFormats.OfFileName(file.FileName) is not { } format)
            return (null, new ResourceError("file", T["Pilih format: CSV, XLSX, JSON, XML, PDF atau ODS."]));
        var folder = FolderOf(id);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "berkas" + format.Extension);
        try
        {
            string sha;
            await using (var target = File.Create(path))
            {
                await file.CopyToAsync(target);
            }
            var head = new byte[Math.Min(8192, file.Length)];
            await using (var source = File.OpenRead(path))
            {
                await source.ReadExactlyAsync(head);
                source.Position = 0;
                sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(source));
            }
            if (!ResourceFormats.BytesFit(format.Format, head))
            {
                Directory.Delete(folder, true);
                return (null, new ResourceError("file", T["Isi berkas tidak sesuai dengan format {0}.", format.Format]));
            }
            await using var transaction = await session.BeginTransactionAsync();
            await InsertAsync(id, datasetId, name, input.Description, ResourceKinds.Upload, null, Path.GetFileName(path), format.Format, format.MediaType, file.Length, sha, now);
            if (TabularReader.IsTabular(format.Format)) await LoadTableAsync(id, path, format.Format);
            await audit.RecordAsync("dataset.resource.add", datasetId, $"{name} ({format.Format}, {file.Length} B, sha256 {sha})", userName);
            await catalog.RefreshAsync(datasetId);
            await transaction.CommitAsync();
            return (id, null);
        }
        catch (TabularFileException exception)
        {
            Directory.Delete(folder, true);
            return (null, new ResourceError("file", exception.Message));
        }
    }

    /// <summary>Loads the DataStore table; a JSON or XML file that is not a list of records stays a plain file, with the reason kept.</summary>
    private async Task LoadTableAsync(string resourceId, string path, string format, bool keepOnAnyError = false)
    {
        try { await tables.LoadAsync(resourceId, path, format); }
        catch (TabularFileException exception) when (keepOnAnyError || TabularReader.MayHoldOtherThanTable(format))
        {
            await tables.RecordErrorAsync(resourceId, exception.Message);
        }
    }

    /// <summary>Reloads the DataStore table from the kept file with the walidata's column types.</summary>
    public async Task<ResourceError?> ReloadAsync(ResourceRecord resource, IReadOnlyDictionary<string, string> types, string? userName)
    {
        // A link's fetched copy reloads like an upload.
        var path = Path.Combine(FolderOf(resource.Id), "berkas" + (ResourceFormats.OfFormat(resource.Format)?.Extension ?? ""));
        if (!TabularReader.IsTabular(resource.Format) || !File.Exists(path)) return new ResourceError("types", T["Sumber data ini bukan tabel."]);
        try
        {
            await using var transaction = await session.BeginTransactionAsync();
            await tables.LoadAsync(resource.Id, path, resource.Format, types);
            await session.ExecuteAsync("UPDATE ds_resources SET last_modified_utc = @now WHERE id = @id", new { now = UnixTime.Ms(clock.GetUtcNow()), id = resource.Id });
            await audit.RecordAsync("dataset.resource.reload", resource.DatasetId, resource.Name, userName);
            await catalog.RefreshAsync(resource.DatasetId);
            await transaction.CommitAsync();
            return null;
        }
        catch (TabularFileException exception)
        {
            return new ResourceError("types", exception.Message);
        }
    }

    public async Task RemoveAsync(ResourceRecord resource, string? userName)
    {
        await using (var transaction = await session.BeginTransactionAsync())
        {
            await tables.DropAsync(resource.Id);
            await session.ExecuteAsync("DELETE FROM ds_resources WHERE id = @id", new { id = resource.Id });
            await audit.RecordAsync("dataset.resource.remove", resource.DatasetId, resource.Name, userName);
            await catalog.RefreshAsync(resource.DatasetId);
            await transaction.CommitAsync();
        }
        var folder = FolderOf(resource.Id);
        if (Directory.Exists(folder)) Directory.Delete(folder, true);
    }

    public string? FilePathOf(ResourceRecord resource) =>
        resource.IsUpload && ResourceFormats.OfFormat(resource.Format) is { } format ? Path.Combine(FolderOf(resource.Id), "berkas" + format.Extension) : null;

    private Task InsertAsync(string id, string datasetId, string name, string? description, string urlType, string? url, string? filePath,
        string format, string mediaType, long? size, string? sha, DateTimeOffset now) =>
        session.ExecuteAsync("""
            INSERT INTO ds_resources (id, dataset_id, position, name, description, url_type, url, file_path, format, media_type, size, sha256, last_modified_utc, created_utc)
            VALUES (@id, @datasetId, (SELECT COUNT(*) FROM ds_resources WHERE dataset_id = @datasetId), @name, @description, @urlType, @url, @filePath,
                    @format, @mediaType, @size, @sha, @now, @now)
            """, new { id, datasetId, name, description, urlType, url, filePath, format, mediaType, size, sha, now = UnixTime.Ms(now) });
}
