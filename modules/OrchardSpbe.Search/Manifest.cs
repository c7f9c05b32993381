using OrchardSpbe.Modules;

namespace OrchardSpbe.Search;

public static class Manifest
{
    public const string FeatureId = "OrchardSpbe.Search";

    /// <summary>The Contents feature: its items are what the content source indexes, its permissions decide who sees drafts.</summary>
    public const string ContentsFeatureId = "OrchardSpbe.Contents";

    public static readonly FeatureDescriptor Search = new()
    {
        Id = FeatureId,
        Name = "Pencarian",
        Description = "Pencarian teks lengkap berbahasa Indonesia di situs ini; di portal, pencarian lintas perangkat daerah.",
        Category = "Situs",
        Dependencies = ["OrchardSpbe.Admin", ContentsFeatureId],
    };
}
