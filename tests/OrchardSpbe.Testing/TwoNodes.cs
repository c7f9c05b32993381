using Xunit;

namespace OrchardSpbe.Testing;

/// <summary>
/// Two web nodes on loopback ports sharing one PostgreSQL database and one Redis server, as behind a
/// load balancer; a class fixture.
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
{
    public TestSite NodeA { get; private set; } = null!;
    public TestSite NodeB { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        NodeA = await TestSite.StartAsync(new TestSiteOptions { Provider = DatabaseProviderName.Postgres, UseRedis = true });
        NodeB = await TestSite.StartAsync(new TestSiteOptions { Provider = DatabaseProviderName.Postgres, UseRedis = true, RunId = NodeA.RunId });
    }

    public async Task DisposeAsync()
    {
        await NodeB.DisposeAsync();
        await NodeA.DisposeAsync();
    }
}
