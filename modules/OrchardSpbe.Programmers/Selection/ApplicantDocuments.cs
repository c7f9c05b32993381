using System.Security.Cryptography;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using OrchardSpbe.Data;
using OrchardSpbe.Localization;
using OrchardSpbe.Media;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Programmers.Selection;

/// <summary>
/// An applicant's documents: PDF or an image (a scan), told by their bytes — never by the name or the browser's
/// Content-Type, so a renamed executable is refused (Core's <see cref="ImageFormats"/>, as the media library does).
/// They are personal data: kept in the tenant's private folder (never under /media), read only through the selection
/// team's audited download.
/// </summary>
public sealed class ApplicantDocuments(AppDataFolder appData, TenantContext tenant, IOptions<ProgrammersOptions> options, IStringLocalizer<Strings> T)
{
    public sealed record Checked(string Kind, string FileName, string Extension, string ContentType, byte[] Bytes, string Sha256);

    /// <summary>The file's format by its first bytes, or null when it is neither PDF nor a web image.</summary>
    public static (string Extension, string ContentType)? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8)) return ("pdf", "application/pdf");
        return ImageFormats.Sniff(head) is { } image && image.Extension is "jpg" or "png" ? image : null;
    }

    /// <summary>Reads an upload within the size limit and checks its bytes; an error message in Indonesian otherwise.</summary>
    public async Task<(Checked? Document, string? Error)> CheckAsync(string kind, string fileName, Stream content, long length)
    {
        var label = T[DocumentKinds.Label(kind)].Value;
        if (length <= 0) return (null, T["Berkas {0} kosong.", label]);
        if (length > options.Value.MaxDocumentBytes) return (null, T["Berkas {0} lebih dari {1} MB.", label, options.Value.MaxDocumentBytes / (1024 * 1024)]);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        if (Sniff(bytes) is not { } format)
            return (null, T["Berkas {0} bukan PDF atau gambar (JPG, PNG): isinya diperiksa, bukan namanya.", label]);
        var name = Path.GetFileName(fileName);
        if (name.Length > 200) name = name[..200];
        return (new Checked(kind, name, format.Extension, format.ContentType, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes))), null);
    }

    public string FolderOf(string applicationId) => Path.Combine(appData.TenantFolder(tenant.Name), "programmers", "applications", applicationId);

    public string PathOf(string applicationId, string kind, string contentType) =>
        Path.Combine(FolderOf(applicationId), kind + (contentType == "application/pdf" ? ".pdf" : contentType == "image/png" ? ".png" : ".jpg"));

    public async Task WriteAsync(string applicationId, IEnumerable<Checked> documents)
    {
        Directory.CreateDirectory(FolderOf(applicationId));
        foreach (var document in documents)
            await File.WriteAllBytesAsync(PathOf(applicationId, document.Kind, document.ContentType), document.Bytes);
    }

    public void Delete(string applicationId)
    {
        var folder = FolderOf(applicationId);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
