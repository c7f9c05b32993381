using OrchardSpbe.Modules;

namespace OrchardSpbe.Media;

public static class Manifest
{
    public const string FeatureId = "OrchardSpbe.Media";

    public static readonly FeatureDescriptor Media = new()
    {
        Id = FeatureId,
        Name = "Media",
        Description = "Pustaka gambar dan dokumen situs: unggah, ukuran gambar otomatis, teks alternatif.",
        Category = "Konten",
        Dependencies = ["OrchardSpbe.Admin"],
    };
}
