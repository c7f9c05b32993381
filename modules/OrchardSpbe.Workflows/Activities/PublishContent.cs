using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Content;
using OrchardSpbe.Workflows.Definitions;

namespace OrchardSpbe.Workflows.Activities;

/// <summary>
/// Publishes the instance's content item as the user whose decision led here: the version that decision was taken
/// on (an approval publishes what the head was shown), else the latest.
/// </summary>
public sealed class PublishContent : IActivity
{
    public string Type => "PublishContent";
    public string DisplayName => "Terbitkan konten";

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (context.Instance.CorrelationId is not { } id) return ActivityResult.Failed("the instance concerns no content item");
        var outcome = await context.Services.GetRequiredService<ContentManager>().PublishAsync(id, context.Input.Actor, context.Input.ContentVersionId);
        if (outcome.Kind == ContentOutcomeKind.Stale) return ActivityResult.Failed($"content item {id} changed after the decision was taken");
        return outcome.Succeeded ? ActivityResult.Outcome(Outcomes.Done) : ActivityResult.Failed($"content item {id} no longer exists");
    }
}

/// <summary>Takes the instance's content item off the public site.</summary>
public sealed class UnpublishContent : IActivity
{
    public string Type => "UnpublishContent";
    public string DisplayName => "Tarik konten dari situs publik";

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (context.Instance.CorrelationId is not { } id) return ActivityResult.Failed("the instance concerns no content item");
        var outcome = await context.Services.GetRequiredService<ContentManager>().UnpublishAsync(id, context.Input.Actor);
        return outcome.Succeeded ? ActivityResult.Outcome(Outcomes.Done) : ActivityResult.Failed($"content item {id} no longer exists");
    }
}
