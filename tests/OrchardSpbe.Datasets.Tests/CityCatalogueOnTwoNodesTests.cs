using System.Diagnostics;
using System.Text.Json;

namespace OrchardSpbe.Datasets.Tests;

/// <summary>
/// The portal's catalogue is kept parsed on each node (issue 11's benchmark: 10,000 datasets were read and deserialised
/// per request) and checked against the catalog's stamp on every request. Two nodes sharing PostgreSQL and Redis: node B
/// has read the catalogue (its copy is warm); a walidata publishes on node A, then withdraws by classifying the dataset
/// dikecualikan — node B's package_search shows each change at the next request, never the copy it held.
/// </summary>
public sealed class CityCatalogueOnTwoNodesTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task A_publication_and_a_withdrawal_on_node_a_show_in_node_b_package_search_at_once()
    {
        var desk = await DataDesk.OpenAsync(nodes.NodeA, "dkdua");
        var first = await desk.PublishDatasetAsync("Kasus DBD simpul satu", "dbd-simpul-satu");
        using var onB = nodes.NodeB.NewVisitor();
        var url = nodes.NodeB.Url(null, $"/api/3/action/package_search?fq={Uri.EscapeDataString("organization:" + desk.Pd)}&rows=100");
        async Task<IReadOnlyList<string>> NamesOnB()
        {
            var json = JsonDocument.Parse(await onB.Http.GetStringAsync(url)).RootElement.GetProperty("result");
            return json.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("name").GetString()!).Order().ToList();
        }
        // Node B reads the catalogue once (the copy it keeps now holds the first dataset).
        await DataDesk.WaitUntilAsync(async () => (await NamesOnB()).SequenceEqual(["dbd-simpul-satu"]), "Node B never listed the first dataset.");
        Assert.Equal(["dbd-simpul-satu"], await NamesOnB());

        await desk.PublishDatasetAsync("Kasus DBD simpul dua", "dbd-simpul-dua");
        var published = await SeenWithinAsync(async () => (await NamesOnB()).SequenceEqual(["dbd-simpul-dua", "dbd-simpul-satu"]));

        var edited = await desk.PdAdmin.SubmitAsync(desk.Url($"/admin/contents/{first}/edit"), "form.content-editor",
            DataDesk.DatasetForm("Kasus DBD simpul satu", "dbd-simpul-satu", "dikecualikan"));
        Assert.Empty(edited.Errors);
        var withdrawn = await SeenWithinAsync(async () => (await NamesOnB()).SequenceEqual(["dbd-simpul-dua"]));

        Assert.True(published < TimeSpan.FromSeconds(1), $"node B listed the publication after {published.TotalMilliseconds:F0} ms");
        Assert.True(withdrawn < TimeSpan.FromSeconds(1), $"node B still listed the withdrawn dataset for {withdrawn.TotalMilliseconds:F0} ms");
    }

    private static async Task<TimeSpan> SeenWithinAsync(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(10)) throw new TimeoutException("Node B never showed the change.");
            await Task.Delay(25);
        }
        return clock.Elapsed;
    }
}
