namespace OrchardSpbe.Statistics.Periods;

/// <summary>How often an indicator is measured (bulanan, triwulanan, semesteran, tahunan; SDMX periods M, Q, S and years).</summary>
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
