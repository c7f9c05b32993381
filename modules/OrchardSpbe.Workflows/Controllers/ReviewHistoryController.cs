using Microsoft.AspNetCore.Mvc;
using OrchardSpbe.Content;
using OrchardSpbe.Modules;
using OrchardSpbe.Security;
using OrchardSpbe.Workflows.Runtime;
using OrchardSpbe.Workflows.ViewModels;

namespace OrchardSpbe.Workflows.Controllers;

/// <summary>
/// Every step every workflow took on one content item — submissions, decisions with their comments, publishing —
/// for those who may see workflows and for the people who may edit the item (its author sees the whole story).
/// </summary>
[Area("Workflows")]
[RequireFeature(Manifest.FeatureId)]
[RequirePermission("AccessAdmin")]
[Route("admin/workflows/items")]
public sealed class ReviewHistoryController(
    ContentManager contents,
    WorkflowInstanceStore instances,
    PermissionHandler permissions) : Controller
{
    [HttpGet("{contentItemId}")]
    public async Task<IActionResult> Index(string contentItemId)
    {
        var item = await contents.GetAsync(contentItemId);
        if (item is null) return NotFound();
        if (!await MaySeeAsync(item)) return Forbid();
        var history = await instances.HistoryForItemAsync(contentItemId);
        var byId = new Dictionary<string, WorkflowInstance>();
        foreach (var id in history.Select(h => h.InstanceId).Distinct())
            if (await instances.GetAsync(id) is { } instance) byId[id] = instance;
        return View(new ReviewHistoryViewModel { Item = item, History = history, Instances = byId });
    }

    /// <summary>Content permissions are named, not referenced: this module knows the framework, not the Contents module.</summary>
    private async Task<bool> MaySeeAsync(ContentItem item) =>
        await HasAsync(Permissions.ViewWorkflows.Name) || await HasAsync("EditContent")
        || (item.Owner == User.Identity?.Name && await HasAsync("EditOwnContent"));

    private Task<bool> HasAsync(string permission) => permissions.HasPermissionAsync(User, permission);
}
