namespace OrchardSpbe.Contents.Tests;

/// <summary>Sites whose background scheduler ticks every second, so scheduled publishing shows within the test.</summary>
public abstract class ContentSite(DatabaseProviderName provider) : SiteFixture(provider)
{
    protected override TestSiteOptions Options => base.Options with
    {
        Settings = new Dictionary<string, string?> { ["Spbe:Background:Tick"] = "00:00:01" },
    };
}

public sealed class SqliteContentSite() : ContentSite(DatabaseProviderName.Sqlite);

public sealed class PostgresContentSite() : ContentSite(DatabaseProviderName.Postgres);
