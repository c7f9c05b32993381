using OrchardSpbe.Content;
using System.Globalization;
using System.Text.RegularExpressions;
using OrchardSpbe.Data;

namespace OrchardSpbe.Media.Services;

/// <summary>
/// Where a tenant's media lives on disk: App_Data/Sites/&lt;tenant&gt;/media/yyyy/MM/&lt;safe-name&gt;, resized
/// copies in a ".cache" folder beside the originals. Library paths are checked against one strict shape
/// before they touch the file system, so no path can leave the tenant's media folder.
/// </summary>
public sealed partial class MediaFolders(AppDataFolder appData)
{
    public const string CacheFolder = ".cache";

    public string Root(string tenant) => Path.Combine(appData.TenantFolder(tenant), "media");

    /// <summary>Uploads are spooled here first; the folder is on the same disk, so the final move is a rename.</summary>
    public string Incoming(string tenant) => Path.Combine(Root(tenant), ".incoming");

    /// <summary>True for a path the library could have written: "2026/11/posyandu-2.jpg".</summary>
    public static bool IsLibraryPath(string? path) => path is not null && LibraryPath().IsMatch(path);

    /// <summary>The file of a library path, or null when the path is not one.</summary>
    public string? FileOf(string tenant, string path)
    {
        if (!IsLibraryPath(path)) return null;
        var root = Root(tenant);
        var full = Path.GetFullPath(Path.Combine(root, path));
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    /// <summary>The cached copy of an image at a width: "2026/11/.cache/posyandu-2.w320.jpg".</summary>
    public static string CachedFile(string original, int width, string extension) =>
        Path.Combine(Path.GetDirectoryName(original)!, CacheFolder,
            Path.GetFileNameWithoutExtension(original) + ".w" + width.ToString(CultureInfo.InvariantCulture) + "." + extension);

    /// <summary>"Foto Posyandu (Mei).JPG" → "foto-posyandu-mei": lower-case ASCII letters, digits and hyphens.</summary>
    public static string Slug(string fileName) =>
        Slugs.FromText(Path.GetFileNameWithoutExtension(Path.GetFileName(fileName.Replace('\\', '/')))) is { Length: > 0 } slug ? slug : "berkas";

    [GeneratedRegex(@"^[0-9]{4}/[0-9]{2}/[a-z0-9]+(-[a-z0-9]+)*\.[a-z0-9]{2,5}$")]
    private static partial Regex LibraryPath();
}
