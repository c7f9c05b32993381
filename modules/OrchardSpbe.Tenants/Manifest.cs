using OrchardSpbe.Modules;

namespace OrchardSpbe.Tenants;

public static class Manifest
{
    public const string FeatureId = "OrchardSpbe.Tenants";

    public static readonly FeatureDescriptor Tenants = new()
    {
        Id = FeatureId,
        Name = "Manajemen tenant",
        Description = "Membuat, mengubah, menonaktifkan dan menghapus situs perangkat daerah (subdomain).",
        Category = "Portal kota",
        Dependencies = ["OrchardSpbe.Admin"],
        DefaultTenantOnly = true,
    };

    /// <summary>PD categories the portal groups sites by (001 Pasal 19; the kinds of Perangkat Daerah).</summary>
    public static readonly IReadOnlyList<string> Categories =
        ["Sekretariat", "Inspektorat", "Dinas", "Badan", "Kecamatan", "Kelurahan", "Lainnya"];
}
