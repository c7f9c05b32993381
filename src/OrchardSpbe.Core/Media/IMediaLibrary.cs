namespace OrchardSpbe.Media;

/// <summary>
/// The current tenant's media library, as content editors and other modules see it. The Media module
/// implements it; the framework and other modules only know this contract.
/// </summary>
public interface IMediaLibrary
{
    /// <summary>
    /// Checks an uploaded file (its bytes, not its name; the tenant's allowed types and size limit) and stores it.
    /// A refusal carries a message in the UI language and stores nothing.
    /// </summary>
    Task<MediaUploadResult> UploadAsync(string fileName, Stream content, string? altText, CancellationToken cancellationToken = default);

    /// <summary>A stored file by its library path (e.g. "2026/11/posyandu.jpg"), or null.</summary>
    Task<MediaFile?> FindAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>The newest images of the library, for editors to pick one already uploaded.</summary>
    Task<IReadOnlyList<MediaFile>> RecentImagesAsync(int take, CancellationToken cancellationToken = default);
}

/// <summary>A file in a tenant's media library. <see cref="Path"/> is relative to the library; the public URL is "/media/" + Path.</summary>
public sealed record MediaFile(string Path, string FileName, string ContentType, long Length, string? AltText, int? Width, int? Height, DateTimeOffset UploadedUtc)
{
    public string Url => UrlOf(Path);

    /// <summary>The same image resized to at most <paramref name="width"/> pixels wide (originals are kept).</summary>
    public string UrlAtWidth(int width) => UrlOf(Path, width);

    /// <summary>The site-relative URL of a library path ("/media/2026/11/foto.jpg"), resized when a width is given.</summary>
    public static string UrlOf(string path, int? width = null) =>
        "/media/" + path.TrimStart('/') + (width is { } w ? "?w=" + w.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");

    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}

public sealed record MediaUploadResult(MediaFile? File, string? Error)
{
    public bool Succeeded => File is not null;
    public static MediaUploadResult Ok(MediaFile file) => new(file, null);
    public static MediaUploadResult Fail(string error) => new(null, error);
}
