using OrchardSpbe.Workflows.Activities;
using OrchardSpbe.Workflows.Definitions;

namespace OrchardSpbe.Workflows.Admin;

/// <summary>
/// Where the admin draws a definition's activities and transitions: top to bottom, one layer per step of the
/// longest path from the start activities, with the edges that close a loop (back edges) set apart so the
/// rest of the graph reads as a flow. Server-side, so the page needs no script.
/// </summary>
public sealed class DefinitionGraph
{
    public const double BoxWidth = 190, BoxHeight = 52, ColumnGap = 60, LayerGap = 64, Margin = 24;

    public required IReadOnlyList<GraphNode> Nodes { get; init; }
    public required IReadOnlyList<GraphEdge> Edges { get; init; }
    public double Width { get; init; }
    public double Height { get; init; }

    public static DefinitionGraph Layout(WorkflowDefinition definition, ActivityLibrary library)
    {
        var activities = definition.Activities.Where(a => a.Id.Length > 0).GroupBy(a => a.Id).Select(g => g.First()).ToList();
        var order = activities.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var transitions = definition.Transitions.Where(t => order.ContainsKey(t.From) && order.ContainsKey(t.To)).ToList();
        var outgoing = transitions.GroupBy(t => t.From).ToDictionary(g => g.Key, g => g.ToList());

        // Depth-first from the starts (then anything unreached): an edge back to an activity still on the path closes a loop.
        var back = new HashSet<TransitionDefinition>();
        var state = new Dictionary<string, int>(); // 1 = on the path, 2 = done
        void Visit(string id)
        {
            state[id] = 1;
            foreach (var t in outgoing.GetValueOrDefault(id) ?? [])
            {
                var s = state.GetValueOrDefault(t.To);
                if (s == 1) back.Add(t);
                else if (s == 0) Visit(t.To);
            }
            state[id] = 2;
        }
        foreach (var a in activities.Where(a => a.Start)) if (!state.ContainsKey(a.Id)) Visit(a.Id);
        foreach (var a in activities) if (!state.ContainsKey(a.Id)) Visit(a.Id);

        // Longest path over the forward edges (a DAG once back edges are set aside), in topological order.
        var forward = transitions.Where(t => !back.Contains(t)).ToList();
        var layer = activities.ToDictionary(a => a.Id, _ => 0);
        var indegree = activities.ToDictionary(a => a.Id, a => forward.Count(t => t.To == a.Id));
        var ready = new Queue<string>(activities.Where(a => indegree[a.Id] == 0).Select(a => a.Id));
        while (ready.TryDequeue(out var id))
            foreach (var t in forward.Where(t => t.From == id))
            {
                layer[t.To] = Math.Max(layer[t.To], layer[id] + 1);
                if (--indegree[t.To] == 0) ready.Enqueue(t.To);
            }

        // Within a layer: under the activities that lead there (their mean column), then in the definition's order.
        var column = new Dictionary<string, double>();
        var layers = activities.GroupBy(a => layer[a.Id]).OrderBy(g => g.Key).ToList();
        foreach (var group in layers)
        {
            var placed = group.OrderBy(a =>
                {
                    var parents = forward.Where(t => t.To == a.Id && column.ContainsKey(t.From)).Select(t => column[t.From]).ToList();
                    return parents.Count == 0 ? double.MaxValue : parents.Average();
                })
                .ThenBy(a => order[a.Id]).ToList();
            for (var i = 0; i < placed.Count; i++) column[placed[i].Id] = i;
        }
        var widest = layers.Count == 0 ? 1 : layers.Max(g => g.Count());
        var nodes = new Dictionary<string, GraphNode>();
        foreach (var group in layers)
        {
            var count = group.Count();
            // Narrow layers are centred under the widest one.
            var offset = (widest - count) * (BoxWidth + ColumnGap) / 2;
            foreach (var a in group)
            {
                var x = Margin + offset + column[a.Id] * (BoxWidth + ColumnGap);
                var y = Margin + group.Key * (BoxHeight + LayerGap);
                nodes[a.Id] = new GraphNode(a, library.Find(a.Type)?.DisplayName ?? a.Type, group.Key, x, y);
            }
        }

        var hasBack = back.Count > 0;
        var width = Margin * 2 + widest * BoxWidth + (widest - 1) * ColumnGap + (hasBack ? 80 : 0);
        var height = Margin * 2 + layers.Count * BoxHeight + Math.Max(0, layers.Count - 1) * LayerGap;
        var rightmost = Margin + widest * BoxWidth + (widest - 1) * ColumnGap;
        var edges = new List<GraphEdge>();
        var seen = new Dictionary<(string, string), int>();
        var loops = 0;
        foreach (var t in transitions)
        {
            var (from, to) = (nodes[t.From], nodes[t.To]);
            var nth = seen[(t.From, t.To)] = seen.GetValueOrDefault((t.From, t.To)) + 1;
            if (back.Contains(t))
            {
                // A loop goes out on the right, round the outside of the graph, and back in on the right.
                var bulge = rightmost + 30 + 12 * loops++;
                var (x1, y1) = (from.X + BoxWidth, from.Y + BoxHeight / 2);
                var (x2, y2) = (to.X + BoxWidth, to.Y + BoxHeight / 2);
                edges.Add(new GraphEdge(t, true,
                    $"M {F(x1)} {F(y1)} C {F(bulge)} {F(y1)}, {F(bulge)} {F(y2)}, {F(x2 + 4)} {F(y2)}",
                    bulge - 4, (y1 + y2) / 2 + (nth - 1) * 16));
            }
            else
            {
                var (x1, y1) = (from.X + BoxWidth / 2, from.Y + BoxHeight);
                var (x2, y2) = (to.X + BoxWidth / 2, to.Y - 4);
                edges.Add(new GraphEdge(t, false, $"M {F(x1)} {F(y1)} L {F(x2)} {F(y2)}",
                    (x1 + x2) / 2, (y1 + y2) / 2 + 4 + (nth - 1) * 16));
            }
        }
        return new DefinitionGraph { Nodes = nodes.Values.ToList(), Edges = edges, Width = width, Height = height };
    }

    public static string F(double value) => value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}

/// <param name="TypeName">The activity type's name for people ("Tugas pengguna").</param>
public sealed record GraphNode(ActivityDefinition Activity, string TypeName, int Layer, double X, double Y);

/// <param name="Back">Closes a loop (goes back to an earlier activity).</param>
/// <param name="Path">The SVG path data.</param>
public sealed record GraphEdge(TransitionDefinition Transition, bool Back, string Path, double LabelX, double LabelY);
