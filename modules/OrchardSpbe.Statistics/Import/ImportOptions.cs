namespace OrchardSpbe.Statistics.Import;

/// <summary>What the officer says of the file: which decimal separator its numbers use.</summary>
public sealed record ImportOptions(char DecimalSeparator = '.')
{
    /// <summary>Larger uploads are refused before they are read (a million values fit in about 40 MB of CSV).</summary>
    public const long MaxFileBytes = 100L * 1024 * 1024;
}

/// <summary>One problem in a file: where (row, column) and why, in the UI language.</summary>
public sealed record ImportError(long Row, string? Column, string Message);

/// <summary>One data row as read: its number in the file (the header is row 1) and its cells by canonical column.</summary>
public sealed record ImportRow(long Row, IReadOnlyDictionary<string, string?> Cells);
