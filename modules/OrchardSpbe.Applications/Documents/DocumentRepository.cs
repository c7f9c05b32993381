using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Applications.Register;
using OrchardSpbe.Audit;
using OrchardSpbe.Data;
using OrchardSpbe.Localization;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Applications.Documents;

/// <summary>
/// An application's document repository on its PD (002 Pasal 13(5)): each upload a new version of its kind, with the
/// uploader and date, checked by its bytes (a renamed executable or a file of the wrong kind is refused and nothing is
/// kept), stored in the tenant's own App_Data folder so the tenant's backup holds it.
/// </summary>
public sealed class DocumentRepository(TenantSession session, TenantContext tenant, AppDataFolder appData, AuditLog audit, TimeProvider clock, IStringLocalizer<Strings> T)
{
    public const long MaxUploadBytes = 50L * 1024 * 1024;

    public string FolderOf(string applicationId) => appData.Combine("Sites", tenant.Name, "aplikasi", applicationId);

    public async Task<string?> UploadAsync(string applicationId, string? kindCode, IFormFile? file, string? userName)
    {
        if (DocumentKinds.Find(kindCode) is not { } kind) return T["Pilih jenis dokumen."];
        if (file is null || file.Length == 0) return T["Pilih berkas untuk diunggah."];
        if (file.Length > MaxUploadBytes) return T["Berkas terlalu besar (paling besar {0} MB).", MaxUploadBytes / 1024 / 1024];
        var folder = FolderOf(applicationId);
        Directory.CreateDirectory(folder);
        var id = Guid.NewGuid().ToString("N")[..20];
        var temporary = Path.Combine(folder, id + ".unggah");
        try
        {
            await using (var target = File.Create(temporary)) await file.CopyToAsync(target);
            if (DocumentFormats.Detect(temporary, file.FileName) is not { } format)
                return T["Isi berkas {0} tidak dikenali sebagai dokumen (PDF, DOCX, ODT, XLSX, PPTX, ZIP, PNG atau JPG); berkas program tidak diterima.", Path.GetFileName(file.FileName)];
            if (!kind.Formats.Contains(format.Format))
                return T["{0} harus berupa {1}; berkas ini {2}.", T[kind.Label], string.Join(", ", kind.Formats.Select(DocumentFormats.Label)), DocumentFormats.Label(format.Format)];
            string sha;
            await using (var source = File.OpenRead(temporary)) sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(source));
            var stored = id + "." + format.Format;
            await using var transaction = await session.BeginTransactionAsync();
            var version = await session.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(version), 0) FROM app_documents WHERE application_id = @applicationId AND kind = @kind",
                new { applicationId, kind = kind.Code }) + 1;
            var fileName = Path.GetFileName(file.FileName);
            if (fileName.Length > 200) fileName = fileName[^200..];
            await session.ExecuteAsync("""
                INSERT INTO app_documents (id, application_id, kind, version, file_name, stored_name, content_type, size, sha256, uploaded_by, uploaded_utc)
                VALUES (@id, @applicationId, @kind, @version, @fileName, @stored, @contentType, @size, @sha, @userName, @now)
                """, new { id, applicationId, kind = kind.Code, version, fileName, stored, contentType = format.ContentType, size = file.Length, sha, userName, now = UnixTime.Ms(clock.GetUtcNow()) });
            await audit.RecordAsync("application.document.uploaded", applicationId, $"{kind.Code} v{version}: {fileName} ({file.Length} B, sha256 {sha})", userName);
            File.Move(temporary, Path.Combine(folder, stored));
            await transaction.CommitAsync();
            return null;
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    public async Task<DocumentRecord?> FindAsync(string applicationId, string documentId) =>
        await session.QuerySingleOrDefaultAsync<DocumentRecord>("SELECT * FROM app_documents WHERE application_id = @applicationId AND id = @documentId", new { applicationId, documentId });

    public string PathOf(DocumentRecord document) => Path.Combine(FolderOf(document.ApplicationId), document.StoredName);

    /// <summary>
    /// The latest version of each kind for the hand-over to Diskominfo's repository: every one listed, but only those
    /// whose SHA-256 the portal does not already hold (<paramref name="held"/>) carry their bytes.
    /// </summary>
    public async Task<IReadOnlyList<DocumentCopy>> LatestCopiesAsync(string applicationId, IReadOnlySet<string> held)
    {
        var latest = (await session.QueryAsync<DocumentRecord>("SELECT * FROM app_documents WHERE application_id = @applicationId", new { applicationId }))
            .GroupBy(d => d.Kind).Select(g => g.MaxBy(d => d.Version)!).ToList();
        var copies = new List<DocumentCopy>();
        foreach (var d in latest)
        {
            string? content = null;
            if (!held.Contains(d.Sha256))
            {
                var path = PathOf(d);
                content = Convert.ToBase64String(File.Exists(path) ? await File.ReadAllBytesAsync(path) : []);
            }
            copies.Add(new DocumentCopy(d.Id, d.Kind, d.Version, d.FileName, d.ContentType, d.Size, d.Sha256, d.UploadedBy, d.UploadedUtc, content));
        }
        return copies;
    }

    /// <summary>The SHA-256 of the documents of an application the portal holds, as its last decision said.</summary>
    public async Task<IReadOnlySet<string>> HeldByPortalAsync(string applicationId) =>
        (await session.QueryAsync<string>("SELECT sha256 FROM app_portal_documents WHERE application_id = @applicationId", new { applicationId })).ToHashSet();
}

/// <summary>A document as it travels to the portal's repository: its record, and its bytes (base64) unless the portal holds them already.</summary>
public sealed record DocumentCopy(string Id, string Kind, int Version, string FileName, string ContentType, long Size, string Sha256,
    string? UploadedBy, DateTimeOffset UploadedUtc, string? Content);
