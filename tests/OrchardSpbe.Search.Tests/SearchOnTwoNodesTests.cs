namespace OrchardSpbe.Search.Tests;

/// <summary>Two web nodes sharing PostgreSQL and Redis, each with its own index folder.</summary>
public sealed class SearchOnTwoNodesTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task News_published_through_node_a_is_found_through_node_b_within_two_seconds()
    {
        var desk = await NewsDesk.OpenAsync(nodes.NodeA, "duacari");
        using var visitorOnB = nodes.NodeB.NewVisitor();
        await SearchPages.WaitUntilAsync(async () => (await visitorOnB.GetAsync(nodes.NodeB.Url(desk.Pd, "/search?q=x"))).IsSuccessStatusCode);
        Assert.Empty((await visitorOnB.ApiAsync(nodes.NodeB, desk.Pd, "penghijauan")).Titles());

        await desk.WriteNewsAsync("Gerakan Penghijauan Bantaran Kali", "<p>Seribu pohon ditanam warga.</p>", publish: true);

        var onPd = await SearchPages.WaitUntilAsync(async () => (await visitorOnB.ApiAsync(nodes.NodeB, desk.Pd, "penghijauan")).Titles().Count == 1);
        var onPortal = await SearchPages.WaitUntilAsync(async () => (await visitorOnB.ApiAsync(nodes.NodeB, null, "penghijauan")).Titles().Count == 1);
        Assert.True(onPd < TimeSpan.FromSeconds(2), $"node B's PD search found it after {onPd.TotalMilliseconds} ms");
        Assert.True(onPortal < TimeSpan.FromSeconds(2), $"node B's portal search found it after {onPortal.TotalMilliseconds} ms");
        Assert.NotEqual(nodes.NodeA.AppData, nodes.NodeB.AppData);
    }
}
