using OrchardSpbe.Localization;
using OrchardSpbe.Content;

namespace OrchardSpbe.Contents.Editors;

/// <summary>When to publish (and, optionally, to take down) the item, typed in WIB.</summary>
public sealed class PublishLaterPartEditor(TimeProvider clock) : IContentEditor
{
    public string Name => ContentParts.PublishLater;

    public Task UpdateAsync(EditorContext context)
    {
        var part = new PublishLaterPart();
        var publish = context.Value("ScheduledPublish");
        var unpublish = context.Value("ScheduledUnpublish");
        if (!string.IsNullOrEmpty(publish))
        {
            if (!WibTime.TryParseInput(publish, out var at)) context.Error("ScheduledPublish", context.T["Waktu terbit tidak valid."]);
            else if (at <= clock.GetUtcNow()) context.Error("ScheduledPublish", context.T["Waktu terbit terjadwal harus di masa depan."]);
            else part.ScheduledPublishUtc = at;
        }
        if (!string.IsNullOrEmpty(unpublish))
        {
            if (!WibTime.TryParseInput(unpublish, out var at)) context.Error("ScheduledUnpublish", context.T["Waktu tarik tidak valid."]);
            else if (at <= (part.ScheduledPublishUtc ?? clock.GetUtcNow()))
                context.Error("ScheduledUnpublish", context.T["Waktu tarik harus setelah waktu terbit."]);
            else part.ScheduledUnpublishUtc = at;
        }
        context.Item.Apply(ContentParts.PublishLater, part);
        return Task.CompletedTask;
    }
}
