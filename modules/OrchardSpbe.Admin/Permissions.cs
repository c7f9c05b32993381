using OrchardSpbe.Security;

namespace OrchardSpbe.Admin;

public static class Permissions
{
    public static readonly Permission AccessAdmin = new("AccessAdmin", "Membuka halaman admin", Manifest.FeatureId);
    public static readonly Permission ManageFeatures = new("ManageFeatures", "Mengaktifkan dan menonaktifkan fitur", Manifest.FeatureId);
    public static readonly Permission ManageSettings = new("ManageSettings", "Mengubah pengaturan situs", Manifest.FeatureId);
    public static readonly Permission ViewAuditLog = new("ViewAuditLog", "Melihat log audit", Manifest.FeatureId);
    public static readonly Permission ImportRecipes = new("ImportRecipes", "Menjalankan dan mengimpor resep", Manifest.FeatureId);
}
