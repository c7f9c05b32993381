using OrchardSpbe.Localization;
using OrchardSpbe.Content;

namespace OrchardSpbe.Contents.Editors;

/// <summary>An agenda event: when it starts and ends (WIB) and where.</summary>
public sealed class EventPartEditor : IContentEditor
{
    public string Name => ContentParts.Event;

    public Task UpdateAsync(EditorContext context)
    {
        var part = new EventPart { Place = NullIfEmpty(context.Value("Place")) };
        var start = context.Value("Start");
        var end = context.Value("End");
        if (string.IsNullOrEmpty(start)) context.Error("Start", context.T["Waktu mulai wajib diisi."]);
        else if (!WibTime.TryParseInput(start, out var startUtc)) context.Error("Start", context.T["Waktu mulai tidak valid."]);
        else part.StartUtc = startUtc;
        if (!string.IsNullOrEmpty(end))
        {
            if (!WibTime.TryParseInput(end, out var endUtc)) context.Error("End", context.T["Waktu selesai tidak valid."]);
            else if (part.StartUtc is { } s && endUtc < s) context.Error("End", context.T["Waktu selesai tidak boleh sebelum waktu mulai."]);
            else part.EndUtc = endUtc;
        }
        if (part.Place is { Length: > 200 }) context.Error("Place", context.T["Tempat paling banyak 200 karakter."]);
        context.Item.Apply(ContentParts.Event, part);
        return Task.CompletedTask;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
