using OrchardSpbe.Security;

namespace OrchardSpbe.Applications;

public static class Permissions
{
    /// <summary>The PD's ICT officer: keeps the PD's applications, devices and documents, submits them for registration (001 Pasal 9(1)) and the semester report (26(1)).</summary>
    public static readonly Permission ManageApplications = new("ManageApplications", "Kelola aplikasi, perangkat jaringan dan dokumen perangkat daerah", Manifest.FeatureId)
    {
        DefaultRoles = [StandardRoles.Administrator, ApplicationsRoles.IctOfficer],
    };

    /// <summary>Diskominfostandi on the portal: reviews, sets the security level, registers (001 Pasal 9(2)), designates PD Mandiri TIK (002 Pasal 18), assesses governance (001 15(6)).</summary>
    public static readonly Permission RegisterApplications = new("RegisterApplications", "Tinjau dan registrasi aplikasi serta perangkat, tetapkan tingkat keamanan", Manifest.FeatureId)
    {
        DefaultRoles = [StandardRoles.Administrator, ApplicationsRoles.Registrar],
    };

    /// <summary>The compliance board, the governance history and the integration map (portal).</summary>
    public static readonly Permission ViewApplicationsRegister = new("ViewApplicationsRegister", "Lihat papan kepatuhan laporan TIK, tata kelola dan peta integrasi", Manifest.FeatureId)
    {
        DefaultRoles = [StandardRoles.Administrator, ApplicationsRoles.Registrar, StandardRoles.Reviewer],
    };

    public static readonly Permission[] All = [ManageApplications, RegisterApplications, ViewApplicationsRegister];
}

/// <summary>The roles this module brings (technical names; the recipes describe them in Indonesian).</summary>
public static class ApplicationsRoles
{
    /// <summary>Pengelola TIK of a PD.</summary>
    public const string IctOfficer = "IctOfficer";

    /// <summary>Diskominfostandi's registrar, on the portal.</summary>
    public const string Registrar = "IctRegistrar";
}
