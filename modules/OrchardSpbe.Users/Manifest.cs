using OrchardSpbe.Modules;

namespace OrchardSpbe.Users;

public static class Manifest
{
    public const string FeatureId = "OrchardSpbe.Users";

    public static readonly FeatureDescriptor Users = new()
    {
        Id = FeatureId,
        Name = "Pengguna dan Peran",
        Description = "Masuk, pengguna, peran dan izin per situs (ASP.NET Core Identity).",
        Category = "Keamanan",
        AlwaysEnabled = true,
    };
}
