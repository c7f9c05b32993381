using System.Net;
using Microsoft.AspNetCore.Mvc;
using OrchardSpbe.Modules;

namespace OrchardSpbe.Hardening.Tests;

/// <summary>A module that exists only here: an endpoint that fails, as a bug would.</summary>
public sealed class FailingModule : SpbeModule
{
    public override IEnumerable<FeatureDescriptor> Features => [];
}

[ApiExplorerSettings(IgnoreApi = true)]
public sealed class FailingController : Controller
{
    public const string Secret = "rahasia-koneksi-basis-data";

    [HttpGet("uji-gagal")]
    public IActionResult Fail() => throw new InvalidOperationException("Host=db;Password=" + Secret);

    [HttpGet("api/uji-gagal")]
    public IActionResult FailApi() => throw new InvalidOperationException("Host=db;Password=" + Secret);
}

public sealed class ProductionSite : SiteFixture
{
    public ProductionSite() : base(DatabaseProviderName.Sqlite) { }

    protected override TestSiteOptions Options => new()
    {
        Settings = new Dictionary<string, string?> { ["environment"] = "Production" },
        Extend = spbe => spbe.AddModule<FailingModule>(),
    };
}

/// <summary>Finding 8: a failure in Production reaches the client as a short page with a reference id, the security headers, and nothing else.</summary>
public sealed class ErrorPageTests(ProductionSite fixture) : IClassFixture<ProductionSite>
{
    [Theory]
    [InlineData("/uji-gagal", "text/html")]
    [InlineData("/api/uji-gagal", "application/problem+json")]
    public async Task A_500_in_production_carries_the_security_headers_a_reference_and_no_details(string path, string contentType)
    {
        using var visitor = fixture.Site.NewVisitor();
        using var response = await visitor.GetAsync(fixture.Site.Url(null, path));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.StartsWith(contentType, response.Content.Headers.ContentType!.ToString());
        foreach (var header in new[] { "Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Permissions-Policy" })
            Assert.True(response.Headers.Contains(header), header + " missing");
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Matches("[0-9A-F]{10}", body);
        Assert.DoesNotContain(FailingController.Secret, body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotContain(" at ", body);
        Assert.True(body.Length < 2000, body);
    }
}

/// <summary>Finding 12: the portal shows PD images from the city's own subdomains; the CSP lets those, and only those, through.</summary>
public sealed class ImagePolicyTests(SqliteSite fixture) : IClassFixture<SqliteSite>
{
    [Fact]
    public async Task Images_may_come_from_the_citys_subdomains_and_nowhere_else()
    {
        using var visitor = fixture.Site.NewVisitor();
        using var response = await visitor.GetAsync(fixture.Site.Url(null, "/"));
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var images = policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("img-src ", StringComparison.Ordinal));
        Assert.Equal("img-src 'self' data: https://*.bekasikota.go.id http://*.localhost:*", images);
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("script-src 'self'", policy);
    }
}
