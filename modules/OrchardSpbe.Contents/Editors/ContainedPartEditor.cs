using OrchardSpbe.Content;

namespace OrchardSpbe.Contents.Editors;

/// <summary>Which list (news list, agenda) the item belongs to: one of the lists whose ListPart accepts its type.</summary>
public sealed class ContainedPartEditor(ContentStore store, ContentDefinitionStore definitions) : IContentEditor
{
    public string Name => ContentParts.Contained;

    public async Task<IReadOnlyList<EditorOption>> OptionsAsync(EditorContext context)
    {
        var listTypes = (await definitions.GetAsync()).Types
            .Where(t => t.Part(ContentParts.List)?.List("ContainedContentTypes").Contains(context.Type.Name) == true)
            .Select(t => t.Name).ToList();
        if (listTypes.Count == 0) return [];
        var lists = await store.QueryAsync(new ContentQuery { ContentTypes = listTypes, Order = ContentOrder.TitleAsc, PageSize = 200 });
        return lists.Items.Select(l => new EditorOption(l.ContentItemId, l.DisplayText)).ToList();
    }

    public async Task UpdateAsync(EditorContext context)
    {
        var listId = context.Value("ListContentItemId") ?? "";
        context.Item.Apply(ContentParts.Contained, new ContainedPart { ListContentItemId = listId });
        var options = await OptionsAsync(context);
        if (listId.Length == 0 && options.Count > 0) context.Error("ListContentItemId", context.T["Pilih daftar tempat konten ini dimuat."]);
        else if (listId.Length > 0 && options.All(o => o.Value != listId)) context.Error("ListContentItemId", context.T["Daftar yang dipilih tidak ada."]);
    }
}
