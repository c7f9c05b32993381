using OrchardSpbe.Modules;

namespace OrchardSpbe.Notifications;

public static class Manifest
{
    public const string FeatureId = "OrchardSpbe.Notifications";

    public static readonly FeatureDescriptor Notifications = new()
    {
        Id = FeatureId,
        Name = "Notifikasi",
        Description = "Notifikasi di admin untuk setiap pengguna, dan email melalui SMTP bila dikonfigurasi.",
        Category = "Inti",
        Dependencies = ["OrchardSpbe.Admin"],
    };
}
