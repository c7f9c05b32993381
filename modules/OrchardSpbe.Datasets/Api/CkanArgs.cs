using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrchardSpbe.Datasets.Api;

/// <summary>
/// An action's data dict, as CKAN builds it: from the query string for a read action called by GET (a key given once
/// is a string, several times a list), else from the JSON body. Its readers apply CKAN's validators and messages
/// ("Must be a natural number", "Invalid integer", "Missing value") and its clamps.
/// </summary>
public sealed class CkanArgs(JsonObject data)
{
    public JsonObject Data => data;

    public bool Has(string key) => data[key] is not null;

    public string? String(string key) => data[key] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value => value.ToJsonString(),
        _ => throw new CkanValidation(key, "Must be a string"),
    };

    public string Required(string key) =>
        String(key) is { Length: > 0 } value ? value : throw new CkanValidation(key, "Missing value");

    /// <summary>A natural number (0, 1, …) defaulting to <paramref name="fallback"/>, clamped to <paramref name="max"/>.</summary>
    public int Natural(string key, int fallback, int max = int.MaxValue)
    {
        var value = Integer(key, fallback);
        if (value < 0) throw new CkanValidation(key, "Must be a natural number");
        return Math.Min(value, max);
    }

    public int Integer(string key, int fallback)
    {
        if (data[key] is not JsonValue node) return data[key] is null ? fallback : throw new CkanValidation(key, "Invalid integer");
        if (node.TryGetValue<int>(out var number)) return number;
        if (node.TryGetValue<long>(out var big)) return big > 0 ? int.MaxValue : int.MinValue;
        if (node.TryGetValue<string>(out var text) && long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
            return (int)Math.Clamp(parsed, int.MinValue, int.MaxValue);
        throw new CkanValidation(key, "Invalid integer");
    }

    public bool Boolean(string key, bool fallback) => data[key] switch
    {
        null => fallback,
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        JsonValue value when value.TryGetValue<string>(out var text) => text.Trim().ToLowerInvariant() switch
        {
            "true" or "1" or "yes" or "on" => true,
            "false" or "0" or "no" or "off" or "" => false,
            _ => throw new CkanValidation(key, "Value must be one of: true, false"),
        },
        _ => throw new CkanValidation(key, "Value must be one of: true, false"),
    };

    /// <summary>A list of strings, given as a JSON list or as a string holding one (CKAN's convert_to_json_if_string).</summary>
    public IReadOnlyList<string>? StringList(string key)
    {
        var node = data[key];
        if (node is null) return null;
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            var trimmed = text.Trim();
            if (!trimmed.StartsWith('[')) return trimmed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            try { node = JsonNode.Parse(trimmed); }
            catch (JsonException) { throw new CkanValidation(key, "Could not parse as valid JSON"); }
        }
        if (node is not JsonArray array) throw new CkanValidation(key, "Not a list");
        return array.Select(item => item is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new CkanValidation(key, "Not a string")).ToList();
    }

    /// <summary>A JSON object, given as one or as a string holding one.</summary>
    public JsonObject? Object(string key)
    {
        var node = data[key];
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            try { node = JsonNode.Parse(text); }
            catch (JsonException) { throw new CkanValidation(key, "Could not parse as valid JSON"); }
        }
        return node switch { null => null, JsonObject o => o, _ => throw new CkanValidation(key, "Not a dict") };
    }

    public static CkanArgs FromQuery(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> query)
    {
        var data = new JsonObject();
        foreach (var (key, values) in query)
            data[key] = values.Count == 1 ? JsonValue.Create(values[0]) : new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        return new CkanArgs(data);
    }
}
