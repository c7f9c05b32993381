using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Media;

namespace OrchardSpbe.Contents.Editors;

/// <summary>Stores a file chosen in a content editor in the tenant's media library (through the Media module).</summary>
public static class MediaUploads
{
    /// <summary>The stored file's library path, or null after adding an error for <paramref name="key"/>.</summary>
    public static async Task<string?> UploadAsync(EditorContext context, string key, string? altText, bool imagesOnly)
    {
        var file = context.File(key);
        // A refused alt text already has its message; the file is not stored under it.
        if (file is null || altText is { Length: > MediaReferences.MaxAltText }) return null;
        // Where an image is shown, anything else is refused before it reaches the library (nothing stored).
        if (imagesOnly && !await IsImageAsync(file))
        {
            context.Error(key, context.T["Berkas ini bukan gambar: {0}", Path.GetFileName(file.FileName)]);
            return null;
        }
        var library = context.Services.GetService<IMediaLibrary>();
        if (library is null)
        {
            context.Error(key, context.T["Pustaka media tidak aktif di situs ini."]);
            return null;
        }
        await using var stream = file.OpenReadStream();
        var result = await library.UploadAsync(file.FileName, stream, altText);
        if (!result.Succeeded)
        {
            context.Error(key, result.Error!);
            return null;
        }
        return result.File!.Path;
    }

    private static async Task<bool> IsImageAsync(IFormFile file)
    {
        var header = new byte[12];
        await using var stream = file.OpenReadStream();
        var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false);
        return ImageFormats.Sniff(header.AsSpan(0, read)) is not null;
    }
}
