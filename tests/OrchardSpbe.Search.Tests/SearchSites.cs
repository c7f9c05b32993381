using System.Diagnostics;
using System.Text.Json;

namespace OrchardSpbe.Search.Tests;

/// <summary>Sites whose background scheduler ticks every second (drafts reach other nodes' indexes on the tick).</summary>
public abstract class SearchSite(DatabaseProviderName provider) : SiteFixture(provider)
{
    public static readonly IReadOnlyDictionary<string, string?> FastTick = new Dictionary<string, string?>
    {
        ["Spbe:Background:Tick"] = "00:00:01",
        ["Spbe:Search:CatchUpInterval"] = "00:00:01",
    };

    protected override TestSiteOptions Options => base.Options with { Settings = FastTick };
}

public sealed class SqliteSearchSite() : SearchSite(DatabaseProviderName.Sqlite);

public sealed class PostgresSearchSite() : SearchSite(DatabaseProviderName.Postgres);

/// <summary>A PD's website team writing news in the admin, through the forms a person fills in.</summary>
public sealed class NewsDesk(TestSite site, string pd, SiteClient client)
{
    public string Pd => pd;
    public SiteClient Client => client;

    public static async Task<NewsDesk> OpenAsync(TestSite site, string prefix = "pd", string? displayName = null)
    {
        var pd = prefix + Guid.NewGuid().ToString("N")[..8];
        await site.CreateTenantAsync(pd, displayName ?? "Dinas Uji " + pd);
        var client = site.NewVisitor();
        await client.SignInAsync(site.Url(pd), "admin", TestEnvironment.AdminPassword);
        return new NewsDesk(site, pd, client);
    }

    public Uri Url(string path) => site.Url(pd, path);

    /// <summary>Writes a news item and saves it as a draft or publishes it; returns its id.</summary>
    public async Task<string> WriteNewsAsync(string title, string body, bool publish)
    {
        var editor = await client.SubmitAsync(Url("/admin/contents/create/Article"), "form.content-editor", new Dictionary<string, string>
        {
            ["TitlePart.Title"] = title,
            ["BodyPart.Html"] = body,
            ["submit"] = publish ? "publish" : "draft",
        });
        Assert.True(editor.Status == System.Net.HttpStatusCode.OK, editor.Html[..Math.Min(400, editor.Html.Length)]);
        return editor.Url.AbsolutePath.Split('/')[3];
    }

    public async Task<Page> PostAsync(string path)
    {
        var form = await client.OpenAsync(Url("/admin/contents"));
        var token = form.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await client.Http.PostAsync(Url(path), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        return await SiteClient.ReadAsync(await client.FollowAsync(response));
    }
}

/// <summary>Reading search results as a visitor does: the page's hits, and the JSON API.</summary>
public static class SearchPages
{
    public static async Task<Page> SearchAsync(this SiteClient client, TestSite site, string? tenant, string query, string extra = "") =>
        await client.OpenAsync(site.Url(tenant, "/search?q=" + Uri.EscapeDataString(query) + extra));

    public static IReadOnlyList<string> HitTitles(this Page page) =>
        page.Document.QuerySelectorAll(".search-hit h3").Select(h => h.TextContent.Trim()).ToList();

    public static async Task<JsonElement> ApiAsync(this SiteClient client, TestSite site, string? tenant, string query)
    {
        var response = await client.GetAsync(site.Url(tenant, "/api/search?q=" + Uri.EscapeDataString(query)));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    public static IReadOnlyList<string> Titles(this JsonElement result) =>
        result.GetProperty("hits").EnumerateArray().Select(h => StripMarks(h.GetProperty("title").GetString()!)).ToList();

    public static string StripMarks(string html) => System.Net.WebUtility.HtmlDecode(html.Replace("<mark>", "").Replace("</mark>", ""));

    public static async Task<TimeSpan> WaitUntilAsync(Func<Task<bool>> condition, double seconds = 15)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(seconds)) throw new TimeoutException("The condition never held.");
            await Task.Delay(25);
        }
        return clock.Elapsed;
    }
}
