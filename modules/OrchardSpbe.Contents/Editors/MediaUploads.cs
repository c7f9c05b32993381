using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Media;

namespace OrchardSpbe.Contents.Editors;

/// <summary>Stores a file chosen in a content editor in the tenant's media library (through the Media module).</summary>
public static class MediaUploads
{
    /// <summary>The stored file's library path, or null after adding an error for <paramref name="key"/>.</summary>
    public static async Task<string?> UploadAsync(EditorContext context, string key, string? altText)
    {
        var file = context.File(key);
        if (file is null) return null;
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
}
