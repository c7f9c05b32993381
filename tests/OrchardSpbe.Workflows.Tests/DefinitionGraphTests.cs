using System.Text.Json.Nodes;
using OrchardSpbe.Workflows.Activities;
using OrchardSpbe.Workflows.Admin;
using OrchardSpbe.Workflows.Definitions;

namespace OrchardSpbe.Workflows.Tests;

/// <summary>The definition graph is laid out by longest path from the start, with loops drawn apart.</summary>
public sealed class DefinitionGraphTests
{
    [Fact]
    public void Activities_sit_one_layer_below_their_furthest_predecessor_and_a_loop_back_is_a_back_edge()
    {
        // mulai → tinjau → (setuju) terbit; tinjau → (tolak) perbaiki → tinjau (loop); mulai → terbit (a shortcut).
        var definition = WorkflowDefinition.FromJson(JsonNode.Parse("""
            { "id": "graf", "name": "Graf",
              "activities": [
                { "id": "mulai", "type": "ManualStart", "start": true },
                { "id": "terbit", "type": "PublishContent" },
                { "id": "tinjau", "type": "UserTask" },
                { "id": "perbaiki", "type": "UserTask" } ],
              "transitions": [
                { "from": "mulai", "to": "tinjau" },
                { "from": "mulai", "to": "terbit" },
                { "from": "tinjau", "outcome": "setuju", "to": "terbit" },
                { "from": "tinjau", "outcome": "tolak", "to": "perbaiki" },
                { "from": "perbaiki", "outcome": "kirim", "to": "tinjau" },
                { "from": "perbaiki", "outcome": "kirim", "to": "hilang" } ] }
            """)!.AsObject());

        var graph = DefinitionGraph.Layout(definition, new ActivityLibrary([]));

        var layer = graph.Nodes.ToDictionary(n => n.Activity.Id, n => n.Layer);
        Assert.Equal(0, layer["mulai"]);
        Assert.Equal(1, layer["tinjau"]);
        Assert.Equal(2, layer["terbit"]);
        Assert.Equal(2, layer["perbaiki"]);
        var back = Assert.Single(graph.Edges, e => e.Back);
        Assert.Equal(("perbaiki", "tinjau"), (back.Transition.From, back.Transition.To));
        // A transition to a missing activity is not drawn (the validator reports it); every drawn edge has a path.
        Assert.Equal(5, graph.Edges.Count);
        Assert.All(graph.Edges, e => Assert.StartsWith("M ", e.Path));
        // Boxes of one layer never overlap, and the canvas holds every box.
        foreach (var row in graph.Nodes.GroupBy(n => n.Layer))
        {
            var xs = row.Select(n => n.X).Order().ToList();
            for (var i = 1; i < xs.Count; i++) Assert.True(xs[i] - xs[i - 1] >= DefinitionGraph.BoxWidth);
        }
        Assert.All(graph.Nodes, n => Assert.True(n.X + DefinitionGraph.BoxWidth <= graph.Width && n.Y + DefinitionGraph.BoxHeight <= graph.Height));
    }
}
