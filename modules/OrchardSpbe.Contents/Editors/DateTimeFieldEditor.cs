using OrchardSpbe.Localization;
using OrchardSpbe.Content;

namespace OrchardSpbe.Contents.Editors;

/// <summary>A moment, typed in WIB and stored in UTC.</summary>
public sealed class DateTimeFieldEditor : IContentEditor
{
    public string Name => ContentFieldTypes.DateTime;

    public Task UpdateAsync(EditorContext context)
    {
        var text = context.Value("Value") ?? "";
        context.FieldData["Value"] = null;
        if (text.Length == 0)
        {
            if (context.Field!.Required) context.Error("Value", context.T["{0} wajib diisi.", context.Label]);
        }
        else if (WibTime.TryParseInput(text, out var utc)) context.FieldData["Value"] = utc;
        else context.Error("Value", context.T["{0} bukan waktu yang valid.", context.Label]);
        return Task.CompletedTask;
    }
}
