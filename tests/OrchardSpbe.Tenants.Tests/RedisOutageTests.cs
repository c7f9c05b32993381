using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace OrchardSpbe.Tenants.Tests;

/// <summary>
/// Issue 12 §3: Redis goes away between two nodes (a relay in front of the real Redis resets every connection and
/// refuses new ones). Both nodes keep serving; a tenant the portal administrator creates and then disables on node A
/// still reaches node B within 10 s, by the host store's change log; when Redis returns, node B reports it healthy again
/// by itself and changes keep arriving.
/// </summary>
public sealed class RedisOutageTests
{
    [Fact]
    public async Task With_redis_down_both_nodes_serve_and_a_change_reaches_the_other_node_within_10_s()
    {
        await using var relay = TcpProxy.Start("127.0.0.1", new Uri("redis://" + TestEnvironment.RedisConfiguration).Port);
        var settings = new Dictionary<string, string?> { ["Spbe:Redis:Configuration"] = $"127.0.0.1:{relay.Port},connectTimeout=1000,syncTimeout=2000" };
        await using var nodeA = await TestSite.StartAsync(new TestSiteOptions { Provider = DatabaseProviderName.Postgres, UseRedis = true, Settings = settings });
        await using var nodeB = await TestSite.StartAsync(new TestSiteOptions { Provider = DatabaseProviderName.Postgres, UseRedis = true, RunId = nodeA.RunId, Settings = settings });
        using var admin = await PortalAdmin.SignInAsync(nodeA);
        using var visitorOnB = nodeB.NewVisitor();

        relay.Cut();
        Assert.Equal("Degraded", await RedisHealthAsync(nodeB, until: "Degraded"));
        var name = "tanparedis" + Guid.NewGuid().ToString("N")[..5];
        Assert.Equal(HttpStatusCode.Created, (await admin.CreateAsync(PortalAdmin.NewTenant(name))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitorOnB.GetAsync(nodeA.Url(name))).StatusCode);
        var served = await TimeUntilAsync(visitorOnB, nodeB.Url(name), HttpStatusCode.OK);
        Assert.True(served < TimeSpan.FromSeconds(10), $"node B served the new tenant after {served.TotalSeconds:0.0} s without Redis");
        Assert.Equal(HttpStatusCode.OK, (await visitorOnB.GetAsync(nodeB.Url(null))).StatusCode);

        relay.Restore();
        Assert.Equal("Healthy", await RedisHealthAsync(nodeB, until: "Healthy"));
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(HttpMethod.Post, $"/api/tenants/{name}/disable")).StatusCode);
        var stopped = await TimeUntilAsync(visitorOnB, nodeB.Url(name), HttpStatusCode.ServiceUnavailable);
        Assert.True(stopped < TimeSpan.FromSeconds(10), $"node B stopped serving after {stopped.TotalSeconds:0.0} s");
    }

    private static async Task<string> RedisHealthAsync(TestSite node, string until)
    {
        using var client = new HttpClient();
        var clock = Stopwatch.StartNew();
        var status = "";
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            var health = JsonDocument.Parse(await client.GetStringAsync($"http://127.0.0.1:{node.Port}/health")).RootElement;
            status = health.GetProperty("entries").GetProperty("redis").GetProperty("status").GetString()!;
            if (status == until) return status;
            await Task.Delay(250);
        }
        return status;
    }

    private static async Task<TimeSpan> TimeUntilAsync(SiteClient client, Uri url, HttpStatusCode wanted)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            using var response = await client.GetAsync(url);
            if (response.StatusCode == wanted) return clock.Elapsed;
            await Task.Delay(100);
        }
        return clock.Elapsed;
    }
}
