using OrchardSpbe.Content;
using OrchardSpbe.Workflows.Runtime;
using OrchardSpbe.Workflows.Services;

namespace OrchardSpbe.Workflows.ViewModels;

public sealed class TaskInboxViewModel
{
    public required IReadOnlyList<WorkflowTask> Tasks { get; init; }
    public long Total { get; init; }
    public int Page { get; init; }
    public int PageCount { get; init; }

    /// <summary>The signed-in user's own items sent back for changes ("Perlu perbaikan").</summary>
    public IReadOnlyList<ReturnedItem> Returned { get; init; } = [];
}

public sealed class TaskViewModel
{
    public required TaskView View { get; init; }
    public ContentItem? Item { get; init; }

    /// <summary>The content version the decision is for (shown, and posted back with the decision).</summary>
    public string? VersionId { get; init; }
    public string? DecidedBy { get; init; }
    public string? Error { get; init; }

    /// <summary>What the user posted, kept when the decision is refused (a missing comment).</summary>
    public string? PostedAction { get; init; }
    public string? PostedComment { get; init; }
}

public sealed class ReviewHistoryViewModel
{
    public required ContentItem Item { get; init; }
    public required IReadOnlyList<ReviewAct> Acts { get; init; }

    /// <summary>Every technical step (empty for those who may not see workflows).</summary>
    public required IReadOnlyList<HistoryEntry> History { get; init; }
    public required OrchardSpbe.Security.PeopleNames Names { get; init; }
    public required IReadOnlyDictionary<string, WorkflowInstance> Instances { get; init; }
}
