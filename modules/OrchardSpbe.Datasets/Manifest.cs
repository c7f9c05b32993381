using OrchardSpbe.Modules;

namespace OrchardSpbe.Datasets;

public static class Manifest
{
    public const string FeatureId = "OrchardSpbe.Datasets";

    public static readonly FeatureDescriptor Datasets = new()
    {
        Id = FeatureId,
        Name = "Data terbuka",
        Description = "Dataset milik walidata dengan sumber data (unggahan atau tautan), pratinjau tabel, klasifikasi, katalog /data, CKAN Action API dan DCAT.",
        Category = "Data",
        Dependencies = ["OrchardSpbe.Admin", "OrchardSpbe.Contents"],
    };
}
