namespace OrchardSpbe.Media;

/// <summary>
/// The web image formats the platform accepts (PNG, JPEG, GIF, WebP), told by their first bytes — never by a
/// file's name or the browser's Content-Type, so an .exe renamed .jpg is not an image. SVG is never one (it can
/// carry script). Logos and the media library share this one table.
/// </summary>
public static class ImageFormats
{
    private static readonly (string Extension, string ContentType, byte[] Magic)[] Signatures =
    [
        ("png", "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("jpg", "image/jpeg", [0xFF, 0xD8, 0xFF]),
        ("gif", "image/gif", "GIF87a"u8.ToArray()),
        ("gif", "image/gif", "GIF89a"u8.ToArray()),
    ];

    /// <summary>The image format of bytes starting with <paramref name="header"/> (12 bytes suffice), or null.</summary>
    public static (string Extension, string ContentType)? Sniff(ReadOnlySpan<byte> header)
    {
        foreach (var (extension, contentType, magic) in Signatures)
            if (header.StartsWith(magic)) return (extension, contentType);
        // WebP: "RIFF" <size> "WEBP"
        if (header.Length >= 12 && header[..4].SequenceEqual("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
            return ("webp", "image/webp");
        return null;
    }

    /// <summary>The Content-Type of a stored image by its extension (".png" or "png").</summary>
    public static string ContentTypeOf(string extension) => extension.TrimStart('.').ToLowerInvariant() switch
    {
        "png" => "image/png",
        "jpg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        _ => "application/octet-stream",
    };
}
