using OrchardSpbe.Content;
using OrchardSpbe.Data;
using OrchardSpbe.Security;
using OrchardSpbe.Workflows.Activities;
using OrchardSpbe.Workflows.Runtime;

namespace OrchardSpbe.Workflows.Services;

/// <summary>
/// "Perlu perbaikan" (issue 16 §3): the author's own items whose review waits for them to change and resubmit, with
/// the note they were sent back with — listed in "Tugas saya", not only under Notifikasi.
/// </summary>
public sealed class ReturnedItems(TenantSession session, ContentManager contents, WorkflowInstanceStore instances, PeopleNames names)
{
    private const int Limit = 50;

    public async Task<IReadOnlyList<ReturnedItem>> OfOwnerAsync(string? userName)
    {
        if (string.IsNullOrEmpty(userName)) return [];
        var waits = (await session.QueryAsync<(string InstanceId, string CorrelationId)>(
            "SELECT instance_id, correlation_id FROM workflow_waits WHERE event = @submitted AND correlation_id IS NOT NULL LIMIT @limit",
            new { submitted = ContentEvents.Submitted, limit = Limit * 4 })).ToList();
        if (waits.Count == 0) return [];
        var items = (await contents.Store.GetManyAsync(waits.Select(w => w.CorrelationId).Distinct().ToList(), published: false))
            .Where(i => string.Equals(i.Owner, userName, StringComparison.OrdinalIgnoreCase)).ToDictionary(i => i.ContentItemId);
        var returned = new List<ReturnedItem>();
        foreach (var (instanceId, itemId) in waits)
        {
            if (!items.TryGetValue(itemId, out var item)) continue;
            var note = await instances.LastCommentAsync(instanceId);
            returned.Add(new ReturnedItem(item, note?.Comment, await names.OfAsync(note?.Actor), note?.AtUtc));
        }
        return returned.OrderByDescending(r => r.ReturnedUtc).Take(Limit).ToList();
    }
}

public sealed record ReturnedItem(ContentItem Item, string? Note, string? NoteBy, DateTimeOffset? ReturnedUtc);
