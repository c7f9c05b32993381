using OrchardSpbe.Security;

namespace OrchardSpbe.Statistics;

public static class Permissions
{
    /// <summary>The PD's data officer (Petugas Data): enters and imports values, submits the monthly update (001 Pasal 20(6)).</summary>
    public static readonly Permission ManageStatistics = new("ManageStatistics", "Kelola data statistik dan kirim pemutakhiran bulanan", Manifest.FeatureId)
    {
        DefaultRoles = [StandardRoles.Administrator, StatisticsRoles.DataOfficer],
    };

    /// <summary>Diskominfostandi's verifier on the portal: accepts or returns submissions.</summary>
    public static readonly Permission VerifyStatistics = new("VerifyStatistics", "Verifikasi penyampaian statistik perangkat daerah", Manifest.FeatureId)
    {
        DefaultRoles = [StandardRoles.Administrator, StatisticsRoles.Verifier],
    };

    /// <summary>The compliance board and its exports (portal); a PD's own history (PD).</summary>
    public static readonly Permission ViewStatisticsCompliance = new("ViewStatisticsCompliance", "Lihat papan kepatuhan penyampaian statistik", Manifest.FeatureId)
    {
        DefaultRoles = [StandardRoles.Administrator, StatisticsRoles.Verifier, StatisticsRoles.DataOfficer, StandardRoles.Reviewer],
    };

    public static readonly Permission[] All = [ManageStatistics, VerifyStatistics, ViewStatisticsCompliance];
}

/// <summary>The roles this module brings (technical names; the recipes describe them in Indonesian).</summary>
public static class StatisticsRoles
{
    /// <summary>Petugas Data of a PD.</summary>
    public const string DataOfficer = "DataOfficer";

    /// <summary>Verifikator of Diskominfostandi, on the portal.</summary>
    public const string Verifier = "Verifier";
}
