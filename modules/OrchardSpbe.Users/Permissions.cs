using OrchardSpbe.Security;

namespace OrchardSpbe.Users;

public static class Permissions
{
    public static readonly Permission ManageUsers = new("ManageUsers", "Mengelola pengguna", Manifest.FeatureId);
    public static readonly Permission ManageRoles = new("ManageRoles", "Mengelola peran dan izin", Manifest.FeatureId);
}
