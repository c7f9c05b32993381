using Xunit;

namespace OrchardSpbe.Testing;

/// <summary>One running site per test class, on SQLite or PostgreSQL.</summary>
public abstract class SiteFixture(DatabaseProviderName provider) : IAsyncLifetime
{
    public TestSite Site { get; private set; } = null!;

    protected virtual TestSiteOptions Options => new() { Provider = provider };

    public async Task InitializeAsync() => Site = await TestSite.StartAsync(Options);

    public async Task DisposeAsync() => await Site.DisposeAsync();
}

public sealed class SqliteSite() : SiteFixture(DatabaseProviderName.Sqlite);

public sealed class PostgresSite() : SiteFixture(DatabaseProviderName.Postgres);
