using OrchardSpbe.Data;
using OrchardSpbe.Media;

namespace OrchardSpbe.Admin.Services;

/// <summary>
/// The site logo in the tenant's own folder. The type is decided by the file's bytes, never its name:
/// an .exe renamed .png is refused. SVG is refused too (it can carry script).
/// </summary>
public sealed class LogoFiles(AppDataFolder appData)
{
    public const long MaxBytes = 1024 * 1024;

    /// <summary>The format of the bytes, or null when they are not an accepted image.</summary>
    public static (string Extension, string ContentType)? Sniff(ReadOnlySpan<byte> header) => ImageFormats.Sniff(header);

    public string PathOf(string tenant, string fileName) => Path.Combine(appData.TenantFolder(tenant), "site", fileName);

    public async Task<string> SaveAsync(string tenant, byte[] content, string extension)
    {
        var fileName = $"logo-{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}.{extension}";
        var path = PathOf(tenant, fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content);
        return fileName;
    }

    public static string ContentTypeOf(string fileName) => ImageFormats.ContentTypeOf(Path.GetExtension(fileName));
}
