using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Content;
using OrchardSpbe.Security;
using OrchardSpbe.Workflows.Activities;
using OrchardSpbe.Workflows.Definitions;

namespace OrchardSpbe.Workflows.Runtime;

/// <summary>One pass of the executor: the time it runs at, the content items it read, the history it writes.</summary>
public sealed class WorkflowRun(WorkflowInstanceStore instances, ContentManager contents, DateTimeOffset now)
{
    private readonly Dictionary<string, ContentItem?> _content = [];

    public DateTimeOffset Now { get; } = now;

    public async Task<ContentItem?> ContentAsync(WorkflowInstance instance)
    {
        if (instance.CorrelationId is not { } id) return null;
        if (!_content.TryGetValue(id, out var item)) _content[id] = item = await contents.GetAsync(id);
        return item;
    }

    /// <summary>Forgets a content item read earlier (a step changed it).</summary>
    public void ContentChanged(string contentItemId) => _content.Remove(contentItemId);

    public Task RecordAsync(WorkflowInstance instance, ActivityDefinition activity, string? outcome, string? action, string? comment, string? actor = null) =>
        instances.AddHistoryAsync(new HistoryEntry
        {
            InstanceId = instance.Id, ActivityId = activity.Id, ActivityType = activity.Type, ActivityTitle = activity.DisplayTitle,
            Outcome = outcome, Action = action, Actor = actor ?? Actor, Comment = comment, AtUtc = Now,
        });

    /// <summary>Who the current step acts for (the user who resumed the instance; null for timers).</summary>
    public string? Actor { get; set; }

    public async Task<JsonObject> ModelAsync(ActivityContext context)
    {
        var item = await ContentAsync(context.Instance);
        return new JsonObject
        {
            ["content"] = item is null ? null : new JsonObject
            {
                ["id"] = item.ContentItemId, ["title"] = item.DisplayText, ["type"] = item.ContentType, ["owner"] = item.Owner,
                ["author"] = item.Author, ["published"] = item.Published, ["parts"] = item.Content.DeepClone(),
            },
            ["input"] = new JsonObject
            {
                ["actor"] = context.Input.Actor, ["action"] = context.Input.Action, ["comment"] = context.Input.Comment,
                // People by their display names in notifications and e-mails (issue 16 §6).
                ["actorName"] = await context.Services.GetRequiredService<PeopleNames>().OfAsync(context.Input.Actor),
            },
            ["workflow"] = new JsonObject
            {
                ["id"] = context.Instance.Id, ["name"] = context.Definition.Name, ["version"] = context.Definition.Version,
            },
            ["properties"] = context.Instance.Properties.DeepClone(),
        };
    }
}
