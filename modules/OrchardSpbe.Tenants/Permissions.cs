using OrchardSpbe.Security;

namespace OrchardSpbe.Tenants;

public static class Permissions
{
    public static readonly Permission ManageTenants = new("ManageTenants", "Mengelola situs perangkat daerah (tenant)", Manifest.FeatureId);

    /// <summary>001 Pasal 14(7): backing up and restoring sites — a restore replaces a PD's whole site.</summary>
    public static readonly Permission ManageBackups = new("ManageBackups", "Mencadangkan dan memulihkan situs", Manifest.FeatureId);
}
