namespace OrchardSpbe.Statistics.Tests;

/// <summary>
/// A data officer fills values in the grid for the areas the indicator is estimated at: the city alone, the city and
/// its kecamatan, or — for a kelurahan-level indicator — one kecamatan at a time with its kelurahan.
/// </summary>
public sealed class GridAreaTests(SqliteSite fixture) : IClassFixture<SqliteSite>
{
    private static readonly int LastYear = DateTime.UtcNow.Year - 1;

    [Fact]
    public async Task A_kelurahan_level_grid_offers_each_kecamatan_with_its_kelurahan_and_saves_their_values()
    {
        var desk = await StatisticsDesk.OpenAsync(fixture.Site, "grid", withVerifier: false);
        var indicatorId = await desk.CreateIndicatorAsync("PKH-KEL", "Keluarga penerima PKH per kelurahan", level: "kelurahan");
        using var officer = await desk.OfficerAsync();

        var overview = await officer.OpenAsync(desk.Url($"/admin/statistik/indikator/{indicatorId}?year={LastYear}"));
        Assert.Equal(13, AreaColumns(overview).Count);
        var kecamatanChoices = overview.Document.QuerySelectorAll("select#kecamatan option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(13, kecamatanChoices.Count); // "Kota dan kecamatan" and the 12 kecamatan

        // Bekasi Timur (32.75.01) with its four kelurahan.
        var timur = await officer.OpenAsync(desk.Url($"/admin/statistik/indikator/{indicatorId}?year={LastYear}&kecamatan=32.75.01"));
        var columns = AreaColumns(timur);
        Assert.Equal("32.75.01", columns[0]);
        Assert.Equal(["32.75.01.1001", "32.75.01.1002", "32.75.01.1003", "32.75.01.1004"], columns.Skip(1).ToArray());

        var saved = await officer.SubmitAsync(desk.Url($"/admin/statistik/indikator/{indicatorId}?year={LastYear}&kecamatan=32.75.01"), "form.stat-grid-form",
            new Dictionary<string, string> { [$"v:{LastYear}-M02|32.75.01.1002"] = "412" });
        Assert.Empty(saved.Errors);
        Assert.Equal("1 nilai disimpan.", saved.SuccessMessage);
        // The officer stays on the same kecamatan, and the value is there.
        Assert.Equal("412", saved.Document.QuerySelector($"input[name='v:{LastYear}-M02|32.75.01.1002']")?.GetAttribute("value"));

        // A kelurahan of another kecamatan posted into this view is not a cell of it: nothing is written.
        var foreign = await officer.SubmitAsync(desk.Url($"/admin/statistik/indikator/{indicatorId}?year={LastYear}&kecamatan=32.75.01"), "form.stat-grid-form",
            new Dictionary<string, string> { [$"v:{LastYear}-M02|32.75.02.1001"] = "5" });
        Assert.Equal("0 nilai disimpan.", foreign.SuccessMessage);
    }

    [Fact]
    public async Task A_city_level_grid_has_one_column_and_no_area_choice()
    {
        var desk = await StatisticsDesk.OpenAsync(fixture.Site, "gridkota", withVerifier: false);
        var indicatorId = await desk.CreateIndicatorAsync("IPM", "Indeks pembangunan manusia", periodicity: "tahunan", level: "kota");
        using var officer = await desk.OfficerAsync();
        var grid = await officer.OpenAsync(desk.Url($"/admin/statistik/indikator/{indicatorId}?kecamatan=32.75.01"));
        Assert.Equal(["32.75"], AreaColumns(grid).ToArray());
        Assert.Null(grid.Document.QuerySelector("select#kecamatan"));
    }

    // An indicator is public only at /statistik once Diskominfostandi accepted it: the generic content page, which shows
    // any published item by its id, does not show it (nor its title) before.
    [Fact]
    public async Task A_published_indicator_is_not_shown_by_the_generic_content_page()
    {
        var desk = await StatisticsDesk.OpenAsync(fixture.Site, "gridumum", withVerifier: false);
        var indicatorId = await desk.CreateIndicatorAsync("RAHASIA-IND", "Indikator belum diverifikasi", level: "kota");
        using var visitor = fixture.Site.NewVisitor();
        using var response = await visitor.GetAsync(desk.Url($"/contents/{indicatorId}"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Indikator belum diverifikasi", await response.Content.ReadAsStringAsync());
    }

    private static List<string> AreaColumns(Page page) =>
        page.Document.QuerySelectorAll("table.stat-grid thead th[title]").Select(th => th.GetAttribute("title")!).ToList();
}
