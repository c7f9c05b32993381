namespace OrchardSpbe.Datasets.Datasets;

/// <summary>
/// A dataset's metadata (the part "DatasetPart" of a content item of type "Dataset"; the title is the item's title).
/// The walidata is the PD whose site holds it (003 Pasal 10(3)); it sets the classification (15(4)).
/// </summary>
public sealed class DatasetPart
{
    public const string Name = "DatasetPart";
    public const string ContentType = "Dataset";

    /// <summary>CKAN's package name: lowercase letters, digits, "-" and "_", 2–100 characters; unique in the PD.</summary>
    public string Slug { get; set; } = "";

    /// <summary>Markdown.</summary>
    public string Description { get; set; } = "";

    /// <summary>One of the 20 groups of 001 Pasal 18(3) (<see cref="Reference.DataGroups"/>).</summary>
    public string DataGroup { get; set; } = "lainnya";

    public List<string> Tags { get; set; } = [];

    /// <summary>A CKAN licence id or the city's own (<see cref="Licenses"/>).</summary>
    public string LicenseId { get; set; } = Licenses.CityOpen;

    public string Classification { get; set; } = Classifications.Terbuka;

    /// <summary>For <see cref="Classifications.Terbatas"/>: the PDs (tenant names) named by the walidata.</summary>
    public List<string> SharedWith { get; set; } = [];

    public string UpdateFrequency { get; set; } = UpdateFrequencies.Tahunan;

    /// <summary>Temporal coverage: ISO dates or years ("2020", "2025-06-30").</summary>
    public string? TemporalStart { get; set; }
    public string? TemporalEnd { get; set; }

    /// <summary>A Kepmendagri area code of Core's <see cref="Reference.AreaCodes"/> ("32.75" the city).</summary>
    public string SpatialCoverage { get; set; } = Reference.AreaCodes.CityCode;

    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? Version { get; set; }

    /// <summary>Codes of the PD's statistics indicators this dataset relates to (resolved only where Statistics is on).</summary>
    public List<string> RelatedIndicators { get; set; } = [];
}

/// <summary>Who may see a dataset (003 Pasal 15(4)).</summary>
public static class Classifications
{
    /// <summary>Public: everyone, on every page, API and harvest.</summary>
    public const string Terbuka = "terbuka";

    /// <summary>Restricted: the walidata and the PDs it named or granted.</summary>
    public const string Terbatas = "terbatas";

    /// <summary>Excluded: the walidata only.</summary>
    public const string Dikecualikan = "dikecualikan";

    public static readonly IReadOnlyList<(string Code, string Label)> All =
        [(Terbuka, "Terbuka"), (Terbatas, "Terbatas"), (Dikecualikan, "Dikecualikan")];

    public static string Label(string code) => All.FirstOrDefault(c => c.Code == code).Label ?? code;
}

/// <summary>Update frequencies, with the EU vocabulary DCAT-AP uses for dct:accrualPeriodicity.</summary>
public static class UpdateFrequencies
{
    public const string Tahunan = "tahunan";

    public static readonly IReadOnlyList<(string Code, string Label, string Eu)> All =
    [
        ("harian", "Harian", "DAILY"), ("mingguan", "Mingguan", "WEEKLY"), ("bulanan", "Bulanan", "MONTHLY"),
        ("triwulanan", "Triwulanan", "QUARTERLY"), ("semesteran", "Semesteran", "ANNUAL_2"), (Tahunan, "Tahunan", "ANNUAL"),
        ("tidak-tentu", "Tidak tentu", "IRREG"),
    ];

    public static string Label(string code) => All.FirstOrDefault(f => f.Code == code).Label ?? code;

    public static string EuUri(string code) =>
        "http://publications.europa.eu/resource/authority/frequency/" + (All.FirstOrDefault(f => f.Code == code).Eu ?? "UNKNOWN");
}
