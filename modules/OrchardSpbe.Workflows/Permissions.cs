using OrchardSpbe.Security;

namespace OrchardSpbe.Workflows;

public static class Permissions
{
    public static readonly Permission ManageWorkflows = new("ManageWorkflows", "Kelola definisi dan instans alur kerja", Manifest.FeatureId)
    {
        DefaultRoles = [StandardRoles.Administrator],
    };

    /// <summary>Sees every instance and its history (the tasks inbox needs no permission: roles decide).</summary>
    public static readonly Permission ViewWorkflows = new("ViewWorkflows", "Lihat instans dan riwayat alur kerja", Manifest.FeatureId)
    {
        DefaultRoles = [StandardRoles.Administrator, StandardRoles.Reviewer],
    };

    public static readonly Permission[] All = [ManageWorkflows, ViewWorkflows];
}
