using OrchardSpbe.Statistics.Periods;

namespace OrchardSpbe.Statistics.Indicators;

/// <summary>
/// An indicator's metadata: the 17 fields of MS-Ind (Metadata Statistik Indikator, Peraturan BPS 5/2020) — the name
/// is the item's title — plus what the city needs to keep it: code, category, data group, periodicity,
/// disaggregations, decimals and tags. Stored as the part "IndicatorPart" of the item's JSON.
/// </summary>
public sealed class IndicatorPart
{
    public const string Name = "IndicatorPart";
    public const string ContentType = "Indicator";

    /// <summary>Unique in the PD (e.g. "DBD-KASUS").</summary>
    public string Code { get; set; } = "";

    /// <summary>The national data-standard code, when one exists ("SD00001.00.01").</summary>
    public string? NationalCode { get; set; }

    /// <summary>sektoral or khusus (001 Lampiran III).</summary>
    public string Category { get; set; } = IndicatorCategories.Sektoral;

    /// <summary>One of the 20 groups of 001 Pasal 18(3) (<see cref="Reference.DataGroups"/>).</summary>
    public string DataGroup { get; set; } = "lainnya";

    public Periodicity Periodicity { get; set; } = Periodicity.Tahunan;

    // MS-Ind 2–4: konsep, definisi, interpretasi.
    public string Concept { get; set; } = "";
    public string Definition { get; set; } = "";
    public string? Interpretation { get; set; }

    // MS-Ind 5–8: metode/rumus penghitungan, ukuran, satuan, klasifikasi penyajian.
    public string Method { get; set; } = "";
    public string? Measure { get; set; }
    public string Unit { get; set; } = "";
    public string? PresentationClassification { get; set; }

    // MS-Ind 9–15: indikator komposit, with its building indicators (publication, name) and variables (activity, code, name).
    public bool IsComposite { get; set; }
    public List<BuildingIndicator> BuildingIndicators { get; set; } = [];
    public List<BuildingVariable> BuildingVariables { get; set; } = [];

    // MS-Ind 16: level estimasi (kota, kecamatan, kelurahan).
    public string EstimationLevel { get; set; } = "kota";

    // MS-Ind 17: dapat diakses umum. An indicator that is not never reaches the public pages, search or API.
    public bool PubliclyAccessible { get; set; } = true;

    /// <summary>Values an observation may be broken down by ("Laki-laki", "Perempuan"); empty: totals only.</summary>
    public List<string> Disaggregations { get; set; } = [];
    public string? DisaggregationName { get; set; }

    public int Decimals { get; set; }
    public List<string> Tags { get; set; } = [];
}

public sealed record BuildingIndicator(string Publication, string Name);

public sealed record BuildingVariable(string Activity, string ActivityCode, string Name);

public static class IndicatorCategories
{
    public const string Sektoral = "sektoral";
    public const string Khusus = "khusus";
    public static readonly IReadOnlyList<string> All = [Sektoral, Khusus];
}

public static class EstimationLevels
{
    public static readonly IReadOnlyList<(string Code, string Label)> All = [("kota", "Kota"), ("kecamatan", "Kecamatan"), ("kelurahan", "Kelurahan")];
}
