using System.Net;
using Microsoft.Extensions.Options;
using OrchardSpbe.Hosting.PageCache;

namespace OrchardSpbe.Host.Tests;

/// <summary>The page cache as a visitor meets it: one kept copy per public page, language and public query key.</summary>
public sealed class PageCacheTests(SqliteSite fixture) : IClassFixture<SqliteSite>
{
    private TestSite Site => fixture.Site;

    [Fact]
    public async Task A_kept_page_varies_only_by_the_query_keys_public_pages_read_and_answers_HEAD_and_If_Modified_Since_from_the_copy()
    {
        var name = "simpan" + TenancyTests.Suffix();
        await Site.CreateTenantAsync(name, "Dinas Simpan");
        using var visitor = Site.NewVisitor();
        var first = await visitor.GetAsync(Site.Url(name));
        var body = await first.Content.ReadAsByteArrayAsync();
        var etag = first.Headers.ETag!.Tag;
        Assert.Equal(etag, (await visitor.GetAsync(Site.Url(name))).Headers.ETag!.Tag);

        // A query string no public page reads (a campaign tag, a random one) gets the same copy: it cannot flood the cache.
        Assert.Equal(etag, (await visitor.GetAsync(Site.Url(name, "/?utm_source=wa&acak=" + Guid.NewGuid().ToString("N")))).Headers.ETag!.Tag);
        // One a public page reads is another page.
        var secondPage = (await visitor.GetAsync(Site.Url(name, "/?page=2"))).Headers.ETag!.Tag;
        Assert.NotEqual(etag, secondPage);
        Assert.Equal(secondPage, (await visitor.GetAsync(Site.Url(name, "/?utm_source=wa&page=2"))).Headers.ETag!.Tag);

        // HEAD: the copy's headers, no body.
        var head = await visitor.SendAsync(new HttpRequestMessage(HttpMethod.Head, Site.Url(name)));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(etag, head.Headers.ETag!.Tag);
        Assert.Equal(body.Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());

        // A browser that revalidates by date gets 304 while the copy is the one it has.
        var since = new HttpRequestMessage(HttpMethod.Get, Site.Url(name));
        since.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        var notModified = await visitor.SendAsync(since);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(etag, notModified.Headers.ETag!.Tag);
        Assert.True(notModified.Headers.CacheControl!.NoCache);
    }

    [Fact]
    public async Task A_language_the_site_does_not_have_gets_the_default_page_rendered_fresh_and_never_an_English_copy()
    {
        var name = "bahasa" + TenancyTests.Suffix();
        await Site.CreateTenantAsync(name, "Dinas Bahasa");
        using var english = Site.NewVisitor();
        english.Cookies.Add(new Cookie(".AspNetCore.Culture", "c=en-US|uic=en-US", "/", Site.Url(name).Host));
        var englishPage = await english.GetAsync(Site.Url(name));
        Assert.Equal("en", (await SiteClient.ReadAsync(englishPage)).Document.DocumentElement.GetAttribute("lang")?[..2]);

        using var french = Site.NewVisitor();
        french.Cookies.Add(new Cookie(".AspNetCore.Culture", "c=fr-FR|uic=fr-FR", "/", Site.Url(name).Host));
        var frenchPage = await french.GetAsync(Site.Url(name));
        Assert.Equal(HttpStatusCode.OK, frenchPage.StatusCode);
        Assert.Null(frenchPage.Headers.ETag);   // rendered for this request, not kept
        Assert.Equal("id", (await SiteClient.ReadAsync(frenchPage)).Document.DocumentElement.GetAttribute("lang")?[..2]);
    }

    [Fact]
    public void The_store_stays_within_its_size_dropping_the_least_recently_served_and_never_keeps_a_page_rendered_before_a_change()
    {
        var store = new PageCacheStore(Options.Create(new SpbeOptions { PageCache = new PageCacheSettings { SizeLimitBytes = 10_000 } }));
        CachedPage Page(string tenant) => new(tenant, new byte[3000], [], "W/\"1\"", DateTimeOffset.UtcNow, Environment.TickCount64 + 60_000);

        Assert.True(store.TryAdd("a", Page("dinkes"), store.GenerationOf("dinkes")));
        Assert.True(store.TryAdd("b", Page("dinkes"), store.GenerationOf("dinkes")));
        Thread.Sleep(20);
        Assert.True(store.TryGet("a", out _));   // "a" served again: "b" is now the least recently served
        Assert.True(store.TryAdd("c", Page("disdik"), store.GenerationOf("disdik")));
        Assert.True(store.Bytes <= 10_000);
        Assert.True(store.TryGet("a", out _));
        Assert.False(store.TryGet("b", out _));
        Assert.True(store.TryGet("c", out _));

        // A page whose rendering began before its tenant changed is not kept; the other tenant's stay.
        var before = store.GenerationOf("disdik");
        store.EvictTenant("disdik");
        Assert.False(store.TryGet("c", out _));
        Assert.False(store.TryAdd("d", Page("disdik"), before));
        Assert.True(store.TryAdd("d", Page("disdik"), store.GenerationOf("disdik")));
        Assert.True(store.TryGet("a", out _));

        // An expired copy is not served.
        Assert.True(store.TryAdd("e", new CachedPage("dinkes", [1], [], "W/\"2\"", DateTimeOffset.UtcNow, Environment.TickCount64 - 1), store.GenerationOf("dinkes")));
        Assert.False(store.TryGet("e", out _));
    }
}
