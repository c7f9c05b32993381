using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Notifications;
using OrchardSpbe.Workflows.Definitions;
using OrchardSpbe.Workflows.Runtime;

namespace OrchardSpbe.Workflows.Activities;

/// <summary>Sends an e-mail to addresses (<c>to</c>, templates) — for people outside the site's users.</summary>
public sealed class SendEmail : IActivity
{
    public string Type => "SendEmail";
    public string DisplayName => "Kirim e-mail";

    public Task ValidateAsync(ActivityDefinition activity, DefinitionErrors errors)
    {
        errors.CheckTemplates(activity, "to", "subject", "body");
        if (activity.List("to").Count == 0) errors.Add(activity, errors.T["'to' wajib menyebut paling sedikit satu alamat."]);
        if (activity.Text("subject").Trim().Length == 0) errors.Add(activity, errors.T["'subject' wajib diisi."]);
        return Task.CompletedTask;
    }

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var scripting = context.Services.GetRequiredService<WorkflowScripting>();
        var model = await context.ModelAsync();
        var to = new List<string>();
        foreach (var address in context.Activity.List("to")) to.Add((await scripting.RenderAsync(address, model)).Trim());
        await context.Services.GetRequiredService<INotifier>().EmailAsync(
            to.Where(a => a.Contains('@')).ToList(),
            await scripting.RenderAsync(context.Activity.Text("subject"), model),
            await scripting.RenderAsync(context.Activity.Text("body"), model));
        return ActivityResult.Outcome(Outcomes.Done);
    }
}
