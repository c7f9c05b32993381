using OrchardSpbe.Modules;

namespace OrchardSpbe.Programmers;

public static class Manifest
{
    public const string FeatureId = "OrchardSpbe.Programmers";

    public static readonly FeatureDescriptor Programmers = new()
    {
        Id = FeatureId,
        Name = "Tim Programmer",
        Description = "Seleksi bertahap, pengangkatan satu tahun dan masa tugas Tim Programmer (Perwal 131.A/2019), peta okupasi TIK nasional dan kompetensi SDM SPBE.",
        Category = "SDM TIK",
        Dependencies = ["OrchardSpbe.Admin"], // notifications are sent where that feature is on
    };
}
