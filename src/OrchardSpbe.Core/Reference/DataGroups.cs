namespace OrchardSpbe.Reference;

/// <summary>One of the groups every PD database falls into (001 Pasal 18(3)).</summary>
public sealed record DataGroup(string Code, string Name);

/// <summary>The 20 groups of 001 Pasal 18(3), shared by statistics indicators and datasets (kelompok data).</summary>
public static class DataGroups
{
    public static readonly IReadOnlyList<DataGroup> All =
    [
        new("perizinan", "Perizinan"),
        new("administrasi-pemerintahan", "Administrasi pemerintahan"),
        new("legislasi", "Legislasi dan produk hukum"),
        new("pembangunan-daerah", "Pembangunan daerah"),
        new("keuangan", "Keuangan"),
        new("kepegawaian", "Kepegawaian"),
        new("kewilayahan", "Kewilayahan"),
        new("kemasyarakatan", "Kemasyarakatan"),
        new("kependudukan", "Kependudukan"),
        new("kesehatan", "Kesehatan"),
        new("pendidikan", "Pendidikan"),
        new("ketenagakerjaan", "Ketenagakerjaan"),
        new("perumahan-permukiman", "Perumahan dan permukiman"),
        new("perdagangan-perindustrian", "Perdagangan dan perindustrian"),
        new("pertanian", "Pertanian"),
        new("perikanan-peternakan", "Perikanan dan peternakan"),
        new("transportasi", "Transportasi"),
        new("pariwisata", "Pariwisata"),
        new("prasarana-utilitas", "Prasarana dan utilitas kota"),
        new("lainnya", "Lainnya"),
    ];

    private static readonly System.Collections.Frozen.FrozenDictionary<string, DataGroup> ByCode =
        System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(All, g => g.Code, StringComparer.Ordinal);

    // Looked up for every dataset and facet value a catalogue answer names.
    public static DataGroup? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var group) ? group : null;
}
