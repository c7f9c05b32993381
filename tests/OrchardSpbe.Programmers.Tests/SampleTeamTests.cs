namespace OrchardSpbe.Programmers.Tests;

/// <summary>A newcomer's first run with the sample PD sites: the public team page shows the sample members, labelled as such.</summary>
public sealed class SampleTeamTests
{
    [Fact]
    public async Task The_first_run_shows_sample_members_labelled_data_contoh_on_the_team_page()
    {
        await using var site = await TestSite.StartAsync(new TestSiteOptions { SampleTenants = true });
        using var visitor = site.NewVisitor();
        var page = await visitor.OpenAsync(site.Url(null, "/tim-programmer"));
        var rows = page.Document.QuerySelectorAll("tr[data-member]").Select(r => r.TextContent).ToList();
        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Contains("(data contoh)", r));
        Assert.Contains(rows, r => r.Contains("Fullstack Programmer") && r.Contains("Komunikasi"));
    }
}
