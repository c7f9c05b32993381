using System.Diagnostics;
using System.Net;

namespace OrchardSpbe.Tenants.Tests;

/// <summary>
/// Two web nodes on loopback ports sharing one PostgreSQL database and one Redis server: what the
/// portal administrator does through node A shows through node B within a second, and a sign-in
/// on A is honoured on B.
/// </summary>
public sealed class TwoNodesTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    private TestSite NodeA => nodes.NodeA;
    private TestSite NodeB => nodes.NodeB;

    [Fact]
    public async Task A_tenant_created_then_disabled_through_node_a_serves_then_stops_through_node_b_within_one_second()
    {
        using var admin = await PortalAdmin.SignInAsync(NodeA);
        using var visitorOnB = NodeB.NewVisitor();
        var name = "nodes" + Guid.NewGuid().ToString("N")[..5];
        Assert.Equal(HttpStatusCode.NotFound, (await visitorOnB.GetAsync(NodeB.Url(name))).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await admin.CreateAsync(PortalAdmin.NewTenant(name))).StatusCode);
        var served = await TimeUntilAsync(visitorOnB, NodeB.Url(name), HttpStatusCode.OK);
        Assert.True(served < TimeSpan.FromSeconds(1), $"node B served the new tenant after {served.TotalMilliseconds} ms");

        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(HttpMethod.Post, $"/api/tenants/{name}/disable")).StatusCode);
        var stopped = await TimeUntilAsync(visitorOnB, NodeB.Url(name), HttpStatusCode.ServiceUnavailable);
        Assert.True(stopped < TimeSpan.FromSeconds(1), $"node B stopped serving after {stopped.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_sign_in_on_node_a_is_honoured_on_node_b()
    {
        var name = "sso" + Guid.NewGuid().ToString("N")[..5];
        await NodeA.CreateTenantAsync(name, "Dinas Sosial");
        using var editor = NodeA.NewVisitor();
        var dashboardOnA = await editor.SignInAsync(NodeA.Url(name), "admin", TestEnvironment.AdminPassword);
        Assert.StartsWith("Dasbor", dashboardOnA.Heading);

        // Same browser (cookie jar), same host name, the other node behind the load balancer.
        var dashboardOnB = await editor.OpenAsync(NodeB.Url(name, "/admin"));
        Assert.Equal(HttpStatusCode.OK, dashboardOnB.Status);
        Assert.StartsWith("Dasbor", dashboardOnB.Heading);
    }

    private static async Task<TimeSpan> TimeUntilAsync(SiteClient client, Uri url, HttpStatusCode wanted)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            using var response = await client.GetAsync(url);
            if (response.StatusCode == wanted) return clock.Elapsed;
            await Task.Delay(25);
        }
        return clock.Elapsed;
    }
}
