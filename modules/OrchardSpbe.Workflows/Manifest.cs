using OrchardSpbe.Modules;

namespace OrchardSpbe.Workflows;

public static class Manifest
{
    public const string FeatureId = "OrchardSpbe.Workflows";

    public static readonly FeatureDescriptor Workflows = new()
    {
        Id = FeatureId,
        Name = "Alur kerja",
        Description = "Alur persetujuan dan proses: definisi berversi, tugas per peran, pengatur waktu, notifikasi dan riwayat lengkap.",
        Category = "Konten",
        Dependencies = ["OrchardSpbe.Admin", "OrchardSpbe.Contents", "OrchardSpbe.Notifications"],
    };
}
