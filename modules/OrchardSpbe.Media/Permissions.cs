using OrchardSpbe.Security;

namespace OrchardSpbe.Media;

public static class Permissions
{
    public static readonly Permission ManageMedia = new("ManageMedia", "Kelola media", Manifest.FeatureId)
    {
        DefaultRoles = [StandardRoles.Administrator, StandardRoles.Editor, StandardRoles.Author],
    };

    /// <summary>The media limits page belongs with the site's other settings (declared by the Admin module).</summary>
    public const string ManageSettings = "ManageSettings";
}
