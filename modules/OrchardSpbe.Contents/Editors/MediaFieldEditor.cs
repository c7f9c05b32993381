using System.Text.Json.Nodes;
using OrchardSpbe.Content;

namespace OrchardSpbe.Contents.Editors;

/// <summary>A file from the media library (an upload here stores it there), with its alt text.</summary>
public sealed class MediaFieldEditor : IContentEditor
{
    public string Name => ContentFieldTypes.Media;

    public async Task UpdateAsync(EditorContext context)
    {
        var alt = MediaReferences.AltText(context, "AltText");
        // A media field may hold a document (a PDF of a regulation); it must still be a file of the library.
        var paths = (await MediaReferences.CheckAsync(context, "Paths", context.Values("Paths"), imagesOnly: false)).Take(1).ToList();
        var uploaded = await MediaUploads.UploadAsync(context, "Upload", alt, imagesOnly: false);
        if (uploaded is not null) paths = [uploaded];
        context.FieldData["Paths"] = new JsonArray(paths.Select(p => (JsonNode?)p).ToArray());
        context.FieldData["AltText"] = alt;
        if (context.Field!.Required && paths.Count == 0 && !context.Errors.ContainsKey(context.NameOf("Upload")))
            context.Error("Upload", context.T["{0} wajib diunggah.", context.Label]);
    }
}
