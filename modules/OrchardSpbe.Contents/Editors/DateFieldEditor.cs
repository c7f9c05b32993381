using System.Globalization;
using OrchardSpbe.Content;

namespace OrchardSpbe.Contents.Editors;

/// <summary>A calendar date (no time), stored as "yyyy-MM-dd".</summary>
public sealed class DateFieldEditor : IContentEditor
{
    public string Name => ContentFieldTypes.Date;

    public Task UpdateAsync(EditorContext context)
    {
        var text = context.Value("Value") ?? "";
        context.FieldData["Value"] = text.Length == 0 ? null : text;
        if (text.Length == 0)
        {
            if (context.Field!.Required) context.Error("Value", context.T["{0} wajib diisi.", context.Label]);
        }
        else if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            context.Error("Value", context.T["{0} bukan tanggal yang valid.", context.Label]);
        return Task.CompletedTask;
    }
}
