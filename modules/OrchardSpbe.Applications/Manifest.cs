using OrchardSpbe.Modules;

namespace OrchardSpbe.Applications;

public static class Manifest
{
    public const string FeatureId = "OrchardSpbe.Applications";

    public static readonly FeatureDescriptor Applications = new()
    {
        Id = FeatureId,
        Name = "Register aplikasi dan perangkat SPBE",
        Description = "Aplikasi dan perangkat jaringan perangkat daerah, repositori dokumen, registrasi dan tingkat keamanan oleh Diskominfostandi, PD Mandiri TIK, laporan semester, penilaian tata kelola, katalog publik dan peta integrasi.",
        Category = "SPBE",
        Dependencies = ["OrchardSpbe.Admin"],
    };
}
