using System.Net;
using System.Net.Http.Headers;

namespace OrchardSpbe.Hardening.Tests;

/// <summary>Finding 11: monitors, crawlers and link checkers use HEAD; it answers as GET does, without a body.</summary>
public sealed class HeadRequestTests(SqliteSite fixture) : IClassFixture<SqliteSite>
{
    private TestSite Site => fixture.Site;

    // Headers that differ between two responses by nature, not by method.
    private static readonly HashSet<string> Varying = new(StringComparer.OrdinalIgnoreCase)
        { "Date", "Content-Security-Policy", "Set-Cookie", "Transfer-Encoding", "Content-Length", "Age", "Server-Timing" };

    [Theory]
    [InlineData(null, "/")]
    [InlineData(null, "/sitemap.xml")]
    [InlineData(null, "/robots.txt")]
    [InlineData(null, "/feeds/berita.rss")]
    [InlineData(null, "/feeds/agenda.atom")]
    [InlineData(null, "/perangkat-daerah")]
    [InlineData(null, "/berita")]
    [InlineData(null, "/halaman-yang-tidak-ada")]
    [InlineData("pd", "/")]
    [InlineData("pd", "/profil")]
    [InlineData("pd", "/berita")]
    [InlineData("pd", "/agenda")]
    [InlineData("pd", "/sitemap.xml")]
    [InlineData("pd", "/feeds/berita.atom")]
    [InlineData("pd", "/search?q=rapat")]
    [InlineData("pd", "/halaman-yang-tidak-ada")]
    [InlineData("pd", "/admin/login")]
    public async Task Head_answers_with_the_status_and_headers_of_get_and_no_body(string? tenant, string path)
    {
        if (tenant is not null && Site.Registry.Find("headpd") is null) await Site.CreateTenantAsync("headpd");
        var url = Site.Url(tenant is null ? null : "headpd", path);
        using var visitor = Site.NewVisitor();
        using var get = await visitor.GetAsync(url);
        using var head = await visitor.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(get.StatusCode, head.StatusCode);
        if (path == "/halaman-yang-tidak-ada") Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        Assert.Equal(Headers(get), Headers(head));
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    private static SortedDictionary<string, string> Headers(HttpResponseMessage response) =>
        new(response.Headers.Concat(response.Content.Headers)
            .Where(h => !Varying.Contains(h.Key))
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value)), StringComparer.OrdinalIgnoreCase);
}
