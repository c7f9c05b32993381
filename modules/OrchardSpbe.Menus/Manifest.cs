using OrchardSpbe.Modules;

namespace OrchardSpbe.Menus;

public static class Manifest
{
    public const string FeatureId = "OrchardSpbe.Menus";

    public static readonly FeatureDescriptor Menus = new()
    {
        Id = FeatureId,
        Name = "Menu situs",
        Description = "Menu utama situs publik (dua tingkat), dikelola di admin.",
        Category = "Situs",
        Dependencies = ["OrchardSpbe.Admin"],
    };
}
