using OrchardSpbe.Data;

namespace OrchardSpbe.Admin.Services;

/// <summary>
/// The site logo in the tenant's own folder. The type is decided by the file's bytes, never its name:
/// an .exe renamed .png is refused. SVG is refused too (it can carry script).
/// </summary>
public sealed class LogoFiles(AppDataFolder appData)
{
    public const long MaxBytes = 1024 * 1024;

    private static readonly (string Extension, string ContentType, byte[] Magic)[] Formats =
    [
        ("png", "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("jpg", "image/jpeg", [0xFF, 0xD8, 0xFF]),
        ("gif", "image/gif", [0x47, 0x49, 0x46, 0x38]),
    ];

    /// <summary>The format of the bytes, or null when they are not an accepted image.</summary>
    public static (string Extension, string ContentType)? Sniff(ReadOnlySpan<byte> header)
    {
        foreach (var (extension, contentType, magic) in Formats)
            if (header.StartsWith(magic)) return (extension, contentType);
        // WebP: "RIFF" .... "WEBP"
        if (header.Length >= 12 && header[..4].SequenceEqual("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
            return ("webp", "image/webp");
        return null;
    }

    public string PathOf(string tenant, string fileName) => Path.Combine(appData.TenantFolder(tenant), "site", fileName);

    public async Task<string> SaveAsync(string tenant, byte[] content, string extension)
    {
        var fileName = $"logo-{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}.{extension}";
        var path = PathOf(tenant, fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content);
        return fileName;
    }

    public static string ContentTypeOf(string fileName) => Path.GetExtension(fileName) switch
    {
        ".png" => "image/png",
        ".jpg" => "image/jpeg",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        _ => "application/octet-stream",
    };
}
