using OrchardSpbe.Modules;

namespace OrchardSpbe.PublicSite;

public sealed class PublicSiteModule : SpbeModule
{
    public override IEnumerable<FeatureDescriptor> Features => [Manifest.PublicSite];
}
