namespace OrchardSpbe.Programmers.Selection;

/// <summary>Where an application stands in the stages of 000 Pasal 16(3), as stored.</summary>
public static class SelectionStates
{
    /// <summary>Filed; the team checks completeness (16(3) huruf b).</summary>
    public const string Submitted = "diajukan";

    /// <summary>Incomplete (Pasal 18): returned with its reasons; the applicant may apply again with a complete file.</summary>
    public const string Returned = "dikembalikan";

    /// <summary>Complete: invited to the competency form and the interview (16(3) huruf b).</summary>
    public const string Interview = "wawancara";

    /// <summary>Interview passed: invited to the practical test (16(3) huruf c–d).</summary>
    public const string PracticalTest = "uji-praktik";

    public const string Passed = "lulus";
    public const string Failed = "tidak-lulus";

    public static string Label(string state) => state switch
    {
        Submitted => "Menunggu pemeriksaan kelengkapan berkas",
        Returned => "Dikembalikan: berkas belum lengkap",
        Interview => "Diundang mengisi formulir kompetensi dan wawancara",
        PracticalTest => "Diundang uji kompetensi teknis (praktik)",
        Passed => "Lulus seleksi",
        Failed => "Tidak lulus seleksi",
        _ => state,
    };

    public static bool IsFinal(string state) => state is Returned or Passed or Failed;
}

/// <summary>The stages the team scores, each recorded with who decided and when.</summary>
public static class SelectionStages
{
    public const string Completeness = "kelengkapan";
    public const string Interview = "wawancara";
    public const string PracticalTest = "uji-praktik";
    public const string Result = "hasil";

    public static string Label(string stage) => stage switch
    {
        Completeness => "Kelengkapan berkas",
        Interview => "Formulir kompetensi teknis dan wawancara",
        PracticalTest => "Uji kompetensi teknis (praktik)",
        Result => "Hasil seleksi",
        _ => stage,
    };
}

/// <summary>The documents an application carries (000 Pasal 16(3) huruf a, 18).</summary>
public static class DocumentKinds
{
    public const string Cv = "cv";
    public const string Experience = "pengalaman";
    public const string Capability = "kemampuan";
    public const string Certificate = "sertifikat";

    public static readonly string[] All = [Cv, Experience, Capability, Certificate];

    public static string Label(string kind) => kind switch
    {
        Cv => "Daftar riwayat hidup",
        Experience => "Surat pernyataan pengalaman kerja dari pimpinan unit kerja",
        Capability => "Surat pernyataan mampu menjalankan tugas",
        Certificate => "Sertifikat keahlian",
        _ => kind,
    };
}
