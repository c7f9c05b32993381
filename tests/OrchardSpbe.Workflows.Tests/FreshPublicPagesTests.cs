using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;

namespace OrchardSpbe.Workflows.Tests;

/// <summary>
/// Public pages are revalidated by browsers (issue 16 §5): a visitor who had the news list open sees an approved item on
/// the next navigation, and a deleted article is gone at once — while the server's page cache answers 304.
/// </summary>
public sealed class FreshPublicPagesTests(SqliteWorkflowSite fixture, ChromiumFixture chromium)
    : IClassFixture<SqliteWorkflowSite>, IClassFixture<ChromiumFixture>
{
    private TestSite Site => fixture.Site;

    [Fact]
    public async Task A_browser_sees_an_approval_and_a_deletion_on_its_next_navigation_without_reloading()
    {
        var team = await PdTeam.OpenAsync(Site, "segar");
        var visitor = await chromium.NewPageAsync();
        var list = team.Url("/berita").ToString();
        await visitor.GotoAsync(list);
        await visitor.GotoAsync(team.Url("/").ToString());
        Assert.DoesNotContain("Pasar Murah Ramadan", await visitor.ContentAsync());

        // Approved while the visitor is elsewhere on the site: the list shows it on the next visit.
        using var author = await team.SignInAsync("penulis");
        var submitted = await team.WriteNewsAsync(author, "Pasar Murah Ramadan", "<p>Di alun-alun.</p>", "submit");
        using var head = await team.SignInAsync("kepala");
        var approved = await team.DecideAsync(head, (await team.TaskIdInInboxAsync(head, "Pasar Murah Ramadan"))!, "setujui", "");
        Assert.NotNull(approved.SuccessMessage);
        await visitor.GotoAsync(list);
        Assert.Contains("Pasar Murah Ramadan", await visitor.ContentAsync());

        // The visitor reads the article, goes back to the list; the article is deleted; opening it again shows it is gone.
        var article = team.Url("/berita/pasar-murah-ramadan").ToString();
        Assert.Equal(200, (await visitor.GotoAsync(article))!.Status);
        await visitor.GotoAsync(list);
        var editor = await team.Admin.OpenAsync(team.Url($"/admin/contents/{PdTeam.IdOf(submitted)}/edit"));
        await editor.SubmitAsync(team.Admin, $"form[action$='/admin/contents/{PdTeam.IdOf(submitted)}/delete']", new Dictionary<string, string>());
        var gone = await visitor.GotoAsync(article);
        Assert.Equal(404, gone!.Status);
        await visitor.GotoAsync(list);
        Assert.DoesNotContain("Pasar Murah Ramadan", await visitor.ContentAsync());
    }

    [Fact]
    public async Task A_public_page_asks_to_be_revalidated_and_the_page_cache_answers_304_until_it_changes()
    {
        var team = await PdTeam.OpenAsync(Site, "etag");
        using var visitor = Site.NewVisitor();
        var first = await visitor.GetAsync(team.Url("/berita"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(first.Headers.CacheControl!.NoCache);
        Assert.True(first.Headers.CacheControl.Public);
        Assert.Null(first.Headers.CacheControl.MaxAge);
        var etag = first.Headers.ETag!;
        Assert.NotNull(first.Content.Headers.LastModified);

        var again = new HttpRequestMessage(HttpMethod.Get, team.Url("/berita"));
        again.Headers.IfNoneMatch.Add(etag);
        var notModified = await visitor.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        // A publication evicts the cached page: the browser's copy no longer matches and it gets the new list.
        using var author = await team.SignInAsync("penulis");
        await team.WriteNewsAsync(author, "Lomba Kebersihan", "<p>Lomba.</p>", "submit");
        using var head = await team.SignInAsync("kepala");
        await team.DecideAsync(head, (await team.TaskIdInInboxAsync(head, "Lomba Kebersihan"))!, "setujui", "");
        var afterChange = new HttpRequestMessage(HttpMethod.Get, team.Url("/berita"));
        afterChange.Headers.IfNoneMatch.Add(etag);
        var changed = await visitor.SendAsync(afterChange);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.Contains("Lomba Kebersihan", await changed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_signed_in_reader_neither_gets_nor_leaves_the_anonymous_copy_the_page_cache_answers_before_sign_in_runs()
    {
        var team = await PdTeam.OpenAsync(Site, "masuk");
        using var visitor = Site.NewVisitor();
        var cached = (await visitor.GetAsync(team.Url("/berita"))).Headers.ETag!;
        Assert.Equal(cached, (await visitor.GetAsync(team.Url("/berita"))).Headers.ETag);

        // The cache answers before authentication: it knows a signed-in reader by the site's sign-in cookie alone.
        using var author = await team.SignInAsync("penulis");
        var signedIn = await author.GetAsync(team.Url("/berita"));
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Null(signedIn.Headers.ETag);   // rendered for them, not the kept copy
        Assert.Equal(cached, (await visitor.GetAsync(team.Url("/berita"))).Headers.ETag);   // and nothing of theirs was kept
    }
}
