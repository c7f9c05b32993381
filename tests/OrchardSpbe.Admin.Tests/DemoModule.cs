using OrchardSpbe.Modules;

namespace OrchardSpbe.Admin.Tests;

/// <summary>A module that exists only in the tests: two features, one depending on the other.</summary>
public sealed class DemoModule : SpbeModule
{
    public override IEnumerable<FeatureDescriptor> Features =>
    [
        new FeatureDescriptor { Id = "Demo.Base", Name = "Demo Dasar", Description = "Fitur uji.", Category = "Uji" },
        new FeatureDescriptor { Id = "Demo.Extra", Name = "Demo Tambahan", Description = "Fitur uji yang butuh Demo Dasar.", Category = "Uji", Dependencies = ["Demo.Base"] },
    ];
}

public sealed class SiteWithDemoModule : SiteFixture
{
    public SiteWithDemoModule() : base(DatabaseProviderName.Sqlite) { }

    protected override TestSiteOptions Options => new() { Extend = spbe => spbe.AddModule<DemoModule>() };
}
