using OrchardSpbe.Modules;

namespace OrchardSpbe.Statistics;

public static class Manifest
{
    public const string FeatureId = "OrchardSpbe.Statistics";

    public static readonly FeatureDescriptor Statistics = new()
    {
        Id = FeatureId,
        Name = "Statistik sektoral",
        Description = "Indikator dengan metadata MS-Ind, data runtun waktu per periode dan wilayah, penyampaian bulanan ke Diskominfostandi, grafik, unduhan dan API data.",
        Category = "Data",
        Dependencies = ["OrchardSpbe.Admin", "OrchardSpbe.Contents"], // notifications are sent where that feature is on
    };
}
