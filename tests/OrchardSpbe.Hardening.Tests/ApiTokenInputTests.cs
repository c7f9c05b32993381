using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Hardening.Tests.Harness;
using OrchardSpbe.Tenants;

namespace OrchardSpbe.Hardening.Tests;

/// <summary>
/// The token headers are input too: every API endpoint the application maps (read from its endpoint list, as the
/// harness does) gets hostile values in <c>Authorization</c> and <c>X-CKAN-API-Key</c>. A refused token is a 401
/// (CKAN's API answers its own way), never a 5xx, and nothing is written on the PD or the portal.
/// </summary>
public sealed partial class ApiTokenInputTests(HarnessSite fixture, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<HarnessSite>
{
    // Header values travel as printable ASCII: the corpus's values that can be sent as one, and token-shaped ones.
    private static readonly IReadOnlyList<(string Name, string Value)> Tokens =
    [
        .. HostileCorpus.Values.Where(v => !v.Raw && v.Value.Length is > 0 and <= 10_000 && v.Value.All(c => c is >= ' ' and <= '~')).Select(v => (v.Name, v.Value)),
        ("10 KB", new string('x', 10 * 1024)),
        ("one past the longest token", new string('x', 201)),
        ("unknown user token", "spbe_" + new string('A', 43)),
        ("unknown data-sharing token", "spbe_akses_" + new string('B', 43)),
        ("Bearer alone", "Bearer"),
        ("Bearer twice", "Bearer Bearer spbe_x"),
        ("another scheme", "Basic dXNlcjpyYWhhc2lh"),
        ("SQL", "' OR '1'='1"),
    ];

    [Fact]
    public async Task A_hostile_token_on_any_api_endpoint_is_refused_never_a_5xx_and_writes_nothing()
    {
        var site = fixture.Site;
        var shells = site.Services.GetRequiredService<ShellHost>();
        var endpoints = EndpointCatalog.Discover(site.Services).Where(e => e.Template.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        Assert.Contains(endpoints, e => e.Template == "/api/statistik/impor/{code}");
        Assert.Contains(endpoints, e => e.Template == "/api/tenants");
        var stores = new[] { HarnessSite.Pd, TenantRecord.DefaultName }.Select(t => new StoreDigest(Path.Combine(site.AppData, "Sites", t, "site.db"))).ToList();
        var before = await Task.WhenAll(stores.Select(s => s.TakeAsync()));

        using var client = site.NewVisitor();
        var wrong = new List<string>();
        var sent = 0;
        foreach (var endpoint in endpoints)
        {
            var onPortal = endpoint.PortalOnly || (endpoint.FeatureId is { } feature && shells.Find(HarnessSite.Pd)?.IsFeatureEnabled(feature) == false);
            var url = site.Url(onPortal ? null : HarnessSite.Pd, RouteValue().Replace(endpoint.Template, "uji-tidak-ada"));
            var ckan = endpoint.Template.Contains("/action/", StringComparison.Ordinal);
            foreach (var (name, value) in Tokens)
                foreach (var header in new[] { "Authorization", "X-CKAN-API-Key" })
                {
                    using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), url);
                    if (endpoint.Method != "GET") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                    request.Headers.TryAddWithoutValidation(header, value);
                    using var response = await client.SendAsync(request);
                    var status = (int)response.StatusCode;
                    sent++;
                    if (status >= 500 || (!ckan && status != 401)) wrong.Add($"{endpoint} [{header}: {name}] → {status}");
                }
        }

        output.WriteLine($"{endpoints.Count} API endpoints × {Tokens.Count} tokens × 2 headers: {sent} requests; {string.Join(", ", endpoints.Select(e => e.ToString()))}");
        Assert.True(sent >= endpoints.Count * Tokens.Count * 2, $"only {sent} requests sent");
        Assert.True(wrong.Count == 0, $"{wrong.Count} answers were not a refusal:\n" + string.Join("\n", wrong.Take(60)));
        var after = await Task.WhenAll(stores.Select(s => s.TakeAsync()));
        for (var i = 0; i < stores.Count; i++) Assert.Empty(StoreDigest.Changed(before[i], after[i]));
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteValue();
}
