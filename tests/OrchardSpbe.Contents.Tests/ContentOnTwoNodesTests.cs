using System.Diagnostics;

namespace OrchardSpbe.Contents.Tests;

/// <summary>
/// Two web nodes sharing PostgreSQL and Redis: news published through node A replaces the pages node B
/// has cached — the PD's news list and the portal home — within a second.
/// </summary>
public sealed class ContentOnTwoNodesTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    private TestSite NodeA => nodes.NodeA;
    private TestSite NodeB => nodes.NodeB;

    [Fact]
    public async Task News_published_on_node_a_shows_on_node_b_pd_site_and_portal_within_one_second()
    {
        var desk = await NewsDesk.OpenAsync(NodeA, "dua");
        using var visitorOnB = NodeB.NewVisitor();
        await WaitUntilAsync(async () => (await visitorOnB.GetAsync(NodeB.Url(desk.Pd, "/berita"))).IsSuccessStatusCode);
        // Node B now holds both pages in its output cache.
        Assert.DoesNotContain("Jembatan Baru Dibuka", (await visitorOnB.OpenAsync(NodeB.Url(desk.Pd, "/berita"))).Html);
        Assert.DoesNotContain("Jembatan Baru Dibuka", (await visitorOnB.OpenAsync(NodeB.Url(null))).Html);

        await desk.WriteNewsAsync("Jembatan Baru Dibuka", "<p>Akses warga lebih mudah.</p>", publish: true, path: "berita/jembatan");

        var onPd = await WaitUntilAsync(async () => (await visitorOnB.OpenAsync(NodeB.Url(desk.Pd, "/berita"))).Html.Contains("Jembatan Baru Dibuka"));
        var onPortal = await WaitUntilAsync(async () => (await visitorOnB.OpenAsync(NodeB.Url(null))).Html.Contains("Jembatan Baru Dibuka"));
        Assert.True(onPd < TimeSpan.FromSeconds(1), $"node B's news list showed it after {onPd.TotalMilliseconds} ms");
        Assert.True(onPortal < TimeSpan.FromSeconds(1), $"node B's portal home showed it after {onPortal.TotalMilliseconds} ms");
    }

    private static async Task<TimeSpan> WaitUntilAsync(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(10)) throw new TimeoutException("The condition never held.");
            await Task.Delay(25);
        }
        return clock.Elapsed;
    }
}
