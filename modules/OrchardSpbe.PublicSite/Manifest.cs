using OrchardSpbe.Modules;

namespace OrchardSpbe.PublicSite;

public static class Manifest
{
    public const string FeatureId = "OrchardSpbe.PublicSite";

    public static readonly FeatureDescriptor PublicSite = new()
    {
        Id = FeatureId,
        Name = "Situs publik",
        Description = "Beranda publik: direktori situs perangkat daerah di portal kota, profil dan kontak di situs PD.",
        Category = "Situs",
    };
}
