namespace OrchardSpbe.PublicSite.Services;

/// <summary>The ?page= of a list, read forgivingly: anything that is not a sensible page number is page 1.</summary>
public static class PageNumber
{
    // Far beyond any real list; keeps OFFSET arithmetic small whatever a crawler sends.
    public const int Max = 10_000;

    public static int Parse(string? raw) =>
        int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page) && page is >= 1 and <= Max
            ? page
            : 1;
}
