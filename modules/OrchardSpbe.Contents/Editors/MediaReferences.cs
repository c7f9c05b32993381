using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Media;

namespace OrchardSpbe.Contents.Editors;

/// <summary>
/// The server-side checks of what an editor says about media: the form offers only the library's files and
/// a 300-character alt text, but a forged or scripted post can send anything, so each path must name a
/// file of this site's library (an image where an image is shown) and the alt text must fit.
/// </summary>
public static class MediaReferences
{
    public const int MaxAltText = 300;

    /// <summary>More than an item ever shows; the form offers a handful.</summary>
    public const int MaxPaths = 20;

    /// <summary>The paths that name library files of the right kind; an error for <paramref name="key"/> for the rest.</summary>
    public static async Task<List<string>> CheckAsync(EditorContext context, string key, IEnumerable<string> paths, bool imagesOnly)
    {
        var distinct = paths.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count > MaxPaths)
        {
            context.Error(key, context.T["Paling banyak {0} berkas.", MaxPaths]);
            return [];
        }
        var library = context.Services.GetService<IMediaLibrary>();
        var found = new List<string>();
        foreach (var path in distinct)
        {
            var file = library is null || path.Length > 200 ? null : await library.FindAsync(path);
            if (file is null) context.Error(key, context.T["Berkas tidak ada di pustaka media: {0}", Shorten(path)]);
            else if (imagesOnly && !file.IsImage) context.Error(key, context.T["Berkas ini bukan gambar: {0}", Shorten(path)]);
            else found.Add(path);
        }
        return found;
    }

    /// <summary>Checks the alt text's length; returns it, or null when empty.</summary>
    public static string? AltText(EditorContext context, string key)
    {
        var alt = context.Value(key);
        if (alt is { Length: > MaxAltText }) context.Error(key, context.T["Teks alternatif paling banyak {0} karakter.", MaxAltText]);
        return string.IsNullOrEmpty(alt) ? null : alt;
    }

    // A refused path is echoed in the message; a megabyte of it would not help the editor.
    private static string Shorten(string path) => path.Length > 80 ? path[..80] + "…" : path;
}
