using OrchardSpbe.Content;

namespace OrchardSpbe.Contents.Editors;

/// <summary>What search engines and social networks show: a description and a sharing image.</summary>
public sealed class SeoPartEditor : IContentEditor
{
    public string Name => ContentParts.Seo;

    public async Task UpdateAsync(EditorContext context)
    {
        var description = context.Value("MetaDescription");
        var image = context.Value("SocialImage");
        context.Item.Apply(ContentParts.Seo, new SeoPart
        {
            MetaDescription = string.IsNullOrEmpty(description) ? null : description,
            SocialImage = string.IsNullOrEmpty(image) ? null : image,
        });
        if (description is { Length: > 300 }) context.Error("MetaDescription", context.T["Deskripsi paling banyak 300 karakter."]);
        // The sharing image becomes og:image: an image of this site's library, nothing else.
        if (image is { Length: > 0 }) await MediaReferences.CheckAsync(context, "SocialImage", [image], imagesOnly: true);
    }
}
