using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Notifications;
using OrchardSpbe.Security;
using OrchardSpbe.Workflows.Definitions;
using OrchardSpbe.Workflows.Runtime;

namespace OrchardSpbe.Workflows.Activities;

/// <summary>
/// Notifies people in the app (and by e-mail when SMTP is configured): the users of <c>roles</c>, the named
/// <c>users</c>, the item's <c>owner</c>, or the <c>actor</c> who resumed the instance. <c>subject</c>,
/// <c>body</c> and <c>link</c> are templates; the link defaults to the item's editor.
/// </summary>
public sealed class Notify : IActivity
{
    public string Type => "Notify";
    public string DisplayName => "Beri tahu pengguna";

    public Task ValidateAsync(ActivityDefinition activity, DefinitionErrors errors)
    {
        errors.CheckTemplates(activity, "subject", "body", "link");
        if (activity.Text("subject").Trim().Length == 0) errors.Add(activity, errors.T["'subject' wajib diisi."]);
        if (activity.List("roles").Count == 0 && activity.List("users").Count == 0 && !activity.Flag("owner") && !activity.Flag("actor"))
            errors.Add(activity, errors.T["sebutkan penerima: 'roles', 'users', 'owner' atau 'actor'."]);
        errors.CheckRoles(activity, activity.List("roles"));
        return Task.CompletedTask;
    }

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var activity = context.Activity;
        var users = context.Services.GetRequiredService<ITenantUsers>();
        var names = new HashSet<string>(activity.List("users"), StringComparer.OrdinalIgnoreCase);
        foreach (var user in await users.InRolesAsync(activity.List("roles"))) names.Add(user.UserName);
        var item = await context.ContentAsync();
        if (activity.Flag("owner") && item?.Owner is { } owner) names.Add(owner);
        if (activity.Flag("actor") && context.Input.Actor is { } actor) names.Add(actor);
        // The one who acted knows already (a reviewer is not told about their own approval), unless they are named.
        if (!activity.Flag("actor") && context.Input.Actor is { } self && !activity.List("users").Contains(self)) names.Remove(self);
        if (names.Count == 0) return ActivityResult.Outcome(Outcomes.Done);

        var scripting = context.Services.GetRequiredService<WorkflowScripting>();
        var model = await context.ModelAsync();
        var link = activity.Text("link") is { Length: > 0 } l ? await scripting.RenderAsync(l, model)
            : item is not null ? $"/admin/contents/{item.ContentItemId}/edit" : "/admin/tasks";
        var notification = new Notification(
            await scripting.RenderAsync(activity.Text("subject"), model), await scripting.RenderAsync(activity.Text("body"), model), link);
        await context.Services.GetRequiredService<INotifier>().NotifyAsync(names, notification);
        return ActivityResult.Outcome(Outcomes.Done);
    }
}
