using OrchardSpbe.Content;

namespace OrchardSpbe.Contents.Editors;

public sealed class TitlePartEditor : IContentEditor
{
    public string Name => ContentParts.Title;

    public Task UpdateAsync(EditorContext context)
    {
        var title = context.Value("Title") ?? "";
        context.Item.Apply(ContentParts.Title, new TitlePart { Title = title });
        if (title.Length == 0) context.Error("Title", context.T["Judul wajib diisi."]);
        else if (title.Length > 300) context.Error("Title", context.T["Judul paling banyak 300 karakter."]);
        return Task.CompletedTask;
    }
}
