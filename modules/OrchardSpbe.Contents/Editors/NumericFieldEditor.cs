using System.Globalization;
using OrchardSpbe.Content;

namespace OrchardSpbe.Contents.Editors;

/// <summary>A number (settings: Minimum, Maximum); accepts "1.234,5" as Indonesians write it and "1234.5".</summary>
public sealed class NumericFieldEditor : IContentEditor
{
    public string Name => ContentFieldTypes.Numeric;

    public Task UpdateAsync(EditorContext context)
    {
        var text = context.Value("Value") ?? "";
        context.FieldData["Value"] = null;
        if (text.Length == 0)
        {
            if (context.Field!.Required) context.Error("Value", context.T["{0} wajib diisi.", context.Label]);
            return Task.CompletedTask;
        }
        if (!TryParse(text, out var value))
        {
            context.FieldData["Raw"] = text;
            context.Error("Value", context.T["{0} harus berupa angka.", context.Label]);
            return Task.CompletedTask;
        }
        context.FieldData["Value"] = value;
        if (decimal.TryParse(context.Setting("Minimum"), CultureInfo.InvariantCulture, out var min) && value < min)
            context.Error("Value", context.T["{0} paling kecil {1}.", context.Label, min]);
        if (decimal.TryParse(context.Setting("Maximum"), CultureInfo.InvariantCulture, out var max) && value > max)
            context.Error("Value", context.T["{0} paling besar {1}.", context.Label, max]);
        return Task.CompletedTask;
    }

    private static bool TryParse(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out value)
        || decimal.TryParse(text, NumberStyles.Number, CultureInfo.GetCultureInfo("id-ID"), out value);
}
