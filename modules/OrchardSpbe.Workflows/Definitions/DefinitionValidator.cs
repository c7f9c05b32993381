using Microsoft.Extensions.Localization;
using OrchardSpbe.Content;
using OrchardSpbe.Localization;
using OrchardSpbe.Security;
using OrchardSpbe.Workflows.Activities;

namespace OrchardSpbe.Workflows.Definitions;

/// <summary>
/// Refuses a definition that could not run as drawn — on save in the admin and on import from a recipe:
/// unknown activity types or roles, transitions to nowhere or on outcomes an activity never has, no start,
/// and cycles that never wait (they would spin forever). Every message names the activity.
/// </summary>
public sealed partial class DefinitionValidator(ActivityLibrary library, ITenantUsers users, ContentDefinitionStore contentTypes, IStringLocalizer<Strings> T)
{
    public async Task<IReadOnlyList<string>> ValidateAsync(WorkflowDefinition definition, IReadOnlyCollection<string>? extraRoles = null)
    {
        var roles = new HashSet<string>(await users.RoleNamesAsync(), StringComparer.OrdinalIgnoreCase);
        if (extraRoles is not null) roles.UnionWith(extraRoles);
        var types = (await contentTypes.GetAsync()).Types.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var errors = new DefinitionErrors(T, roles, types);

        if (!IdPattern().IsMatch(definition.Id)) errors.Add(T["Id alur kerja wajib diisi: huruf kecil, angka dan tanda hubung (misalnya persetujuan-konten)."]);
        if (definition.Name.Length == 0) errors.Add(T["Nama alur kerja wajib diisi."]);
        if (definition.Activities.Count == 0) errors.Add(T["Alur kerja harus punya paling sedikit satu aktivitas."]);

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var activity in definition.Activities)
        {
            if (activity.Id.Length == 0) { errors.Add(T["Setiap aktivitas harus punya id."]); continue; }
            if (!ids.Add(activity.Id)) errors.Add(activity, T["id dipakai lebih dari sekali."]);
            var type = library.Find(activity.Type);
            if (type is null)
            {
                errors.Add(activity, T["tipe aktivitas '{0}' tidak dikenal.", activity.Type]);
                continue;
            }
            if (activity.Start && !type.CanStart) errors.Add(activity, T["aktivitas '{0}' tidak dapat memulai alur kerja.", activity.Type]);
            await type.ValidateAsync(activity, errors);
        }
        if (definition.Activities.Count > 0 && !definition.Activities.Any(a => a.Start))
            errors.Add(T["Alur kerja harus punya aktivitas awal (\"start\": true), misalnya sebuah peristiwa konten."]);

        foreach (var transition in definition.Transitions)
        {
            var from = definition.Activity(transition.From);
            if (from is null) { errors.Add(T["Transisi dari '{0}' ke '{1}': aktivitas '{0}' tidak ada.", transition.From, transition.To]); continue; }
            if (definition.Activity(transition.To) is null)
                errors.Add(from, T["transisi '{0}' menuju aktivitas '{1}' yang tidak ada.", transition.Outcome, transition.To]);
            if (library.Find(from.Type) is { } type && !type.OutcomesOf(from).Contains(transition.Outcome, StringComparer.OrdinalIgnoreCase))
                errors.Add(from, T["tidak punya hasil '{0}' (hasilnya: {1}).", transition.Outcome, string.Join(", ", type.OutcomesOf(from))]);
        }

        foreach (var cycle in CyclesWithoutWait(definition))
            errors.Add(T["Siklus tanpa penantian: {0}. Sebuah siklus harus melewati tugas pengguna, peristiwa atau penantian waktu.",
                string.Join(" → ", cycle.Append(cycle[0]))]);
        return errors.Messages;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial System.Text.RegularExpressions.Regex IdPattern();

    /// <summary>The strongly connected parts of the graph (Tarjan) that contain no activity able to wait.</summary>
    private IEnumerable<List<string>> CyclesWithoutWait(WorkflowDefinition definition)
    {
        var edges = definition.Transitions.Where(t => definition.Activity(t.To) is not null)
            .GroupBy(t => t.From).ToDictionary(g => g.Key, g => g.Select(t => t.To).Distinct().ToList());
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var components = new List<List<string>>();
        var counter = 0;

        void Visit(string node)
        {
            index[node] = low[node] = counter++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in edges.GetValueOrDefault(node) ?? [])
            {
                if (!index.ContainsKey(next)) { Visit(next); low[node] = Math.Min(low[node], low[next]); }
                else if (onStack.Contains(next)) low[node] = Math.Min(low[node], index[next]);
            }
            if (low[node] != index[node]) return;
            var component = new List<string>();
            string member;
            do { member = stack.Pop(); onStack.Remove(member); component.Add(member); } while (member != node);
            components.Add(component);
        }

        foreach (var activity in definition.Activities.Where(a => a.Id.Length > 0 && !index.ContainsKey(a.Id))) Visit(activity.Id);
        foreach (var component in components)
        {
            var isCycle = component.Count > 1 || (edges.GetValueOrDefault(component[0])?.Contains(component[0]) ?? false);
            if (!isCycle) continue;
            var waits = component.Any(id => definition.Activity(id) is { } a && library.Find(a.Type)?.CanWait == true);
            if (!waits) { component.Reverse(); yield return component; }
        }
    }
}
