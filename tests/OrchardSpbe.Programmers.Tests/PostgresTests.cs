namespace OrchardSpbe.Programmers.Tests;

/// <summary>The same module on PostgreSQL (a schema per tenant): reference data, a selection to the letter, an appointment and the gap table.</summary>
public sealed class PostgresTests(PostgresSite fixture) : IClassFixture<PostgresSite>
{
    [Fact]
    public async Task Reference_selection_appointment_and_gap_work_on_postgres()
    {
        var desk = await ProgrammerDesk.OpenAsync(fixture.Site);
        using var chair = await desk.ChairAsync();
        var reference = await chair.OpenAsync(desk.Portal("/admin/tim-programmer/referensi?domain=B&level=6"));
        Assert.NotNull(reference.Document.QuerySelector("tr[data-code='20605'][data-domain='B'][data-level='6']"));

        var id = await desk.PassSelectionAsync("Nina Postgres " + desk.Suffix, "fullstack-programmer", 4);
        using var team = await desk.SelectionTeamAsync();
        var letter = await team.OpenAsync(desk.Portal($"/admin/tim-programmer/seleksi/{id}/surat/hasil"));
        Assert.Equal(5, letter.Document.QuerySelectorAll("ol.carbon-copies li").Length);

        var gapPage = desk.Portal($"/admin/tim-programmer/kompetensi?pd={desk.PlacementPd}");
        Assert.Empty((await chair.SubmitAsync(gapPage, "form.needs-form", new Dictionary<string, string> { ["kebutuhan-aplikasi"] = "1" })).Errors);
        await desk.AppointAsync(id, DateTime.UtcNow.ToString("yyyy-MM-01"), "20605", "CCNA");
        var row = (await chair.OpenAsync(gapPage)).Document.QuerySelector("table.gap-table tr[data-area='aplikasi']")!;
        Assert.Equal("0", row.GetAttribute("data-gap"));
        var board = await team.OpenAsync(desk.Portal("/admin/tim-programmer/seleksi?status=lulus"));
        Assert.Contains("Nina Postgres", board.Document.QuerySelector("table.applications")!.TextContent);
    }
}
