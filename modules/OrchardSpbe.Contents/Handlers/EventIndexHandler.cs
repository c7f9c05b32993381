using OrchardSpbe.Content;
using OrchardSpbe.Data;

namespace OrchardSpbe.Contents.Handlers;

/// <summary>Indexes agenda events by start time, for "upcoming" and "past" lists.</summary>
public sealed class EventIndexHandler : IContentHandler
{
    public string? FeatureId => Manifest.FeatureId;

    public async Task IndexingAsync(ContentContext context)
    {
        if (!context.Item.Has(ContentParts.Event)) return;
        var part = context.Item.As<EventPart>(ContentParts.Event);
        await context.Session.ExecuteAsync("INSERT INTO event_index (document_id, start_utc, end_utc) VALUES (@id, @start, @end)",
            new { id = context.Item.Id, start = UnixTime.Ms(part.StartUtc), end = UnixTime.Ms(part.EndUtc) });
    }
}
