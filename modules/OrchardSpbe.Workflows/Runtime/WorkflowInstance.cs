using System.Text.Json.Nodes;

namespace OrchardSpbe.Workflows.Runtime;

/// <summary>
/// A running (or finished) workflow: the definition version it runs on, the content item it concerns, its
/// status and its working state (properties set by activities, join arrivals).
/// </summary>
public sealed class WorkflowInstance
{
    public string Id { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public string Status { get; set; } = WorkflowStatus.Running;
    public string? CorrelationId { get; set; }
    public string? CorrelationTitle { get; set; }
    public JsonObject State { get; set; } = [];
    public DateTimeOffset CreatedUtc { get; set; }
    public DateTimeOffset UpdatedUtc { get; set; }
    public DateTimeOffset? FinishedUtc { get; set; }
    public int RowVersion { get; set; }

    public JsonObject Properties => State["properties"] as JsonObject ?? (JsonObject)(State["properties"] = new JsonObject());

    public JsonObject Joins => State["joins"] as JsonObject ?? (JsonObject)(State["joins"] = new JsonObject());

    public bool IsFinished => Status is WorkflowStatus.Finished or WorkflowStatus.Cancelled or WorkflowStatus.Faulted;
}

public static class WorkflowStatus
{
    /// <summary>Running or waiting on a user, an event or a time.</summary>
    public const string Running = "running";
    public const string Finished = "finished";
    public const string Cancelled = "cancelled";
    public const string Faulted = "faulted";

    public static readonly IReadOnlyList<string> All = [Running, Finished, Cancelled, Faulted];
}
