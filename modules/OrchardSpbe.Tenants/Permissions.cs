using OrchardSpbe.Security;

namespace OrchardSpbe.Tenants;

public static class Permissions
{
    public static readonly Permission ManageTenants = new("ManageTenants", "Mengelola situs perangkat daerah (tenant)", Manifest.FeatureId);
}
