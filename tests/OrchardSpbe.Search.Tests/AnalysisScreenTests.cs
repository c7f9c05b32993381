using System.Net;
using System.Text.Json;

namespace OrchardSpbe.Search.Tests;

/// <summary>An operator explains a surprising result: the analysis screen shows each token's steps and the rule that decided it.</summary>
public sealed class AnalysisScreenTests(SqliteSearchSite fixture) : IClassFixture<SqliteSearchSite>
{
    private TestSite Site => fixture.Site;

    [Fact]
    public async Task The_analysis_json_and_screen_show_each_token_through_every_step()
    {
        var desk = await NewsDesk.OpenAsync(Site, "analisis");
        var response = await desk.Client.GetAsync(desk.Url("/admin/search/analyze?text=" + Uri.EscapeDataString("Pemerintah Kota Bekasi dan Disdukcapil: perencanaan SP00055, anak-anak")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tokens = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("tokens").EnumerateArray()
            .Select(t => (Raw: t.GetProperty("raw").GetString(), Lower: t.GetProperty("lower").GetString(), Stemmed: t.GetProperty("stemmed").GetString(), Rule: t.GetProperty("rule").GetString()!))
            .ToList();
        Assert.Equal(["Pemerintah", "Kota", "Bekasi", "dan", "Disdukcapil", "perencanaan", "SP00055", "anak", "anak"], tokens.Select(t => t.Raw));

        var pemerintah = tokens[0];
        Assert.Equal(("pemerintah", "perintah"), (pemerintah.Lower, pemerintah.Stemmed));
        Assert.Contains("peN- + p", pemerintah.Rule);
        Assert.Contains("perintah (hunspell-id)", pemerintah.Rule);
        Assert.Equal("rencana", tokens[5].Stemmed);
        Assert.Contains("-an", tokens[5].Rule);
        // A place name and a PD's short name are protected; a stop word is not indexed; a code is not a word.
        Assert.Equal("bekasi", tokens[2].Stemmed);
        Assert.Contains("dilindungi", tokens[2].Rule);
        Assert.Equal("disdukcapil", tokens[4].Stemmed);
        Assert.Null(tokens[3].Stemmed);
        Assert.Contains("kata henti", tokens[3].Rule);
        Assert.Equal("sp00055", tokens[6].Stemmed);
        Assert.Equal("anak", tokens[8].Stemmed);

        // The screen: linked from the index page, a form, a row per token.
        var status = await desk.Client.OpenAsync(desk.Url("/admin/search"));
        var screen = await desk.Client.OpenAsync(new Uri(desk.Url("/"), status.Document.QuerySelector("a.analysis-link")!.GetAttribute("href")!));
        Assert.Equal(HttpStatusCode.OK, screen.Status);
        Assert.Equal("get", screen.Document.QuerySelector("form.analysis-form")!.GetAttribute("method"));
        var analysed = await desk.Client.OpenAsync(desk.Url("/admin/search/analysis?text=" + Uri.EscapeDataString("Pengelolaan keuangan")));
        Assert.Equal("Pengelolaan keuangan", analysed.Document.QuerySelector("form.analysis-form textarea[name=text]")!.TextContent.Trim());
        var rows = analysed.Document.QuerySelectorAll("table.analysis tbody tr")
            .Select(r => (r.QuerySelector(".raw")!.TextContent, r.QuerySelector(".stemmed")!.TextContent, r.QuerySelector(".rule")!.TextContent)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(("Pengelolaan", "kelola"), (rows[0].Item1, rows[0].Item2));
        Assert.Contains("kelola (hunspell-id)", rows[0].Item3);
        Assert.Equal(("keuangan", "uang"), (rows[1].Item1, rows[1].Item2));
    }

    // A site's manager who may run the admin but not the search indexes is refused the analysis, as the public is.
    [Fact]
    public async Task Without_ManageSearchIndexes_the_analysis_is_refused()
    {
        var desk = await NewsDesk.OpenAsync(Site, "analtolak");
        var imported = await desk.Client.SubmitAsync(desk.Url("/admin/recipes"), "form.card", new Dictionary<string, string>
        {
            ["json"] = """
                { "name": "pengelola", "steps": [
                  { "name": "roles", "roles": [ { "name": "Pengelola", "description": "Mengelola situs tanpa indeks pencarian.",
                    "permissions": ["AccessAdmin", "ManageUsers", "ManageSettings", "EditContent", "PublishContent", "ViewAuditLog"] } ] },
                  { "name": "users", "users": [
                  { "userName": "pengelola", "email": "pengelola@dinas.go.id", "password": "Pengelola-Kuat-2026", "roles": ["Pengelola"] } ] } ] }
                """,
        });
        Assert.Equal(HttpStatusCode.OK, imported.Status);

        using var manager = Site.NewVisitor();
        var dashboard = await manager.SignInAsync(desk.Url("/"), "pengelola", "Pengelola-Kuat-2026");
        Assert.StartsWith("Dasbor", dashboard.Heading);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync(desk.Url("/admin/search/analyze?text=perencanaan"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.OpenAsync(desk.Url("/admin/search/analysis?text=perencanaan"))).Status);

        // The public: not signed in.
        using var visitor = Site.NewVisitor();
        Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.GetAsync(desk.Url("/admin/search/analyze?text=perencanaan"))).StatusCode);
        // The site's administrator holds it.
        Assert.Equal(HttpStatusCode.OK, (await desk.Client.GetAsync(desk.Url("/admin/search/analyze?text=perencanaan"))).StatusCode);
    }
}
