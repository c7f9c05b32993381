namespace OrchardSpbe.Datasets.Resources;

/// <summary>The open formats a resource may be uploaded in (001 Pasal 16: open formats, XML, automatic processing).</summary>
public static class ResourceFormats
{
    public static readonly IReadOnlyList<(string Format, string Extension, string MediaType)> All =
    [
        ("CSV", ".csv", "text/csv"),
        ("XLSX", ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("JSON", ".json", "application/json"),
        ("XML", ".xml", "application/xml"),
        ("PDF", ".pdf", "application/pdf"),
        ("ODS", ".ods", "application/vnd.oasis.opendocument.spreadsheet"),
    ];

    public static (string Format, string Extension, string MediaType)? OfFileName(string fileName) =>
        All.FirstOrDefault(f => fileName.EndsWith(f.Extension, StringComparison.OrdinalIgnoreCase)) is { Format: not null } found ? found : null;

    public static (string Format, string Extension, string MediaType)? OfFormat(string? format) =>
        All.FirstOrDefault(f => string.Equals(f.Format, format?.Trim().TrimStart('.'), StringComparison.OrdinalIgnoreCase)) is { Format: not null } found ? found : null;

    /// <summary>Whether the first bytes fit the format: PDF's magic, a ZIP package for XLSX and ODS, text (no NUL) for the rest.</summary>
    public static bool BytesFit(string format, ReadOnlySpan<byte> head) => format switch
    {
        "PDF" => head.StartsWith("%PDF-"u8),
        "XLSX" or "ODS" => head.StartsWith("PK\u0003\u0004"u8),
        _ => !head.Contains((byte)0),
    };
}
