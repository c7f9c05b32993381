using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrchardSpbe.Workflows.Definitions;

/// <summary>
/// A workflow as data: activities (events that start or resume it, tasks that do something) joined by
/// transitions on named outcomes. Stored as JSON, one immutable row per version; an instance runs to the end
/// on the version it started with.
/// </summary>
public sealed class WorkflowDefinition
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public bool Enabled { get; init; } = true;

    /// <summary>At most one unfinished instance per content item (an approval is not started twice).</summary>
    public bool SingletonPerItem { get; init; } = true;

    public IReadOnlyList<ActivityDefinition> Activities { get; init; } = [];
    public IReadOnlyList<TransitionDefinition> Transitions { get; init; } = [];

    /// <summary>Set when loaded from the store.</summary>
    public int Version { get; set; }

    public ActivityDefinition? Activity(string id) => Activities.FirstOrDefault(a => a.Id == id);

    public IEnumerable<TransitionDefinition> From(string activityId, string outcome) =>
        Transitions.Where(t => t.From == activityId && string.Equals(t.Outcome, outcome, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads the JSON shape used by recipes and the editor; shape errors are reported by <see cref="DefinitionValidator"/>.</summary>
    public static WorkflowDefinition FromJson(JsonObject json) => new()
    {
        Id = Str(json, "id"),
        Name = Str(json, "name"),
        Enabled = json["enabled"] is not JsonValue e || !e.TryGetValue<bool>(out var enabled) || enabled,
        SingletonPerItem = json["singletonPerItem"] is not JsonValue s || !s.TryGetValue<bool>(out var single) || single,
        Activities = (json["activities"] as JsonArray ?? []).OfType<JsonObject>().Select(ActivityDefinition.FromJson).ToList(),
        Transitions = (json["transitions"] as JsonArray ?? []).OfType<JsonObject>().Select(t => new TransitionDefinition(
            Str(t, "from"), Str(t, "outcome") is { Length: > 0 } o ? o : Outcomes.Done, Str(t, "to"))).ToList(),
    };

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["enabled"] = Enabled,
        ["singletonPerItem"] = SingletonPerItem,
        ["activities"] = new JsonArray(Activities.Select(a => (JsonNode)a.ToJson()).ToArray()),
        ["transitions"] = new JsonArray(Transitions.Select(t => (JsonNode)new JsonObject
        {
            ["from"] = t.From, ["outcome"] = t.Outcome, ["to"] = t.To,
        }).ToArray()),
    };

    public string ToJsonString(bool indented = false) => ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = indented });

    internal static string Str(JsonObject json, string name) =>
        json[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : "";
}

/// <summary>
/// One step of the graph: its id (unique in the definition), its type ("UserTask", "ContentSubmitted", …),
/// a title for people, whether it starts the workflow, and the type's own settings.
/// </summary>
public sealed class ActivityDefinition
{
    public string Id { get; init; } = "";
    public string Type { get; init; } = "";
    public string Title { get; init; } = "";
    public bool Start { get; init; }
    public JsonObject Properties { get; init; } = [];

    public string DisplayTitle => Title.Length > 0 ? Title : Id;

    public string Text(string name) => Properties[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    public bool Flag(string name) => Properties[name] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    public IReadOnlyList<string> List(string name) => Properties[name] switch
    {
        JsonArray a => a.Select(x => x is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : "").Where(s => s.Length > 0).ToList(),
        JsonValue v when v.TryGetValue<string>(out var s) && s.Trim().Length > 0 => [s.Trim()],
        _ => [],
    };

    private static readonly HashSet<string> Own = ["id", "type", "title", "start"];

    public static ActivityDefinition FromJson(JsonObject json)
    {
        var properties = new JsonObject();
        foreach (var (key, value) in json)
            if (!Own.Contains(key)) properties[key] = value?.DeepClone();
        return new ActivityDefinition
        {
            Id = WorkflowDefinition.Str(json, "id"),
            Type = WorkflowDefinition.Str(json, "type"),
            Title = WorkflowDefinition.Str(json, "title"),
            Start = json["start"] is JsonValue s && s.TryGetValue<bool>(out var start) && start,
            Properties = properties,
        };
    }

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["id"] = Id, ["type"] = Type };
        if (Title.Length > 0) json["title"] = Title;
        if (Start) json["start"] = true;
        foreach (var (key, value) in Properties) json[key] = value?.DeepClone();
        return json;
    }
}

/// <summary>When <see cref="From"/> ends with <see cref="Outcome"/>, <see cref="To"/> runs next.</summary>
public sealed record TransitionDefinition(string From, string Outcome, string To);

public static class Outcomes
{
    public const string Done = "Done";
    public const string True = "True";
    public const string False = "False";
    public const string Failed = "Failed";
}

/// <summary>How the admin says an outcome (localisation keys): "Done" never reaches the page in English.</summary>
public static class OutcomeText
{
    public static string Of(string outcome) => outcome switch
    {
        Outcomes.Done => "selesai",
        Outcomes.True => "ya",
        Outcomes.False => "tidak",
        Outcomes.Failed => "gagal",
        Activities.UserTask.Overdue => "tenggat terlewati",
        Runtime.WorkflowStatus.Cancelled => "dibatalkan",
        Runtime.WorkflowStatus.Faulted => "galat",
        _ => outcome,
    };
}
