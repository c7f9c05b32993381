using OrchardSpbe.Modules;

namespace OrchardSpbe.PublicSite;

public static class Manifest
{
    public const string FeatureId = "OrchardSpbe.PublicSite";

    public static readonly FeatureDescriptor PublicSite = new()
    {
        Id = FeatureId,
        Name = "Situs publik",
        Description = "Beranda publik, berita dan agenda semua perangkat daerah di portal kota, direktori perangkat daerah, umpan RSS/Atom, robots.txt dan sitemap.xml.",
        Category = "Situs",
    };
}
