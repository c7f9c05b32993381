namespace OrchardSpbe.Applications.Register;

/// <summary>The words of the register, as stored (codes) and shown (Indonesian labels, localised with T[…]).</summary>
public static class ApplicationTerms
{
    // 002 Pasal 12–13, 003 Pasal 11: shared (large or small complexity) or one PD's own.
    public const string UmumBesar = "umum-besar", UmumKecil = "umum-kecil", Khusus = "khusus";

    public static readonly IReadOnlyList<(string Code, string Label)> Classes =
        [(UmumBesar, "Aplikasi umum kompleksitas besar"), (UmumKecil, "Aplikasi umum kompleksitas kecil"), (Khusus, "Aplikasi khusus")];

    // 002 Pasal 13(4): who plans, builds and develops it.
    public const string Dinas = "dinas", PdMandiri = "pd-mandiri-tik", ThirdParty = "pihak-ketiga";

    public static readonly IReadOnlyList<(string Code, string Label)> Builders =
        [(Dinas, "Dinas (Diskominfostandi)"), (PdMandiri, "PD Mandiri TIK"), (ThirdParty, "Pihak ketiga (dengan kontrak)")];

    public const string Planning = "perencanaan", Development = "pengembangan", Trial = "uji-coba", Production = "produksi", Retired = "dihentikan";

    public static readonly IReadOnlyList<(string Code, string Label)> Lifecycles =
        [(Planning, "Perencanaan"), (Development, "Pengembangan"), (Trial, "Uji coba"), (Production, "Produksi"), (Retired, "Dihentikan")];

    // 001 Pasal 7–8: the city data centre, or cloud in Indonesia with Diskominfostandi's technical approval.
    public const string DataCentre = "pusat-data-kota", Cloud = "cloud-indonesia";

    public static readonly IReadOnlyList<(string Code, string Label)> Hostings =
        [(DataCentre, "Pusat data Kota Bekasi"), (Cloud, "Cloud di wilayah Indonesia (dengan persetujuan teknis)")];

    // 001 Pasal 9(2): set by Diskominfostandi only.
    public static readonly IReadOnlyList<(string Code, string Label)> SecurityLevels =
        [("rendah", "Rendah"), ("sedang", "Sedang"), ("tinggi", "Tinggi")];

    public static readonly IReadOnlyList<(string Code, string Label)> DeviceTypes =
        [("router", "Router"), ("switch", "Switch"), ("firewall", "Firewall"), ("access-point", "Access point"), ("server", "Server"), ("lainnya", "Lainnya")];

    public static readonly IReadOnlyList<(string Code, string Label)> DeviceStatuses =
        [("aktif", "Aktif"), ("cadangan", "Siaga"), ("rusak", "Rusak"), ("dihapus", "Dihapus")];

    public static string Label(IReadOnlyList<(string Code, string Label)> list, string? code) =>
        list.FirstOrDefault(i => i.Code == code).Label ?? code ?? "";

    public static bool IsOneOf(IReadOnlyList<(string Code, string Label)> list, string? code) => list.Any(i => i.Code == code);
}

/// <summary>Where an application or device stands in registration (001 Pasal 9), as both sides store it.</summary>
public static class RegistrationStates
{
    public const string Draft = "draf";
    public const string Waiting = "menunggu";
    public const string Returned = "dikembalikan";
    public const string Registered = "terdaftar";
    public const string Refused = "ditolak";

    /// <summary>Registered, but its class, hosting or lifecycle changed since: it goes through review again.</summary>
    public const string Changed = "perubahan";

    public static string Label(string state) => state switch
    {
        Draft => "Draf",
        Waiting => "Menunggu tinjauan",
        Returned => "Dikembalikan",
        Registered => "Terdaftar",
        Refused => "Ditolak",
        Changed => "Perubahan menunggu diajukan",
        _ => state,
    };
}
