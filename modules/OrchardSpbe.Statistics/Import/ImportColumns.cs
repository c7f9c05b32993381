namespace OrchardSpbe.Statistics.Import;

/// <summary>
/// The columns of an import (and export) file, one observation per row: periode, wilayah, disagregasi, nilai,
/// status, catatan. English headers are accepted too; order does not matter; periode, wilayah and nilai are required.
/// </summary>
public static class ImportColumns
{
    public const string Period = "periode";
    public const string Area = "wilayah";
    public const string Disaggregation = "disagregasi";
    public const string Value = "nilai";
    public const string Status = "status";
    public const string Note = "catatan";

    public static readonly IReadOnlyList<string> All = [Period, Area, Disaggregation, Value, Status, Note];
    public static readonly IReadOnlyList<string> Required = [Period, Area, Value];

    /// <summary>A cap well above the six real columns: a file with a million columns is refused at its header.</summary>
    public const int MaxColumns = 20;

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["periode"] = Period, ["period"] = Period, ["time_period"] = Period,
        ["wilayah"] = Area, ["kode_wilayah"] = Area, ["kode wilayah"] = Area, ["area"] = Area,
        ["disagregasi"] = Disaggregation, ["disaggregation"] = Disaggregation,
        ["nilai"] = Value, ["value"] = Value, ["obs_value"] = Value,
        ["status"] = Status,
        ["catatan"] = Note, ["note"] = Note,
    };

    public static string? Canonical(string? header) =>
        header is not null && Aliases.TryGetValue(header.Trim().TrimStart('\uFEFF'), out var name) ? name : null;
}
