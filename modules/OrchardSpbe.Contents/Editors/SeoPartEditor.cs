using OrchardSpbe.Content;

namespace OrchardSpbe.Contents.Editors;

/// <summary>What search engines and social networks show: a description and a sharing image.</summary>
public sealed class SeoPartEditor : IContentEditor
{
    public string Name => ContentParts.Seo;

    public Task UpdateAsync(EditorContext context)
    {
        var description = context.Value("MetaDescription");
        var image = context.Value("SocialImage");
        context.Item.Apply(ContentParts.Seo, new SeoPart
        {
            MetaDescription = string.IsNullOrEmpty(description) ? null : description,
            SocialImage = string.IsNullOrEmpty(image) ? null : image,
        });
        if (description is { Length: > 300 }) context.Error("MetaDescription", context.T["Deskripsi paling banyak 300 karakter."]);
        if (image is { Length: > 0 } && (image.Contains("..") || image.Contains(':')))
            context.Error("SocialImage", context.T["Gambar harus berupa berkas dari pustaka media."]);
        return Task.CompletedTask;
    }
}
