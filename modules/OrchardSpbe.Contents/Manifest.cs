using OrchardSpbe.Content;
using OrchardSpbe.Modules;

namespace OrchardSpbe.Contents;

public static class Manifest
{
    public const string FeatureId = ContentMigrations.Feature;

    public static readonly FeatureDescriptor Contents = new()
    {
        Id = FeatureId,
        Name = "Konten",
        Description = "Tipe konten dari bagian dan isian, draf dan versi, riwayat, jadwal terbit, alamat publik dan halaman konten.",
        Category = "Konten",
        Dependencies = ["OrchardSpbe.Admin", "OrchardSpbe.Media"],
    };
}
