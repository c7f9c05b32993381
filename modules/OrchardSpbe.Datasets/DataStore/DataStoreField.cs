using System.Globalization;

namespace OrchardSpbe.Datasets.DataStore;

/// <summary>
/// One column of a DataStore table: its name in the file (CKAN's field id), its SQL column (c1, c2, … — never the
/// user's text) and its type in CKAN's names: int8, numeric, timestamp (kept as ISO text, which sorts) or text.
/// </summary>
public sealed record DataStoreField(string Id, string Column, string Type)
{
    public static readonly IReadOnlyList<string> Types = [FieldTypes.Int, FieldTypes.Numeric, FieldTypes.Timestamp, FieldTypes.Text];

    /// <summary>The cell as the column stores it; null for an empty cell; throws FormatException for a cell of another type.</summary>
    public object? Convert(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell)) return null;
        cell = cell.Trim();
        return Type switch
        {
            FieldTypes.Int => long.Parse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
            FieldTypes.Numeric => double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture),
            FieldTypes.Timestamp => ParseTimestamp(cell) ?? throw new FormatException(),
            _ => cell,
        };
    }

    public static string? ParseTimestamp(string cell) =>
        DateTime.TryParseExact(cell, ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)
            : null;
}

public static class FieldTypes
{
    public const string Int = "int8";
    public const string Numeric = "numeric";
    public const string Timestamp = "timestamp";
    public const string Text = "text";
}

/// <summary>Infers each column's type from every cell: the narrowest type all non-empty cells fit (int8 ⊂ numeric; timestamp; else text).</summary>
public sealed class TypeInference(int width)
{
    private readonly bool[] _int = Enumerable.Repeat(true, width).ToArray();
    private readonly bool[] _numeric = Enumerable.Repeat(true, width).ToArray();
    private readonly bool[] _timestamp = Enumerable.Repeat(true, width).ToArray();
    private readonly bool[] _seen = new bool[width];

    public void Observe(string?[] row)
    {
        for (var i = 0; i < row.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(row[i])) continue;
            var cell = row[i]!.Trim();
            _seen[i] = true;
            if (_int[i] && !long.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) _int[i] = false;
            if (_numeric[i] && !double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) _numeric[i] = false;
            if (_timestamp[i] && DataStoreField.ParseTimestamp(cell) is null) _timestamp[i] = false;
        }
    }

    public string TypeOf(int column) =>
        !_seen[column] ? FieldTypes.Text
        : _int[column] ? FieldTypes.Int
        : _numeric[column] ? FieldTypes.Numeric
        : _timestamp[column] ? FieldTypes.Timestamp
        : FieldTypes.Text;
}
