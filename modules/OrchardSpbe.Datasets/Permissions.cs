using OrchardSpbe.Security;

namespace OrchardSpbe.Datasets;

public static class Permissions
{
    /// <summary>The walidata's data officer: keeps the PD's datasets current, accurate and complete (003 Pasal 10(3)).</summary>
    public static readonly Permission ManageDatasets = new("ManageDatasets", "Kelola dataset dan sumber data perangkat daerah", Manifest.FeatureId)
    {
        DefaultRoles = [StandardRoles.Administrator, "DataOfficer"],
    };

    public static readonly Permission[] All = [ManageDatasets];
}
