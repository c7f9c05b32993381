using System.Globalization;

namespace OrchardSpbe.Media.Services;

/// <summary>How the admin writes file sizes: 512 B, 34,2 KB, 3,1 MB (in the UI culture's number format).</summary>
public static class MediaText
{
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => bytes.ToString(CultureInfo.CurrentCulture) + " B",
        < 1024 * 1024 => (bytes / 1024d).ToString("0.#", CultureInfo.CurrentCulture) + " KB",
        _ => (bytes / (1024d * 1024)).ToString("0.#", CultureInfo.CurrentCulture) + " MB",
    };
}
