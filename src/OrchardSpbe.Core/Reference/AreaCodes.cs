namespace OrchardSpbe.Reference;

public enum AreaLevel { Kota, Kecamatan, Kelurahan }

/// <summary>An official area of Kota Bekasi with its Kepmendagri code ("32.75.01" Bekasi Timur).</summary>
public sealed record Area(string Code, string Name, AreaLevel Level)
{
    /// <summary>The kecamatan a kelurahan lies in (the first three parts of its code); null for the city and kecamatan.</summary>
    public string? KecamatanCode => Level == AreaLevel.Kelurahan ? string.Join('.', Code.Split('.')[..3]) : null;
}

/// <summary>
/// Kota Bekasi's area codes (Kepmendagri 300.2.2-2430/2025): the city, its 12 kecamatan and 56 kelurahan.
/// Shared reference data (Satu Data's kode referensi) — statistics, datasets and applications use the same codes.
/// Loaded once per process from the CSV shipped in this assembly.
/// </summary>
public static class AreaCodes
{
    public const string CityCode = "32.75";

    private static readonly Lazy<(IReadOnlyList<Area> All, IReadOnlyDictionary<string, Area> ByCode)> Data = new(Load);

    public static IReadOnlyList<Area> All => Data.Value.All;

    public static Area City => Data.Value.ByCode[CityCode];

    public static IEnumerable<Area> Kecamatan => All.Where(a => a.Level == AreaLevel.Kecamatan);

    public static Area? Find(string? code) => code is not null && Data.Value.ByCode.TryGetValue(code.Trim(), out var area) ? area : null;

    public static bool IsKnown(string? code) => Find(code) is not null;

    /// <summary>The area's name, or the code itself when unknown (an old code kept in history).</summary>
    public static string NameOf(string code) => Find(code)?.Name ?? code;

    private static (IReadOnlyList<Area>, IReadOnlyDictionary<string, Area>) Load()
    {
        using var stream = typeof(AreaCodes).Assembly.GetManifestResourceStream("OrchardSpbe.Reference.wilayah-kota-bekasi.csv")
                           ?? throw new InvalidOperationException("The area code list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var areas = new List<Area>();
        reader.ReadLine(); // kode,nama,tingkat
        // A trusted file of our own with no quoted fields: a split is all it needs.
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var parts = line.Split(',');
            var level = parts[2] switch { "kota" => AreaLevel.Kota, "kecamatan" => AreaLevel.Kecamatan, _ => AreaLevel.Kelurahan };
            areas.Add(new Area(parts[0], parts[1], level));
        }
        return (areas, areas.ToDictionary(a => a.Code, StringComparer.Ordinal));
    }
}
