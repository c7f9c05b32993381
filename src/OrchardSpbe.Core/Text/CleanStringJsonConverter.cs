using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrchardSpbe.Text;

/// <summary>
/// The JSON side of the input door (<see cref="Hosting.InputTextFilter"/> is the form side): every string an
/// API reads loses the characters XML cannot carry ("\u0000" is valid JSON but not a valid title).
/// </summary>
public sealed class CleanStringJsonConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? XmlText.Clean(reader.GetString()!)
        : throw new JsonException($"Expected a string, found {reader.TokenType}.");

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
