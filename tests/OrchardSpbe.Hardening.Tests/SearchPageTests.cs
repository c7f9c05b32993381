using System.Text.RegularExpressions;

namespace OrchardSpbe.Hardening.Tests;

/// <summary>Finding 13 (search page): the type facet names types as people do, and a hit's line has no empty separator.</summary>
public sealed class SearchPageTests(SqliteSite fixture) : IClassFixture<SqliteSite>
{
    [Fact]
    public async Task The_type_facet_shows_display_names_and_hit_lines_have_no_empty_separator()
    {
        var site = fixture.Site;
        await site.CreateTenantAsync("carifaset");
        using var visitor = site.NewVisitor();
        Page page = null!;
        // The index catches up within seconds of the site's creation.
        for (var attempt = 0; attempt < 40; attempt++)
        {
            page = await visitor.OpenAsync(site.Url("carifaset", "/search?q=pelayanan"));
            if (page.Document.QuerySelectorAll(".search-hit").Length > 0 && page.Document.QuerySelector(".search-facet") is not null) break;
            await Task.Delay(500);
        }
        var labels = page.Document.QuerySelectorAll(".search-facet a").Select(a => a.TextContent).ToList();
        Assert.NotEmpty(labels);
        Assert.DoesNotContain(labels, l => Regex.IsMatch(l, @"\b(Article|EventList|NewsList|Event|Page)\b"));
        foreach (var meta in page.Document.QuerySelectorAll(".search-hit .meta"))
            Assert.DoesNotMatch(@"·\s*·|^\s*·", Regex.Replace(meta.TextContent, @"\s+", " "));
    }
}
