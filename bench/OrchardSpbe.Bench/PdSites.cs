namespace OrchardSpbe.Bench;

/// <summary>A PD site to create: technical name (the subdomain), name as people read it, portal category.</summary>
public sealed record PdSite(string Name, string DisplayName, string Category);

/// <summary>
/// Realistic tenants for Kota Bekasi, in a fixed order so every run creates the same set: the PDs
/// (dinas, badan, bagian of the Setda), the 12 kecamatan, their 56 kelurahan, then puskesmas.
/// </summary>
public static class PdSites
{
    private static readonly (string Name, string DisplayName, string Category)[] Units =
    [
        ("setda", "Sekretariat Daerah", "Sekretariat"),
        ("setwan", "Sekretariat DPRD", "Sekretariat"),
        ("inspektorat", "Inspektorat Daerah", "Inspektorat"),
        ("diskominfostandi", "Dinas Komunikasi, Informatika, Statistik dan Persandian", "Dinas"),
        ("dinkes", "Dinas Kesehatan", "Dinas"),
        ("disdik", "Dinas Pendidikan", "Dinas"),
        ("disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "Dinas"),
        ("dishub", "Dinas Perhubungan", "Dinas"),
        ("dinsos", "Dinas Sosial", "Dinas"),
        ("dlh", "Dinas Lingkungan Hidup", "Dinas"),
        ("disnaker", "Dinas Tenaga Kerja", "Dinas"),
        ("dpmptsp", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "Dinas"),
        ("dbmsda", "Dinas Bina Marga dan Sumber Daya Air", "Dinas"),
        ("damkar", "Dinas Pemadam Kebakaran dan Penyelamatan", "Dinas"),
        ("disparbud", "Dinas Pariwisata dan Kebudayaan", "Dinas"),
        ("disperkimtan", "Dinas Perumahan, Kawasan Permukiman dan Pertanahan", "Dinas"),
        ("distaru", "Dinas Tata Ruang", "Dinas"),
        ("diskopukm", "Dinas Koperasi dan Usaha Kecil Menengah", "Dinas"),
        ("disdagperin", "Dinas Perdagangan dan Perindustrian", "Dinas"),
        ("dp3a", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "Dinas"),
        ("dispora", "Dinas Pemuda dan Olahraga", "Dinas"),
        ("dispusip", "Dinas Perpustakaan dan Kearsipan", "Dinas"),
        ("dkppp", "Dinas Ketahanan Pangan, Pertanian dan Perikanan", "Dinas"),
        ("dppkb", "Dinas Pengendalian Penduduk dan Keluarga Berencana", "Dinas"),
        ("bappelitbangda", "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah", "Badan"),
        ("bpkad", "Badan Pengelolaan Keuangan dan Aset Daerah", "Badan"),
        ("bapenda", "Badan Pendapatan Daerah", "Badan"),
        ("bkppd", "Badan Kepegawaian, Pendidikan dan Pelatihan Daerah", "Badan"),
        ("bpbd", "Badan Penanggulangan Bencana Daerah", "Badan"),
        ("kesbangpol", "Badan Kesatuan Bangsa dan Politik", "Badan"),
        ("satpolpp", "Satuan Polisi Pamong Praja", "Lainnya"),
        ("rsud", "RSUD dr. Chasbullah Abdulmadjid", "Lainnya"),
        ("bag-hukum", "Bagian Hukum Setda", "Sekretariat"),
        ("bag-organisasi", "Bagian Organisasi Setda", "Sekretariat"),
        ("bag-tapem", "Bagian Tata Pemerintahan Setda", "Sekretariat"),
        ("bag-umum", "Bagian Umum Setda", "Sekretariat"),
        ("bag-prokopim", "Bagian Protokol dan Komunikasi Pimpinan Setda", "Sekretariat"),
        ("bag-pbj", "Bagian Pengadaan Barang dan Jasa Setda", "Sekretariat"),
        ("bag-perekonomian", "Bagian Perekonomian Setda", "Sekretariat"),
        ("bag-kesra", "Bagian Kesejahteraan Rakyat Setda", "Sekretariat"),
        ("bag-adpem", "Bagian Administrasi Pembangunan Setda", "Sekretariat"),
    ];

    // Kecamatan → kelurahan, as in Perda Kota Bekasi.
    private static readonly (string Kecamatan, string[] Kelurahan)[] Wilayah =
    [
        ("Bekasi Barat", ["Bintara", "Bintara Jaya", "Jakasampurna", "Kota Baru", "Kranji"]),
        ("Bekasi Timur", ["Aren Jaya", "Bekasi Jaya", "Duren Jaya", "Margahayu"]),
        ("Bekasi Utara", ["Harapan Baru", "Harapan Jaya", "Kaliabang Tengah", "Marga Mulya", "Perwira", "Teluk Pucung"]),
        ("Bekasi Selatan", ["Jakamulya", "Jakasetia", "Kayuringin Jaya", "Margajaya", "Pekayon Jaya"]),
        ("Bantargebang", ["Bantargebang", "Cikiwul", "Ciketing Udik", "Sumur Batu"]),
        ("Jatiasih", ["Jatiasih", "Jatikramat", "Jatiluhur", "Jatimekar", "Jatirasa", "Jatisari"]),
        ("Jatisampurna", ["Jatikarya", "Jatiraden", "Jatirangga", "Jatiranggon", "Jatisampurna"]),
        ("Medan Satria", ["Harapan Mulya", "Kali Baru", "Medan Satria", "Pejuang"]),
        ("Mustikajaya", ["Cimuning", "Mustikajaya", "Mustikasari", "Padurenan"]),
        ("Pondokgede", ["Jatibening", "Jatibening Baru", "Jaticempaka", "Jatimakmur", "Jatiwaringin"]),
        ("Pondokmelati", ["Jatimelati", "Jatimurni", "Jatirahayu", "Jatiwarna"]),
        ("Rawalumbu", ["Bojong Menteng", "Bojong Rawalumbu", "Pengasinan", "Sepanjang Jaya"]),
    ];

    private static readonly string[] Puskesmas =
    [
        "Bekasi Jaya", "Karang Kitri", "Aren Jaya", "Bintara", "Kranji", "Jakamulya", "Pekayon Jaya", "Perwira",
        "Kaliabang Tengah", "Teluk Pucung", "Harapan Jaya", "Bantargebang", "Ciketing Udik", "Jatiasih", "Jatiluhur",
        "Jatisampurna", "Jatiranggon", "Medan Satria", "Pejuang", "Mustikajaya", "Cimuning", "Pondokgede",
        "Jatibening", "Pondokmelati", "Jatirahayu", "Rawalumbu", "Pengasinan",
    ];

    /// <summary>The first <paramref name="count"/> sites; numbered UPTD sites beyond the real list.</summary>
    public static IReadOnlyList<PdSite> Take(int count)
    {
        var all = Units.Select(u => new PdSite(u.Name, u.DisplayName, u.Category))
            .Concat(Wilayah.Select(w => new PdSite("kec-" + Slug(w.Kecamatan), "Kecamatan " + w.Kecamatan, "Kecamatan")))
            .Concat(Wilayah.SelectMany(w => w.Kelurahan).Select(k => new PdSite("kel-" + Slug(k), "Kelurahan " + k, "Kelurahan")))
            .Concat(Puskesmas.Select(p => new PdSite("pkm-" + Slug(p), "Puskesmas " + p, "Lainnya")));
        var generated = Enumerable.Range(1, int.MaxValue).Select(i => new PdSite($"uptd-{i:000}", $"UPTD {i:000}", "Lainnya"));
        return all.Concat(generated).Take(count).ToList();
    }

    private static string Slug(string name) => name.ToLowerInvariant().Replace(" ", "");
}
