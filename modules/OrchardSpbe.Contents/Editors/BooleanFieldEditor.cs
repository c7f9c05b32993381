using OrchardSpbe.Content;

namespace OrchardSpbe.Contents.Editors;

public sealed class BooleanFieldEditor : IContentEditor
{
    public string Name => ContentFieldTypes.Boolean;

    public Task UpdateAsync(EditorContext context)
    {
        context.FieldData["Value"] = context.Values("Value").Contains("true");
        return Task.CompletedTask;
    }
}
