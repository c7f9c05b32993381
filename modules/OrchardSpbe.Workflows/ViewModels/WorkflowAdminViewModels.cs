using OrchardSpbe.Workflows.Admin;
using OrchardSpbe.Workflows.Definitions;
using OrchardSpbe.Workflows.Runtime;
using OrchardSpbe.Workflows.Services;

namespace OrchardSpbe.Workflows.ViewModels;

public sealed class DefinitionListViewModel
{
    public required IReadOnlyList<WorkflowDefinitionStore.DefinitionRow> Definitions { get; init; }
    public required IReadOnlyDictionary<string, long> Running { get; init; }
    public bool CanManage { get; init; }
}

/// <summary>A graph to draw, with what an instance visited and waits on highlighted.</summary>
public sealed class GraphViewModel
{
    public required DefinitionGraph Graph { get; init; }
    public required string Title { get; init; }
    public required string Id { get; init; }
    public IReadOnlySet<string> Visited { get; init; } = new HashSet<string>();
    public IReadOnlySet<string> Waiting { get; init; } = new HashSet<string>();
}

public sealed class DefinitionViewModel
{
    public required WorkflowDefinition Definition { get; init; }
    public required GraphViewModel Graph { get; init; }
    public required IReadOnlyList<WorkflowDefinitionStore.DefinitionRow> Versions { get; init; }
    public long Running { get; init; }
    public bool CanManage { get; init; }
    public bool CanStart { get; init; }
    public required DefinitionForm Form { get; init; }
}

public sealed class DefinitionVersionViewModel
{
    public required WorkflowDefinition Definition { get; init; }
    public required WorkflowDefinitionStore.DefinitionRow Row { get; init; }
    public required GraphViewModel Graph { get; init; }
    public required int LatestVersion { get; init; }
}

/// <summary>The JSON editor: what was typed (kept when refused), the version it was opened on, and why it was refused.</summary>
public sealed class DefinitionForm
{
    public string Json { get; set; } = "";
    public int ExpectedVersion { get; set; }
    public IReadOnlyList<string> Errors { get; set; } = [];
}

public sealed class InstanceListViewModel
{
    public required IReadOnlyList<WorkflowInstance> Instances { get; init; }
    public required long Total { get; init; }
    public required int Page { get; init; }
    public required int PageCount { get; init; }
    public required InstanceFilter Filter { get; init; }
    public required IReadOnlyList<WorkflowDefinitionStore.DefinitionRow> Definitions { get; init; }

    public string DefinitionName(string id) => Definitions.FirstOrDefault(d => d.DefinitionId == id)?.Name ?? id;
}

public sealed class InstanceViewModel
{
    public required WorkflowInstance Instance { get; init; }
    public WorkflowDefinition? Definition { get; init; }
    public GraphViewModel? Graph { get; init; }
    public required IReadOnlyList<HistoryEntry> History { get; init; }
    public required IReadOnlyList<TaskView> OpenTasks { get; init; }
    public required IReadOnlyList<WorkflowTask> Tasks { get; init; }
    public bool CanManage { get; init; }
}
