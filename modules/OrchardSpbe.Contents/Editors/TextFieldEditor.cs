using OrchardSpbe.Content;

namespace OrchardSpbe.Contents.Editors;

/// <summary>Plain text (settings: Multiline, MaxLength); shown encoded, never as HTML.</summary>
public sealed class TextFieldEditor : IContentEditor
{
    public string Name => ContentFieldTypes.Text;

    public Task UpdateAsync(EditorContext context)
    {
        var text = context.Value("Text") ?? "";
        context.FieldData["Text"] = text;
        var max = int.TryParse(context.Setting("MaxLength"), out var m) ? m : 2000;
        if (context.Field!.Required && text.Length == 0) context.Error("Text", context.T["{0} wajib diisi.", context.Label]);
        else if (text.Length > max) context.Error("Text", context.T["{0} paling banyak {1} karakter.", context.Label, max]);
        return Task.CompletedTask;
    }
}
