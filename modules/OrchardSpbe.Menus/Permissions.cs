using OrchardSpbe.Security;

namespace OrchardSpbe.Menus;

public static class Permissions
{
    public static readonly Permission ManageMenus = new("ManageMenus", "Kelola menu", Manifest.FeatureId)
    {
        DefaultRoles = [StandardRoles.Editor],
    };
}
