using OrchardSpbe.Modules;

namespace OrchardSpbe.Admin;

public static class Manifest
{
    public const string FeatureId = "OrchardSpbe.Admin";

    public static readonly FeatureDescriptor Admin = new()
    {
        Id = FeatureId,
        Name = "Admin",
        Description = "Dasbor, fitur, pengaturan situs, log audit dan resep.",
        Category = "Inti",
        Dependencies = ["OrchardSpbe.Users"],
        AlwaysEnabled = true,
    };
}
