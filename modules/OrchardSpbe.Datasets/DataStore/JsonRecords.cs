using System.Text.Json;
using Microsoft.Extensions.Localization;
using OrchardSpbe.Localization;

namespace OrchardSpbe.Datasets.DataStore;

/// <summary>
/// A JSON resource as a table (001 Pasal 16: data exchanged for automatic processing): a list of flat records, either
/// the whole file (<c>[{…}, {…}]</c>, streamed) or the first list of records inside an object (<c>{"data": […]}</c>,
/// CKAN's <c>{"result": {"records": […]}}</c>). The first record's keys are the header; a nested value is kept as
/// its JSON text. Anything else is not a table, and says why.
/// </summary>
public static class JsonRecords
{
    public static IEnumerable<string?[]> Read(string path, IStringLocalizer<Strings> T)
    {
        using var stream = File.OpenRead(path);
        var first = FirstSignificantByte(stream);
        stream.Position = 0;
        IEnumerable<JsonElement> records;
        JsonDocument? document = null;
        try
        {
            if (first == '[')
                records = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, Options).ToBlockingEnumerable();
            else if (first == '{')
            {
                document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 64 });
                records = FindRecords(document.RootElement, depth: 0) is { } found ? found.EnumerateArray() : throw NotRecords(T);
            }
            else throw NotRecords(T);
        }
        catch (JsonException exception) { throw Invalid(T, exception); }

        using (document)
        {
            string[]? header = null;
            long index = 0;
            using var enumerator = records.GetEnumerator();
            while (true)
            {
                try { if (!enumerator.MoveNext()) yield break; }
                catch (JsonException exception) { throw Invalid(T, exception); }
                index++;
                var record = enumerator.Current;
                if (record.ValueKind != JsonValueKind.Object) throw NotRecords(T);
                if (header is null)
                {
                    header = record.EnumerateObject().Select(p => p.Name).ToArray();
                    yield return header;
                }
                var cells = new string?[header.Length];
                foreach (var property in record.EnumerateObject())
                {
                    var column = Array.IndexOf(header, property.Name);
                    if (column < 0)
                        throw new TabularFileException(index + 1, T["Rekaman ke-{0} memiliki kolom \"{1}\" yang tidak ada pada rekaman pertama.", index, property.Name]);
                    cells[column] = Text(property.Value);
                }
                yield return cells;
            }
        }
    }

    private static readonly JsonSerializerOptions Options = new() { MaxDepth = 64 };

    private static JsonElement? FindRecords(JsonElement element, int depth)
    {
        if (depth > 3 || element.ValueKind != JsonValueKind.Object) return null;
        foreach (var property in element.EnumerateObject())
            if (property.Value.ValueKind == JsonValueKind.Array && property.Value.GetArrayLength() > 0 && property.Value[0].ValueKind == JsonValueKind.Object)
                return property.Value;
        foreach (var property in element.EnumerateObject())
            if (FindRecords(property.Value, depth + 1) is { } found) return found;
        return null;
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(), // numbers as written; nested objects and lists as their JSON
    };

    private static int FirstSignificantByte(Stream stream)
    {
        int b;
        do b = stream.ReadByte(); while (b is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF);
        return b;
    }

    private static TabularFileException NotRecords(IStringLocalizer<Strings> T) =>
        new(0, T["Berkas JSON ini bukan daftar rekaman (larik objek), jadi tidak dimuat ke DataStore."]);

    private static TabularFileException Invalid(IStringLocalizer<Strings> T, JsonException exception) =>
        new((exception.LineNumber ?? -1) + 1, T["Berkas JSON tidak sah (baris {0}): {1}", (exception.LineNumber ?? 0) + 1, exception.Message]);
}
