using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Content;
using OrchardSpbe.Media;

namespace OrchardSpbe.Contents.Editors;

/// <summary>The item's images: upload a new one (stored in the media library), keep or remove existing ones, one alt text.</summary>
public sealed class MediaPartEditor : IContentEditor
{
    public string Name => ContentParts.Media;

    /// <summary>Images already in the library, to pick instead of uploading again.</summary>
    public async Task<IReadOnlyList<EditorOption>> OptionsAsync(EditorContext context)
    {
        if (context.Services.GetService<IMediaLibrary>() is not { } library) return [];
        var images = await library.RecentImagesAsync(50);
        return images.Select(i => new EditorOption(i.Path, string.IsNullOrEmpty(i.AltText) ? i.FileName : $"{i.FileName} — {i.AltText}")).ToList();
    }

    public async Task UpdateAsync(EditorContext context)
    {
        var alt = MediaReferences.AltText(context, "AltText");
        // The lead image is shown as an <img>: library images only, never a PDF.
        var paths = await MediaReferences.CheckAsync(context, "Paths", context.Values("Paths"), imagesOnly: true);
        var uploaded = await MediaUploads.UploadAsync(context, "Upload", alt, imagesOnly: true);
        if (uploaded is not null) paths.Insert(0, uploaded);
        context.Item.Apply(ContentParts.Media, new MediaPart { Paths = paths.Distinct().ToList(), AltText = alt });
        if (paths.Count > 0 && string.IsNullOrEmpty(alt))
            context.Error("AltText", context.T["Teks alternatif gambar wajib diisi (untuk pembaca layar)."]);
        if (context.Part?.Flag("Required") == true && paths.Count == 0 && !context.Errors.ContainsKey(context.NameOf("Upload")))
            context.Error("Upload", context.T["Gambar wajib diunggah."]);
    }
}
