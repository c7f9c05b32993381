using OrchardSpbe.Content;

namespace OrchardSpbe.Contents.Editors;

/// <summary>Links to other items (setting "ContentTypes": which types may be picked; "Multiple").</summary>
public sealed class ContentPickerFieldEditor(ContentStore store) : IContentEditor
{
    public string Name => ContentFieldTypes.ContentPicker;

    public async Task<IReadOnlyList<EditorOption>> OptionsAsync(EditorContext context)
    {
        var types = context.Field!.Settings["ContentTypes"] is System.Text.Json.Nodes.JsonArray array
            ? array.Select(n => n!.GetValue<string>()).ToList() : null;
        var items = await store.QueryAsync(new ContentQuery { ContentTypes = types, Order = ContentOrder.TitleAsc, PageSize = 200 });
        return items.Items.Where(i => i.ContentItemId != context.Item.ContentItemId).Select(i => new EditorOption(i.ContentItemId, i.DisplayText)).ToList();
    }

    public async Task UpdateAsync(EditorContext context)
    {
        var picked = context.Values("ContentItemIds").Distinct().ToList();
        if (context.Setting("Multiple") != "true" && picked.Count > 1) picked = picked.Take(1).ToList();
        context.FieldData["ContentItemIds"] = new System.Text.Json.Nodes.JsonArray(picked.Select(p => (System.Text.Json.Nodes.JsonNode?)p).ToArray());
        if (context.Field!.Required && picked.Count == 0) context.Error("ContentItemIds", context.T["{0} wajib dipilih.", context.Label]);
        var allowed = (await OptionsAsync(context)).Select(o => o.Value).ToHashSet();
        if (picked.Any(p => !allowed.Contains(p))) context.Error("ContentItemIds", context.T["Konten yang dipilih tidak ada."]);
    }
}
