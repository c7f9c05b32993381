using Microsoft.Extensions.DependencyInjection;
using OrchardSpbe.Content;
using OrchardSpbe.Workflows.Definitions;

namespace OrchardSpbe.Workflows.Activities;

/// <summary>
/// Something happened to a content item of the listed types (all types when none are listed). As the start
/// of a definition it starts an instance for the item; further on it makes the instance wait until it happens
/// to the instance's item (e.g. "resubmitted after a rejection"), optionally showing a review state meanwhile.
/// </summary>
public abstract class ContentEvent(string type, string displayName) : IActivity
{
    public string Type => type;
    public string DisplayName => displayName;
    public bool CanStart => true;
    public bool CanWait => true;

    public bool Matches(ActivityDefinition activity, string contentType) =>
        activity.List("contentTypes") is not { Count: > 0 } types || types.Contains(contentType, StringComparer.Ordinal);

    public Task ValidateAsync(ActivityDefinition activity, DefinitionErrors errors)
    {
        foreach (var name in activity.List("contentTypes"))
            if (!errors.ContentTypeExists(name)) errors.Add(activity, errors.T["tipe konten '{0}' tidak ada di situs ini.", name]);
        if (activity.Text("state").Length > 0 && activity.Text("stateLabel").Length == 0)
            errors.Add(activity, errors.T["'stateLabel' wajib diisi bila 'state' diisi."]);
        return Task.CompletedTask;
    }

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (context.Instance.CorrelationId is not { } itemId)
            return ActivityResult.Failed("a content event can only be awaited by an instance that concerns a content item");
        if (context.Activity.Text("state") is { Length: > 0 } state)
            await context.Services.GetRequiredService<ContentReviewStates>().SetAsync(itemId, state, context.Activity.Text("stateLabel"), context.Now);
        return ActivityResult.WaitFor(new WaitRequest(WaitRequest.EventKind, Event: Type));
    }

    public async Task<ActivityResult> ResumeAsync(ActivityContext context)
    {
        if (context.Activity.Text("state").Length > 0 && context.Instance.CorrelationId is { } itemId)
            await context.Services.GetRequiredService<ContentReviewStates>().ClearAsync(itemId);
        return ActivityResult.Outcome(Outcomes.Done);
    }
}

public static class ContentEvents
{
    public const string Created = "ContentCreated";
    public const string DraftSaved = "ContentDraftSaved";
    public const string Submitted = "ContentSubmitted";
    public const string Published = "ContentPublished";
    public const string Deleted = "ContentDeleted";
}

public sealed class ContentCreated() : ContentEvent(ContentEvents.Created, "Konten dibuat");
public sealed class ContentDraftSaved() : ContentEvent(ContentEvents.DraftSaved, "Draf konten disimpan");
public sealed class ContentSubmitted() : ContentEvent(ContentEvents.Submitted, "Konten diajukan untuk ditinjau");
public sealed class ContentPublished() : ContentEvent(ContentEvents.Published, "Konten diterbitkan");
public sealed class ContentDeleted() : ContentEvent(ContentEvents.Deleted, "Konten dihapus");
