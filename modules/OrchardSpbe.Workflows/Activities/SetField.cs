using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Content;
using OrchardSpbe.Workflows.Definitions;
using OrchardSpbe.Workflows.Runtime;

namespace OrchardSpbe.Workflows.Activities;

/// <summary>
/// Sets a value in the content item — <c>path</c> names it in the item's JSON ("Article.Status.Text") and
/// <c>value</c> is a template — saved as a new version (public again at once when the item was public).
/// </summary>
public sealed class SetField : IActivity
{
    public string Type => "SetField";
    public string DisplayName => "Isi kolom konten";

    public Task ValidateAsync(ActivityDefinition activity, DefinitionErrors errors)
    {
        errors.CheckTemplates(activity, "value");
        var path = activity.Text("path").Split('.');
        if (path.Length < 2 || path.Any(p => p.Trim().Length == 0))
            errors.Add(activity, errors.T["'path' harus menyebut bagian dan isian, misalnya \"Article.Status.Text\"."]);
        return Task.CompletedTask;
    }

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var item = await context.ContentAsync();
        if (item is null) return ActivityResult.Failed("the instance concerns no content item");
        var value = await context.Services.GetRequiredService<WorkflowScripting>().RenderAsync(context.Activity.Text("value"), await context.ModelAsync());
        var path = context.Activity.Text("path").Split('.');
        var target = item.Content;
        foreach (var step in path[..^1])
            target = target[step] as JsonObject ?? (JsonObject)(target[step] = new JsonObject());
        target[path[^1]] = value;
        var contents = context.Services.GetRequiredService<ContentManager>();
        var saved = await contents.UpdateAsync(item, item.ContentItemVersionId, publish: item.Published, context.Input.Actor);
        return saved.Succeeded ? ActivityResult.Outcome(Outcomes.Done) : ActivityResult.Failed("the content item changed while the field was set");
    }
}
