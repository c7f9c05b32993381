namespace OrchardSpbe.Statistics.Periods;

/// <summary>How often an indicator is measured; the SDMX frequency codes (A, S, Q, M) name them in the API.</summary>
public enum Periodicity { Bulanan, Triwulanan, Semesteran, Tahunan }

public static class Periodicities
{
    public static readonly IReadOnlyList<Periodicity> All = [Periodicity.Bulanan, Periodicity.Triwulanan, Periodicity.Semesteran, Periodicity.Tahunan];

    public static string Code(this Periodicity periodicity) => periodicity.ToString().ToLowerInvariant();

    public static string Label(this Periodicity periodicity) => periodicity switch
    {
        Periodicity.Bulanan => "Bulanan",
        Periodicity.Triwulanan => "Triwulanan",
        Periodicity.Semesteran => "Semesteran",
        _ => "Tahunan",
    };

    /// <summary>SDMX frequency: M, Q, S, A.</summary>
    public static string SdmxFrequency(this Periodicity periodicity) => periodicity switch
    {
        Periodicity.Bulanan => "M",
        Periodicity.Triwulanan => "Q",
        Periodicity.Semesteran => "S",
        _ => "A",
    };

    /// <summary>Periods in a year.</summary>
    public static int PerYear(this Periodicity periodicity) => periodicity switch
    {
        Periodicity.Bulanan => 12,
        Periodicity.Triwulanan => 4,
        Periodicity.Semesteran => 2,
        _ => 1,
    };

    public static bool TryParse(string? code, out Periodicity periodicity)
    {
        foreach (var candidate in All)
            if (string.Equals(candidate.Code(), code?.Trim(), StringComparison.OrdinalIgnoreCase)) { periodicity = candidate; return true; }
        periodicity = Periodicity.Tahunan;
        return false;
    }
}
